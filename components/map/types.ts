export type { MapArea } from "@/lib/indicators/ward-map";

import type { DomainKey } from "@/lib/domain/types";

/** The Civic Pulse domains, in the order pages show them. */
export const DOMAIN_INFO: Record<DomainKey, { title: string; summary: string; order: number }> = {
  everyday: {
    title: "Everyday citizenship",
    summary: "Acts of kindness, reciprocity and informal help between neighbours.",
    order: 1,
  },
  participation: {
    title: "Civic participation",
    summary: "Contemporary civic behaviour: volunteering, time-banking, local campaigns, hyper-local media.",
    order: 2,
  },
  drivers: {
    title: "Drivers",
    summary: "What enables people to take part: confidence, resilience, skills, networks, belonging.",
    order: 3,
  },
  assets: {
    title: "Assets",
    summary: "What the place already has: spaces, groups and the hidden wealth of care.",
    order: 4,
  },
  context: {
    title: "Context",
    summary: "Why places start unequal: deprivation, health and disability.",
    order: 5,
  },
};

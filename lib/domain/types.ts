// Domain types shared by the data layer, the seed, the importers and the UI.
// Storage types come from Prisma (lib/db/generated); these describe the domain itself.

/** An ONS GSS code such as E05010805 (ward) or E06000031 (Peterborough). */
export type AreaCode = string;

export const AREA_TYPES = ["ward", "local_authority", "region", "country"] as const;
export type AreaType = (typeof AREA_TYPES)[number];

export const DOMAINS = ["everyday", "participation", "drivers", "assets", "context"] as const;
export type DomainKey = (typeof DOMAINS)[number];

export const POLARITIES = ["higher-better", "lower-better", "neither"] as const;
export type Polarity = (typeof POLARITIES)[number];

export const UNITS = ["percent", "per1000", "score"] as const;
export type Unit = (typeof UNITS)[number];

/** "all" is the whole population; other groups are "<dimension>:<value>", e.g. "age:16-34". */
export type PopulationGroup = string;
export const ALL_GROUP: PopulationGroup = "all";

/** Indicator metadata, as designed in the catalogue and stored in the Indicator table. */
export interface Indicator {
  slug: string;
  title: string;
  shortTitle: string;
  description: string;
  whyItMatters: string;
  domain: DomainKey;
  unit: Unit;
  unitLabel: string;
  polarity: Polarity;
  decimals: number;
  method: string;
  caveats?: string;
  synthetic: boolean;
  sourceId: string;
  sortOrder: number;
}

/** One figure for an indicator × area × period × group, with its interval and provenance. */
export interface Observation {
  indicatorSlug: string;
  areaCode: AreaCode;
  period: string;
  group: PopulationGroup;
  /** null when suppressed (small numbers) or not available. */
  value: number | null;
  lowerCi: number | null;
  upperCi: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  suppressed: boolean;
  synthetic: boolean;
  sourceId: string;
}

/** Provenance of a set of rows. */
export interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  attribution: string;
  url?: string;
  file?: string;
  fileSha256?: string;
  vintage?: string;
  synthetic: boolean;
  notes?: string;
}

export interface AreaRecord {
  code: AreaCode;
  name: string;
  type: AreaType;
  parentCode: AreaCode | null;
  population: number | null;
  /** GeoJSON Polygon or MultiPolygon geometry, WGS84 lon/lat. */
  geometry: GeoJsonGeometry | null;
  centroidLat: number | null;
  centroidLon: number | null;
  successorCode: AreaCode | null;
  sourceId: string | null;
}

export type Position = [lon: number, lat: number];
export type GeoJsonGeometry =
  { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };

export interface AssetRecord {
  id: string;
  name: string;
  category: string;
  lat: number;
  lon: number;
  areaCode: AreaCode;
  synthetic: boolean;
  sourceId: string;
}

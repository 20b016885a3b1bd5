// Community asset categories: the one place that says what a category is called and which asset
// indicator it counts towards. "space" categories are buildings people can meet in (indicator
// community-spaces); "group" categories are organisations people take part in (active-groups);
// "other" assets (parks) appear on the map but are in neither count.

export type AssetKind = "space" | "group" | "other";

export interface AssetCategory {
  key: string;
  label: string;
  plural: string;
  kind: AssetKind;
  description: string;
}

export const ASSET_CATEGORIES = [
  {
    key: "library",
    label: "Library",
    plural: "Libraries",
    kind: "space",
    description: "A public library: books, computers, study space and rooms that local groups can use.",
  },
  {
    key: "community-centre",
    label: "Community centre",
    plural: "Community centres",
    kind: "space",
    description: "A staffed centre offering activities, advice and rooms for hire.",
  },
  {
    key: "community-hall",
    label: "Community hall",
    plural: "Community halls",
    kind: "space",
    description: "A village, church or community hall that residents and groups can book.",
  },
  {
    key: "place-of-worship",
    label: "Place of worship / faith group",
    plural: "Places of worship and faith groups",
    kind: "group",
    description: "A congregation or faith group, often also running community activities and support.",
  },
  {
    key: "sports-club",
    label: "Sports club",
    plural: "Sports clubs",
    kind: "group",
    description: "An amateur club run by its members, for any sport or age group.",
  },
  {
    key: "time-bank",
    label: "Time bank",
    plural: "Time banks",
    kind: "group",
    description: "A scheme where members swap hours of help and skills instead of money.",
  },
  {
    key: "food-bank",
    label: "Food bank",
    plural: "Food banks",
    kind: "group",
    description: "A food bank, pantry or community fridge run by volunteers.",
  },
  {
    key: "youth-club",
    label: "Youth club",
    plural: "Youth clubs",
    kind: "group",
    description: "A youth club or uniformed group (such as Scouts or Guides) for children and young people.",
  },
  {
    key: "residents-association",
    label: "Residents' association",
    plural: "Residents' associations",
    kind: "group",
    description: "A residents' or tenants' association speaking for a street, estate or village.",
  },
  {
    key: "mutual-aid-group",
    label: "Mutual aid group",
    plural: "Mutual aid groups",
    kind: "group",
    description: "An informal neighbourhood group organising help between residents.",
  },
  {
    key: "park",
    label: "Park or green space",
    plural: "Parks and green spaces",
    kind: "other",
    description:
      "A public park, recreation ground or green space. Shown on the map, not counted in either asset indicator.",
  },
] as const satisfies readonly AssetCategory[];

export type AssetCategoryKey = (typeof ASSET_CATEGORIES)[number]["key"];

export const ASSET_CATEGORY_KEYS: readonly AssetCategoryKey[] = ASSET_CATEGORIES.map((c) => c.key);

/** The asset indicator each kind counts towards (null: not counted). */
export const INDICATOR_FOR_ASSET_KIND = {
  space: "community-spaces",
  group: "active-groups",
  other: null,
} as const satisfies Record<AssetKind, string | null>;

const BY_KEY: ReadonlyMap<string, AssetCategory> = new Map(ASSET_CATEGORIES.map((c) => [c.key, c]));

export function isAssetCategoryKey(key: string): key is AssetCategoryKey {
  return BY_KEY.has(key);
}

/** The category for a key, or undefined for keys this version does not know (e.g. from an import). */
export function assetCategory(key: string): AssetCategory | undefined {
  return BY_KEY.get(key);
}

/** "space", "group" or "other"; unknown categories count as "other" so they never inflate an indicator. */
export function assetKind(key: string): AssetKind {
  return BY_KEY.get(key)?.kind ?? "other";
}

/** Display label for a category key; unknown keys (e.g. from an import) are shown humanised. */
export function assetCategoryLabel(key: string): string {
  return BY_KEY.get(key)?.label ?? humanise(key);
}

/** Plural display label, e.g. for a heading over a list of assets of one category. */
export function assetCategoryPlural(key: string): string {
  return BY_KEY.get(key)?.plural ?? humanise(key);
}

function humanise(key: string): string {
  const words = key.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

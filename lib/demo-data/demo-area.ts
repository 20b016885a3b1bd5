/** The demo data's geography: Peterborough and its parents. */
export const DEMO_LA = { code: "E06000031", name: "Peterborough" } as const;
export const DEMO_REGION = { code: "E12000006", name: "East of England" } as const;
export const DEMO_COUNTRY = { code: "E92000001", name: "England" } as const;

// The command line of `npm run import`, parsed into an ImportRequest (or a usage error in plain
// English). Kept apart from scripts/import.ts so that it can be tested without a process.
import { AREA_TYPES, type AreaType } from "@/lib/domain/types";
import { readPeriod } from "@/lib/import/cells";
import { IMPORT_KINDS, isImportKind, type ImportKind, type ImportRequest } from "@/lib/import/types";

export const USAGE = `Usage:
  npm run import -- <kind> <file> [options]
  npm run import -- history

Kinds:
  indicators  a tidy CSV of figures (area_code, indicator, period, value, ...)
  boundaries  a GeoJSON file of area boundaries (WGS84 or British National Grid)
  assets      a CSV of community assets (name, category, lat, lon)
  survey      a CSV of survey responses, with a --mapping file

Options for every kind:
  --dry-run             check the file and say what would change; write nothing
  --source-id <id>      the source the rows are kept under (default: from the kind and file name)
  --synthetic           mark the rows as illustrative (synthetic) data
  --replace-demo        (indicators, survey, assets) replace the demo's synthetic figures for the
                        indicators this file feeds, and for assets the illustrative register
  --title, --publisher, --licence, --attribution, --url, --vintage, --notes <text>
                        provenance shown with the figures

indicators:  --metadata <file.json|file.csv>   definitions of indicators new to the database
survey:      --mapping <file.json>  (required) which column is which indicator
             --metadata <file>      definitions of new indicators
             --min-base <n>         suppress cells with fewer respondents (default 10)
assets:      --period <period>      the period of the asset indicators counted from the register
                                    (default: this year)
boundaries:  --type <ward|local_authority|region|country>  (default ward)
             --parent <code>        the area the new areas belong to, e.g. E06000031
             --code-field <name>, --name-field <name>, --population-field <name>
             --crs <EPSG:4326|EPSG:27700>  (default: detected)
             --min-area <m2>        simplification threshold in square metres (default 8000)

See docs/data-format.md for the file formats, with examples.`;

export type CliCommand =
  | { command: "help" }
  | { command: "history" }
  | { command: "import"; request: Omit<ImportRequest, "databaseFile" | "progress" | "now"> };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const BOOLEAN_FLAGS = new Set(["dry-run", "synthetic", "replace-demo", "help"]);
const SOURCE_FLAGS = ["title", "publisher", "licence", "attribution", "url", "vintage", "notes"] as const;
const KIND_FLAGS: Record<ImportKind, readonly string[]> = {
  indicators: ["metadata", "replace-demo"],
  survey: ["mapping", "metadata", "min-base", "replace-demo"],
  boundaries: ["type", "parent", "code-field", "name-field", "population-field", "crs", "min-area"],
  assets: ["replace-demo", "period"],
};
const COMMON_FLAGS = ["source-id", ...SOURCE_FLAGS];

function positiveNumber(flag: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`--${flag} should be ${integer ? "a whole number" : "a number"} of 0 or more, not "${text}".`);
  }
  return value;
}

export function parseImportArgs(argv: readonly string[]): CliCommand {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (BOOLEAN_FLAGS.has(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      flags.set(name, "true");
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) {
      throw new UsageError(`--${name} needs a value.`);
    }
    if (flags.has(name)) throw new UsageError(`--${name} is given twice.`);
    flags.set(name, value);
  }
  if (flags.has("help") || positional.length === 0) return { command: "help" };
  const [kindText, file, ...extra] = positional;
  if (kindText === "history") {
    if (positional.length > 1 || flags.size > 0) throw new UsageError('"history" takes no file or options.');
    return { command: "history" };
  }
  if (!kindText || !isImportKind(kindText)) {
    throw new UsageError(`"${kindText}" is not a kind of import. Use one of: ${IMPORT_KINDS.join(", ")}, or history.`);
  }
  const kind = kindText;
  if (!file) throw new UsageError(`Give the file to import: npm run import -- ${kind} <file>`);
  if (extra.length > 0)
    throw new UsageError(`Only one file can be imported at a time (also given: ${extra.join(" ")}).`);

  const kindOnly = new Set(Object.values(KIND_FLAGS).flat());
  const allowed = new Set([
    ...[...BOOLEAN_FLAGS].filter((flag) => !kindOnly.has(flag)),
    ...COMMON_FLAGS,
    ...KIND_FLAGS[kind],
  ]);
  for (const name of flags.keys()) {
    if (allowed.has(name)) continue;
    const owner = IMPORT_KINDS.filter((k) => KIND_FLAGS[k].includes(name));
    throw new UsageError(
      owner.length
        ? `--${name} is only for ${owner.join(" and ")} imports.`
        : `Unknown option --${name}. Run "npm run import -- --help" for the list.`,
    );
  }

  const request: Omit<ImportRequest, "databaseFile" | "progress" | "now"> = {
    kind,
    file,
    dryRun: flags.has("dry-run"),
    synthetic: flags.has("synthetic"),
  };
  if (flags.has("replace-demo")) {
    if (flags.has("synthetic")) {
      throw new UsageError(
        "--replace-demo puts real figures in place of the demo's synthetic ones, so it cannot be used with --synthetic.",
      );
    }
    request.replaceDemo = true;
  }
  if (flags.has("period")) {
    const period = readPeriod(flags.get("period")!);
    if (!period.ok) throw new UsageError(`--period: ${period.reason}`);
    request.period = period.value;
  }
  if (flags.has("source-id")) request.sourceId = flags.get("source-id");
  const source: Record<string, string> = {};
  for (const name of SOURCE_FLAGS) if (flags.has(name)) source[name] = flags.get(name)!;
  if (Object.keys(source).length) request.source = source;
  if (flags.has("metadata")) request.metadataFile = flags.get("metadata");
  if (kind === "survey") {
    if (!flags.has("mapping")) throw new UsageError("A survey import needs a mapping file: --mapping <file.json>.");
    request.mappingFile = flags.get("mapping");
    if (flags.has("min-base")) request.minBase = positiveNumber("min-base", flags.get("min-base")!, true);
  }
  if (kind === "boundaries") {
    const type = flags.get("type") ?? "ward";
    if (!(AREA_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`--type should be one of ${AREA_TYPES.join(", ")}, not "${type}".`);
    }
    request.areaType = type as AreaType;
    if (flags.has("parent")) request.parentCode = flags.get("parent");
    if (flags.has("code-field")) request.codeField = flags.get("code-field");
    if (flags.has("name-field")) request.nameField = flags.get("name-field");
    if (flags.has("population-field")) request.populationField = flags.get("population-field");
    if (flags.has("crs")) request.crs = flags.get("crs");
    if (flags.has("min-area")) request.minArea = positiveNumber("min-area", flags.get("min-area")!, false);
  }
  return { command: "import", request };
}

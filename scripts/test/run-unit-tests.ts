// Runs every unit test (files named *.test.ts under a __tests__ folder) with node's test runner.
// Node 20's --test takes no globs, so we find the files ourselves.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOTS = ["lib", "components", "scripts", "app"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function findTests(dir: string, found: string[] = []): string[] {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(full, found);
    else if (/\.test\.tsx?$/.test(entry.name) && full.split(path.sep).includes("__tests__")) found.push(full);
  }
  return found;
}

const filter = process.argv.slice(2);
const files = ROOTS.flatMap((root) => findTests(root))
  .filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error("No unit test files found.");
  process.exit(1);
}
const result = spawnSync(
  process.execPath, // react-server: lets tests import the server-only data modules, as server components do.
  ["--conditions=react-server", "--import", "tsx", "--test", "--test-reporter=spec", ...files],
  {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test" },
  },
);
process.exit(result.status ?? 1);

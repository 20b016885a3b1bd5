// Generates the Prisma client into lib/db/generated without any network access.
// `prisma generate` only checks that a schema-engine binary exists (it never runs it), and
// would otherwise try to download one; we point it at a stub that explains itself.
import { spawnSync } from "node:child_process";
import path from "node:path";

const stub = path.resolve("scripts/db/schema-engine-offline.sh");
const result = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);

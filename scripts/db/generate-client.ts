// npm run db:generate: derives prisma/postgresql/schema.prisma from prisma/schema.prisma, then
// generates both Prisma clients (SQLite into lib/db/generated, PostgreSQL into
// lib/db/generated-postgresql) without any network access.
// `prisma generate` only checks that a schema-engine binary exists (it never runs it), and
// would otherwise try to download one; we point it at a stub that explains itself.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROVIDER_FILES, writePostgresSchema } from "../../lib/db/schema-files";

if (writePostgresSchema())
  console.log(`Wrote ${PROVIDER_FILES.postgresql.schemaPath} from ${PROVIDER_FILES.sqlite.schemaPath}`);

const stub = path.resolve("scripts/db/schema-engine-offline.sh");
for (const { schemaPath } of Object.values(PROVIDER_FILES)) {
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/prisma/build/index.js"), "generate", "--schema", schemaPath],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Prisma CLI configuration. The app itself connects through lib/db/client.ts; this file is
// only read by `prisma generate` (and by `prisma migrate deploy` on a networked machine).
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/db/database-url";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrl() },
});

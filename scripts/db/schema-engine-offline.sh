#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on offline machines.
# Migrations run through the WebAssembly engine instead: see scripts/db/migrate.ts.
echo "schema engine not available offline: use npm run db:migrate" >&2
exit 1

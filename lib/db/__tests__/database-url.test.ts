import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { databaseUrl as databaseUrlOf, providerOf, redactedUrl } from "@/lib/db/database-url";

const databaseUrl = (env: Record<string, string>) => databaseUrlOf(env as NodeJS.ProcessEnv);

test("the URL's scheme picks the engine: file: is SQLite, postgresql:// and postgres:// are PostgreSQL", () => {
  assert.equal(providerOf("file:var/x.db"), "sqlite");
  assert.equal(providerOf("postgresql://u@h:5432/d"), "postgresql");
  assert.equal(providerOf("postgres://u@h/d"), "postgresql");
  assert.equal(providerOf("mysql://u@h/d"), null);
  assert.equal(providerOf("postgresql:d"), null);
});

test("DATABASE_URL: a relative file: URL resolves to the project root, a PostgreSQL URL passes unchanged", () => {
  assert.equal(databaseUrl({ DATABASE_URL: "file:var/x.db" }), `file:${path.resolve("var/x.db")}`);
  assert.equal(databaseUrl({ DATABASE_URL: " postgres://u:p@h/d " }), "postgres://u:p@h/d");
  assert.equal(databaseUrl({}), `file:${path.resolve("var/civic-pulse.db")}`);
});

test("any other scheme is refused with a message naming the two that work", () => {
  assert.throws(
    () => databaseUrl({ DATABASE_URL: "mysql://u@h/d" }),
    /SQLite "file:" URL or a PostgreSQL "postgresql:\/\/" URL \(got "mysql:…"\)/,
  );
});

test("passwords never reach progress messages", () => {
  assert.equal(redactedUrl("postgresql://civic:s3cret@db:5432/cp"), "postgresql://civic:***@db:5432/cp");
  assert.equal(redactedUrl("postgresql://civic@db/cp"), "postgresql://civic@db/cp");
});

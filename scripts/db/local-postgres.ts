// A throw-away PostgreSQL server for tests and benchmarks: a temp data directory, initdb, a server
// on 127.0.0.1 only (trust authentication, which is safe only because nothing but loopback can
// connect), fsync off (the data is disposable, and tests run much faster), one database; stop()
// shuts it down and deletes the directory, also when the process exits or is interrupted.
//
//   npx tsx scripts/db/local-postgres.ts [port]   runs one until Ctrl-C and prints its URL
//
// Finds the server binaries under /usr/lib/postgresql/<version>/bin (Debian's layout), or in
// PG_BIN. As root, initdb refuses to run: the server commands then run as the `postgres` system
// user (runuser), which owns the temp directory.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Ports the throw-away servers may use unless told otherwise (one per concurrent run). */
export const DEFAULT_PG_PORTS = [55432, 55433, 55434, 55435, 55436, 55437, 55438, 55439];
const SUPERUSER = "postgres";

export interface LocalPostgres {
  /** postgresql:// URL of the database created at start. */
  url: string;
  port: number;
  /** Creates another empty database on this server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its data directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** The directory holding initdb, pg_ctl and postgres: PG_BIN, else the newest Debian version. */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(env.PG_BIN);
  const debianRoot = "/usr/lib/postgresql";
  if (fs.existsSync(debianRoot)) {
    const versions = fs
      .readdirSync(debianRoot)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debianRoot, v, "bin")));
  }
  return (
    candidates.find((dir) => ["initdb", "pg_ctl", "postgres"].every((b) => fs.existsSync(path.join(dir, b)))) ?? null
  );
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A valid, quoted PostgreSQL identifier for a database name (letters, digits, underscores). */
export function databaseIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Database name "${name}" must be lower-case letters, digits and underscores (at most 63).`);
  }
  return `"${name}"`;
}

export async function startLocalPostgres(
  options: { ports?: number[]; database?: string; log?: (line: string) => void } = {},
): Promise<LocalPostgres> {
  const log = options.log ?? ((line: string) => console.log(line));
  const database = options.database ?? "civic_pulse";
  const bin = findPostgresBinaries();
  if (!bin) {
    throw new Error(
      "PostgreSQL server binaries not found (looked in PG_BIN and /usr/lib/postgresql/*/bin). " +
        "On Debian: apt-get install -y postgresql",
    );
  }
  const ports = options.ports ?? DEFAULT_PG_PORTS;
  let port: number | undefined;
  for (const candidate of ports) {
    if (await portIsFree(candidate)) {
      port = candidate;
      break;
    }
  }
  if (port === undefined) throw new Error(`No free port for PostgreSQL among ${ports.join(", ")}.`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "civic-pulse-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  // initdb and postgres refuse to run as root: run them as the postgres system user instead.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const owner = spawnSync("id", ["-u", SUPERUSER], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", SUPERUSER], { encoding: "utf8" });
    if (owner.status !== 0) throw new Error(`Running as root needs a "${SUPERUSER}" system user to run PostgreSQL.`);
    fs.chownSync(dir, Number(owner.stdout.trim()), Number(group.stdout.trim()));
  }
  const run = (program: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, program);
    const fullArgs = asRoot ? ["-u", SUPERUSER, "--", path.join(bin, program), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: "utf8", cwd: dir });
    if (result.status !== 0) {
      const serverLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(`${program} failed (${result.status}):\n${result.stderr || result.stdout}\n${serverLog}`);
    }
  };

  let running = false;
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      if (running) run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
    } finally {
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("exit", stopSync);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const started = Date.now();
    log(`PostgreSQL (${bin}): initdb in ${dataDir} …`);
    // C collation: ORDER BY on text sorts by code point, exactly as SQLite does.
    run("initdb", ["-D", dataDir, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
    // Trust only the Unix socket in the temp dir and loopback TCP; nothing else may connect.
    fs.writeFileSync(
      path.join(dataDir, "pg_hba.conf"),
      "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n",
    );
    const serverOptions = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    log(`PostgreSQL: starting on 127.0.0.1:${port} …`);
    run("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", serverOptions, "-w", "-t", "60", "start"]);
    running = true;
    const adminUrl = `postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    const createDatabase = async (name: string) => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${databaseIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return `postgresql://${SUPERUSER}@127.0.0.1:${port}/${name}`;
    };
    const url = await createDatabase(database);
    log(`PostgreSQL: ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${url}`);
    return {
      url,
      port,
      createDatabase,
      async stop() {
        if (stopped) return;
        log(`PostgreSQL: stopping the server on port ${port} and deleting ${dir}`);
        stopSync();
        process.off("exit", stopSync);
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      },
    };
  } catch (error) {
    stopSync();
    throw error;
  }
}

if (require.main === module) {
  const port = process.argv[2] ? [Number(process.argv[2])] : undefined;
  startLocalPostgres({ ports: port })
    .then((server) => {
      console.log(`DATABASE_URL=${server.url}\nPress Ctrl-C to stop it and delete its data.`);
      setInterval(() => {}, 1 << 30);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

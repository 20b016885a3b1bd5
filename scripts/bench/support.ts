// Shared by the benchmark scripts: start the production server (as `npm start` does) on a port of
// its own, wait until it answers, stop it; find the Chromium to drive; and the small statistics the
// benchmarks print.
import { spawn, type ChildProcess } from "node:child_process";

export interface RunningServer {
  base: string;
  /** Stops the server (start.ts forwards the signal to `next start`) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Polls `base + path` until it answers with any HTTP status, or fails after timeoutMs. */
export async function waitForServer(base: string, path = "/api/v1/areas", timeoutMs = 600_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      await (await fetch(base + path)).arrayBuffer();
      return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not answer on ${base} within ${Math.round(timeoutMs / 1000)} s.`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts scripts/start.ts (migrate, seed when empty, build only if the sources changed, serve) on
 * 127.0.0.1:port with extra environment variables, and resolves once it answers. The server's
 * own output is shown only when `verbose` (it is noisy during a rebuild), but always on failure.
 */
export async function startProductionServer(
  port: number,
  extraEnv: Record<string, string> = {},
  verbose = false,
): Promise<RunningServer> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, ...extraEnv, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    if (verbose) process.stderr.write(text);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited(child);
    clearTimeout(timer);
  };
  const early = exited(child).then(() => {
    throw new Error(`The server exited before answering. Its last output:\n${output}`);
  });
  try {
    await Promise.race([waitForServer(base), early]);
  } catch (error) {
    await stop();
    throw error;
  }
  early.catch(() => undefined); // it will reject when we stop the server later: expected then
  return { base, stop };
}

/** The Chromium the benchmarks drive: the same one as the end-to-end tests (scripts/test/chromium.ts). */
export { ensureChromium as chromiumExecutable, CHROMIUM_ARGS } from "../test/chromium";

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/**
 * Times one GET, reading the whole body; returns milliseconds, status and bytes. A request that
 * takes longer than timeoutMs is abandoned and reported with status 0 and the time it was given.
 */
export async function timedGet(
  url: string,
  timeoutMs = 120_000,
): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return { ms: timeoutMs, status: 0, bytes: 0 };
    throw error;
  }
}

/** Left-aligns the first `leftColumns` columns and right-aligns the rest, for plain-text tables. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Seconds since `started` (a performance.now() reading), for progress lines. */
export const secondsSince = (started: number): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

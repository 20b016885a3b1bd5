// Progress for long imports, on stderr so that stdout stays a clean summary. Updates are throttled
// (a few a second on a terminal, one every few seconds in a log file), so reporting costs nothing
// measurable even when called for every row.

export interface ProgressCounts {
  read?: number;
  validated?: number;
  written?: number;
  /** Fraction of the file's bytes read, 0..1, when known. */
  fraction?: number;
}

export interface Progress {
  /** Reports the phase's counts; cheap to call often (it prints only when due). */
  update(phase: string, counts: ProgressCounts): void;
  /** Prints the final state of the phase (if it took long enough to show progress) and ends the line. */
  finish(phase: string, counts: ProgressCounts): void;
}

export const silentProgress: Progress = { update() {}, finish() {} };

function describe(phase: string, counts: ProgressCounts): string {
  const parts: string[] = [];
  const n = (value: number) => value.toLocaleString("en-GB");
  if (counts.read !== undefined) parts.push(`${n(counts.read)} rows read`);
  if (counts.validated !== undefined) parts.push(`${n(counts.validated)} valid`);
  if (counts.written !== undefined) parts.push(`${n(counts.written)} written`);
  const percent = counts.fraction !== undefined ? ` (${Math.floor(counts.fraction * 100)} %)` : "";
  return `${phase}: ${parts.join(", ")}${percent}`;
}

interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Progress lines on a stream (stderr by default). On a terminal one line is redrawn at most
 * `terminalIntervalMs` apart; otherwise a new line is written at most every `logIntervalMs`.
 */
export function streamProgress(
  stream: ProgressStream = process.stderr,
  { terminalIntervalMs = 250, logIntervalMs = 5000, now = () => Date.now() } = {},
): Progress {
  const tty = Boolean(stream.isTTY);
  const interval = tty ? terminalIntervalMs : logIntervalMs;
  let last = now();
  let phase: string | null = null;
  let phaseStarted = last;
  let printed = false;
  const enter = (name: string) => {
    if (name === phase) return;
    phase = name;
    phaseStarted = now();
    printed = false;
  };
  return {
    update(name, counts) {
      enter(name);
      const time = now();
      if (time - last < interval) return;
      last = time;
      printed = true;
      if (tty) {
        stream.write(`\r\x1b[2K${describe(name, counts)}`);
      } else {
        stream.write(`${describe(name, counts)}\n`);
      }
    },
    finish(name, counts) {
      // Quick phases end silently: progress is for files long enough to wonder about.
      const worthSaying = printed || now() - phaseStarted >= 1000;
      if (worthSaying) stream.write(tty ? `\r\x1b[2K${describe(name, counts)}\n` : `${describe(name, counts)}\n`);
      phase = null;
      printed = false;
      last = now();
    },
  };
}

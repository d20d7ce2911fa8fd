import type { Paint } from './paint.js';
import type { IngestCounts } from '../pipeline/run.js';

const SHOW_AFTER_MS = 400;
const REDRAW_MS = 100;
// Time left is guessed once there is something to go on: a second of reading and 1% of the bytes.
const GUESS_AFTER_MS = 1000;

/**
 * The live progress line on standard error: shown only on a terminal, only once a run has lasted more than a
 * moment, redrawn at most ten times a second, and wiped clean before any other message and at the end. On files it
 * shows bytes read of bytes to read, the percentage and the time left: `wire: 412 MB of 1.0 GB (40%) · about 12 s
 * left · 14592 new · 0 dropped · 0 failed · 5230/s`.
 */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private shown = false;
  private counts: IngestCounts | null = null;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly colors: Paint,
    private readonly enabled: boolean,
  ) {}

  /** Takes new counts and redraws if it is time to. */
  update(counts: IngestCounts): void {
    if (!this.enabled) return;
    this.counts = counts;
    const now = performance.now();
    if (now - this.started < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.draw(now);
  }

  /** Wipes the line (before a message, or at the end). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[2K');
    this.shown = false;
  }

  private draw(now: number): void {
    const c = this.counts;
    if (!c) return;
    const ms = now - this.started;
    const line = (paint: boolean): string => {
      const failed = `${c.failed} failed`;
      return [
        // One input: its bytes say it all; several: how many are done too.
        ...(c.total > 1 ? [`${c.inputs}/${c.total} inputs`] : []),
        ...bytesRead(c, ms),
        paint ? this.colors.green(`${c.stories} new`) : `${c.stories} new`,
        // Short on space: the summary says where the originals of the dropped copies are.
        `${c.duplicates} dropped`,
        paint && c.failed > 0 ? this.colors.red(failed) : failed,
        `${ms > 0 ? Math.round((c.stories + c.duplicates) / (ms / 1000)) : 0}/s`,
      ].join(' · ');
    };
    // Never wider than the terminal, or the carriage return would not bring us back to the line's start.
    const width = this.stream.columns > 20 ? this.stream.columns - 1 : 79;
    const plain = `wire: ${line(false)}`;
    this.stream.write(`\r\u001b[2K${plain.length > width ? plain.slice(0, width) : `wire: ${line(true)}`}`);
    this.shown = true;
  }
}

/** `412 MB of 1.0 GB (40%)`, `about 12 s left`; or `412 MB read` when the whole is not known (URLs, stdin). */
function bytesRead(c: IngestCounts, ms: number): string[] {
  const read = c.bytes ?? 0;
  const total = c.totalBytes ?? null;
  if (read === 0 && total === null) return [];
  if (total === null || total === 0 || read > total) return [`${bytes(read)} read`];
  const share = read / total;
  const parts = [`${bytes(read)} of ${bytes(total)} (${Math.floor(share * 100)}%)`];
  if (ms >= GUESS_AFTER_MS && share >= 0.01 && share < 1)
    parts.push(`about ${timeLeft((ms / share - ms) / 1000)} left`);
  return parts;
}

/** `980 KB`, `412 MB`, `1.0 GB`. */
export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  if (n < 1024 * 1024 * 1024) return `${Math.round(n / (1024 * 1024))} MB`;
  return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

/** `12 s`, `4 min`, `2 h 5 min`: rounded, since it is a guess. */
function timeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

import type { ChalkInstance } from 'chalk';
import type { IngestCounts } from '../pipeline/run.js';

const SHOW_AFTER_MS = 400;
const REDRAW_MS = 100;

/**
 * The live progress line on standard error: shown only on a terminal, only once a run has lasted more than a
 * moment, redrawn at most ten times a second, and wiped clean before any other message and at the end.
 */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private shown = false;
  private counts: IngestCounts | null = null;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly chalk: ChalkInstance,
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
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(c.stories / seconds) : 0;
    const stories = `${c.stories} stories`;
    const failed = `${c.failed} failed`;
    const parts = (paint: boolean): string =>
      [
        `${c.inputs}/${c.total} inputs`,
        paint ? this.chalk.green(stories) : stories,
        `${c.duplicates} duplicates`,
        // Versions show once there are any: most runs have none, and the line is short on space.
        ...(c.versions > 0 ? [`${c.versions} versions`] : []),
        paint && c.failed > 0 ? this.chalk.red(failed) : failed,
        `${rate}/s`,
      ].join(' · ');
    // Never wider than the terminal, or the carriage return would not bring us back to the line's start.
    const width = this.stream.columns > 20 ? this.stream.columns - 1 : 79;
    const plain = `wire: ${parts(false)}`;
    this.stream.write(`\r\u001b[2K${plain.length > width ? plain.slice(0, width) : `wire: ${parts(true)}`}`);
    this.shown = true;
  }
}

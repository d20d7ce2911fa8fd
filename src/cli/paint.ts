/** The colours the reports print with: chalk's, or none. */
export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const same = (text: string): string => text;

/** No colour: what a run to a pipe, a file or cron's mail gets. */
export const NO_PAINT: Paint = { red: same, green: same, yellow: same };

/**
 * chalk, loaded only when colour is on: a run whose standard error is not a terminal (cron, a pipe, a file) never
 * loads it, nor the `tty` module behind it, a few milliseconds of every start.
 */
export async function paintFor(color: boolean): Promise<Paint> {
  if (!color) return NO_PAINT;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

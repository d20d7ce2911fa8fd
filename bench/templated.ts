import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { random, story } from './generate.js';

/** How many template stories the templated file re-sends (the measurement: 70). */
export const TEMPLATES = 70;

/**
 * One re-send of a template story: the story as {@link story} writes it, with a serial number put at the end of its first
 * sentence (`..., index 1234.`), as wires re-send market reports, weather tables and results all day with
 * one figure changed. The number is in the lead, so wire keeps every variant as a story of its own.
 */
export function templatedStory(template: string, serial: number): string {
  return template.replace('{serial}', String(serial));
}

/** The 70 templates: generated stories with a `{serial}` slot a few words into the lead. */
export function templates(seed = 70): string[] {
  const rand = random(seed);
  return Array.from({ length: TEMPLATES }, (_, n) => {
    const text = story(rand, n);
    // The end of the lead's first sentence: `... officials met in the capital, index 1234.`
    const lead = text.indexOf('\n\n') + 2;
    // The first stop before a capital: dateline dots (`Nov. 27`, `Ga. (AP)`) are not followed by one.
    const stop = lead + text.slice(lead).search(/\.(?= [A-Z])/);
    return `${text.slice(0, stop)}, index {serial}${text.slice(stop)}`;
  });
}

/**
 * Writes a form-feed-separated file of at least `bytes` bytes in which the templates are re-sent in turn, each time
 * with the next serial number; returns the number of stories. `from` starts the serial numbers elsewhere, so that
 * a second file holds other variants of the same templates (a later run against a persisted state).
 */
export async function writeTemplatedFile(path: string, bytes: number, from = 0): Promise<number> {
  const all = templates();
  const out = createWriteStream(path);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const text = `${templatedStory(all[n % all.length] ?? '', from + n)}\f\n`;
    n++;
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return n;
}

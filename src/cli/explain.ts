import { Chalk, type ChalkInstance } from 'chalk';
import type { LinePart, StoryField } from '../normalize/explain.js';
import { explainInputs, type ExplainEvent } from '../pipeline/explain.js';
import { EXIT } from './exit.js';
import type { IngestFlags } from './ingest.js';
import { printable } from './report.js';
import { wantColor } from './terminal.js';

// How each field looks on a terminal: what the story is made of stands out, what was taken off is dimmed.
const STYLE: Record<StoryField, (c: ChalkInstance) => ChalkInstance> = {
  headline: (c) => c.bold.cyan,
  byline: (c) => c.magenta,
  byline_title: (c) => c.magenta,
  dateline: (c) => c.yellow,
  body: (c) => c.reset,
  source: (c) => c.green,
  credits: (c) => c.green,
  copyright: (c) => c.green,
  stripped: (c) => c.gray,
  ednote: (c) => c.blue,
  update_notes: (c) => c.blue,
  summary: (c) => c.blue,
  subheadline: (c) => c.blue,
};
const FIELD_WIDTH = 13;

/**
 * `wire ingest --explain`: each story's lines on standard output, each marked with the field it went to; coloured on
 * a terminal (plain markers through a pipe or with NO_COLOR). Records are not written, nor is any state.
 */
export async function runExplain(inputs: string[], flags: IngestFlags): Promise<number> {
  const c = new Chalk({ level: wantColor(process.stdout, flags.color, process.env) ? 1 : 0 });
  const say = (text: string): void => void process.stdout.write(`${text}\n`);
  const warn = wantColor(process.stderr, flags.color, process.env) ? new Chalk({ level: 1 }) : new Chalk({ level: 0 });
  if (flags.output !== undefined || flags.db !== undefined || flags.state !== undefined)
    process.stderr.write('wire: --explain prints to standard output and writes no records and no state\n');
  let failed = false;
  let stories = 0;
  const events = explainInputs(inputs, {
    format: flags.format,
    referenceDate: flags.referenceDate ?? null,
    ...(flags.timezone === undefined ? {} : { timezone: flags.timezone }),
    maxStoryBytes: flags.maxStoryBytes,
  });
  for await (const event of events) {
    if (event.kind === 'diagnostic') {
      if (event.severity === 'error') failed = true;
      if (event.severity === 'info' || (flags.quiet === true && event.severity !== 'error')) continue;
      const label = event.severity === 'error' ? warn.red('error') : warn.yellow('warning');
      process.stderr.write(`wire: ${label}: ${printable(event.message)}\n`);
    } else if (event.kind === 'input') say(c.bold(inputHeading(event)));
    else {
      stories++;
      for (const row of storyRows(event, c)) say(row);
    }
  }
  if (stories === 0 && !failed) process.stderr.write('wire: no stories to explain\n');
  return failed ? EXIT.failed : EXIT.ok;
}

function inputHeading(event: Extract<ExplainEvent, { kind: 'input' }>): string {
  const how =
    event.traced === 'lines'
      ? 'each line, numbered as in the input, with the field it went to'
      : `lines are not traced for ${event.format}: the blocks the reader took out of it (b1, b2, ...), each with the field it went to`;
  return `== ${printable(event.input)} (${event.format}): ${how}`;
}

/** A story's rows: a heading, then each line (a line cut between fields gives a row per piece). */
function storyRows(event: Extract<ExplainEvent, { kind: 'story' }>, c: ChalkInstance): string[] {
  const rows = [
    c.dim(`-- story ${event.story.origin.index + 1}, line ${event.line}: ${printable(event.story.headline)}`),
  ];
  const width = String(event.lines.at(-1)?.line ?? 0).length + (event.traced === 'blocks' ? 1 : 0);
  for (const line of event.lines) {
    const number = (event.traced === 'blocks' ? `b${line.line}` : String(line.line)).padStart(width);
    if (line.parts.length === 0) {
      // A line no field took is blank, or (a bug to report) text that went nowhere.
      rows.push(line.text.trim() === '' ? c.dim(number) : row(number, { text: line.text, field: null }, c));
      continue;
    }
    line.parts.forEach((part, i) => rows.push(row(i === 0 ? number : ' '.repeat(width), part, c)));
  }
  return rows;
}

function row(number: string, part: LinePart, c: ChalkInstance): string {
  const name = part.field ?? 'NOWHERE';
  const style = part.field === null ? c.red.inverse : STYLE[part.field](c);
  return `${c.dim(number)} ${style(name.padEnd(FIELD_WIDTH))}${c.dim('|')} ${style(printable(part.text))}`;
}

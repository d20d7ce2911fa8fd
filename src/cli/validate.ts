import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { isInputError } from '../errors.js';
import { readLines } from '../sources/lines.js';
import { EXIT } from './exit.js';
import { packageFile } from '../package-file.js';
import { printable } from './report.js';
import { namedOrPiped } from './terminal.js';

/** Options of `wire validate`. */
export interface ValidateFlags {
  readonly quiet?: boolean;
}

// Line numbers named in a file's closing line; the rest are counted.
const NAMED_LINES = 20;

/**
 * `wire validate FILE...`: checks every line of wire's JSON lines (records, and `--duplicates` files) against the
 * record schema shipped in `schema/`. Prints `FILE:LINE: problem` for each bad line and a closing line per file on
 * standard output; exits 1 when a line is invalid or a file cannot be read, 2 on a usage error.
 */
export async function runValidate(names: string[], flags: ValidateFlags): Promise<number> {
  const files = namedOrPiped(names);
  if (files === null) {
    process.stderr.write('wire: error: nothing to validate: name JSON lines files, or pipe them in\n');
    return EXIT.usage;
  }
  const schema = JSON.parse(readFileSync(packageFile('schema/record.schema.json'), 'utf8')) as object;
  const check = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
  let code: number = EXIT.ok;
  const say = (line: string): void => {
    if (flags.quiet !== true) process.stdout.write(`${printable(line)}\n`);
  };
  for (const file of files) {
    const bad: number[] = [];
    let lines = 0;
    try {
      for await (const line of readLines(file)) {
        lines++;
        const problems = problemsOf(line.text, check);
        if (problems.length === 0) continue;
        bad.push(line.number);
        const torn = line.ended ? '' : ' (the last line has no newline: a write cut short?)';
        say(`${file}:${line.number}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; ...' : ''}${torn}`);
      }
    } catch (error) {
      if (!isInputError(error)) throw error;
      process.stderr.write(`wire: error: ${printable(error.message)}\n`);
      code = EXIT.failed;
      continue;
    }
    if (bad.length > 0) code = EXIT.failed;
    say(`${file}: ${closing(lines, bad)}`);
  }
  return code;
}

/** What is wrong with one line: not JSON, or the schema's complaints; empty when it is a valid record. */
function problemsOf(text: string, check: ReturnType<Ajv2020['compile']>): string[] {
  if (text.trim() === '') return ['an empty line'];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [`not JSON (${error instanceof Error ? error.message : String(error)})`];
  }
  if (check(value)) return [];
  const errors = check.errors ?? [];
  // Missing fields are named together: a line that is not a record at all lacks most of them.
  const missing = new Map<string, string[]>();
  for (const e of errors.filter((e) => e.keyword === 'required')) {
    const where = e.instancePath === '' ? '(record)' : e.instancePath;
    missing.set(where, [
      ...(missing.get(where) ?? []),
      String((e.params as Record<string, unknown>)['missingProperty']),
    ]);
  }
  return [
    ...[...missing].map(([where, fields]) =>
      fields.length === 1
        ? `${where}: lacks the field "${fields[0]}"`
        : `${where}: lacks the fields ${fields.join(', ')}`,
    ),
    ...errors.filter((e) => e.keyword !== 'required').map(describe),
  ];
}

/** `/dateline/date: must match pattern "..."`, `(record): has an unknown field "head"`. */
function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(record)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties')
    return `${where}: has an unknown field "${String(params['additionalProperty'])}"`;
  return `${where}: ${error.message ?? error.keyword}`;
}

function closing(lines: number, bad: readonly number[]): string {
  if (lines === 0) return 'empty: no records';
  if (bad.length === 0) return `${lines === 1 ? '1 record' : `${lines} records`}, all valid`;
  const named = bad.slice(0, NAMED_LINES).join(', ');
  const more = bad.length > NAMED_LINES ? ` and ${bad.length - NAMED_LINES} more` : '';
  return `${lines} lines, ${bad.length} invalid (line${bad.length === 1 ? '' : 's'} ${named}${more})`;
}

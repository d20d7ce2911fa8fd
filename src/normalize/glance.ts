/**
 * The language of a text when it is plain to see, without a model: a script that one language alone writes in, or
 * many function words of one language and next to none of another (the signs are data: `language-signs.ts`). Null
 * when the text does not settle it; the detector is asked then (`language.ts`).
 *
 * One pass over the text, no strings made: each word is hashed as it is read, case folded, and looked up by its hash.
 */
import { FUNCTION_WORDS, HAN, KANA, SCRIPTS } from './language-signs.js';

// A script settles the language when this share of the letters is written in it.
const SCRIPT_SHARE = 0.8;
// Function words settle it when one language has at least this many, of at least DISTINCT different words, every
// other language at most a quarter as many, and the text's letters are mostly in the words' script.
const WORDS = 4;
const DISTINCT = 3;
const RIVAL_SHARE = 0.25;

// One slot per code unit: 0 not a letter, LATIN a Latin letter, OTHER a letter of a script no one language owns
// (Cyrillic, Arabic, Devanagari...), else 1 + index into SCRIPT_LANGUAGE (kana and Han have their own slots).
const LATIN = -2;
const OTHER = -1;
const SCRIPT_LANGUAGE = [...SCRIPTS.map((script) => script.language), 'ja', 'zh'];
const KANA_SLOT = SCRIPTS.length + 1;
const HAN_SLOT = SCRIPTS.length + 2;
const SLOTS = new Int8Array(0x10000);
SLOTS.fill(LATIN, 0x41, 0x5b);
SLOTS.fill(LATIN, 0x61, 0x7b);
SLOTS.fill(LATIN, 0xc0, 0x250);
SLOTS[0xd7] = 0; // ×
SLOTS[0xf7] = 0; // ÷
SLOTS.fill(OTHER, 0x0250);
SLOTS.fill(LATIN, 0x1e00, 0x1f00); // Latin Extended Additional (Vietnamese)
SCRIPTS.forEach((script, index) => {
  for (const [from, to] of script.ranges) SLOTS.fill(index + 1, from, to + 1);
});
SLOTS.fill(KANA_SLOT, KANA[0], KANA[1] + 1);
for (const [from, to] of HAN) SLOTS.fill(HAN_SLOT, from, to + 1);
// Punctuation, symbols and digits outside ASCII are no letters (Arabic comma, question mark and digits, the danda,
// Hebrew punctuation, general punctuation, CJK punctuation, full-width forms).
for (const [from, to] of [
  [0x0600, 0x060f],
  [0x061b, 0x061f],
  [0x0660, 0x066d],
  [0x06d4, 0x06d4],
  [0x06f0, 0x06f9],
  [0x0964, 0x096f],
  [0x05be, 0x05be],
  [0x05c0, 0x05c6],
  [0x2000, 0x2bff],
  [0x3000, 0x303f],
  [0xff00, 0xffef],
] as const)
  SLOTS.fill(0, from, to + 1);

// Lower case of the code units below 0x590 (Latin, Greek, Cyrillic, Armenian); the scripts after have no case.
const CASED = 0x590;
const LOWER = new Uint16Array(CASED);
for (let code = 0; code < CASED; code++) {
  const lower = String.fromCharCode(code).toLowerCase();
  LOWER[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
}
const lowerOf = (code: number): number => (code < CASED ? (LOWER[code] ?? code) : code);

function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 0x01000193) ^ code) | 0;
}

// The listed words in an open-addressing table keyed by their hash (a Map lookup per word of the text cost more than
// the rest of the glance): each slot holds a word's number plus one, 0 when empty.
const LANGUAGES = Object.keys(FUNCTION_WORDS);
const WORD_TEXTS: string[] = [];
const WORD_LANGUAGES: number[] = [];
const WORD_HASHES: number[] = [];
LANGUAGES.forEach((language, index) => {
  for (const text of (FUNCTION_WORDS[language] ?? '').split(' ')) {
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
    WORD_TEXTS.push(text);
    WORD_LANGUAGES.push(index);
    WORD_HASHES.push(hash);
  }
});
const wordCount = WORD_TEXTS.length;
const longest = Math.max(0, ...WORD_TEXTS.map((text) => text.length));
const TABLE_MASK = (1 << Math.ceil(Math.log2(wordCount * 4 + 1))) - 1;
const TABLE = new Int32Array(TABLE_MASK + 1);
WORD_HASHES.forEach((hash, id) => {
  let slot = hash & TABLE_MASK;
  // A word listed twice keeps its last listing, as a lookup that took the latest first did.
  while (TABLE[slot] !== 0 && WORD_TEXTS[(TABLE[slot] ?? 0) - 1] !== WORD_TEXTS[id]) slot = (slot + 1) & TABLE_MASK;
  TABLE[slot] = id + 1;
});
const WRITTEN_IN_LATIN = LANGUAGES.map((language) => (FUNCTION_WORDS[language] ?? '').charCodeAt(0) < 0x250);
// Which words a text has shown already: the number of the last text that did.
const SEEN = new Uint32Array(wordCount);
let texts = 0;
// The counts of one glance, zeroed at its start (one glance runs at a time in a thread).
const BY_SLOT = new Uint16Array(SCRIPT_LANGUAGE.length);
const COUNT = new Uint16Array(LANGUAGES.length);
const DISTINCT_COUNT = new Uint16Array(LANGUAGES.length);

/** The language `text` is plainly written in, or null when a glance does not settle it. */
export function glance(text: string): string | null {
  const bySlot = BY_SLOT.fill(0);
  const count = COUNT.fill(0);
  const distinct = DISTINCT_COUNT.fill(0);
  texts = (texts + 1) >>> 0;
  let latin = 0;
  let letters = 0;
  let start = -1;
  let hash = 0;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 32;
    const slot = SLOTS[code] ?? 0;
    if (slot !== 0) {
      letters++;
      if (slot === LATIN) latin++;
      else if (slot > 0) bySlot[slot - 1]!++;
      if (start < 0) {
        start = i;
        hash = 0x811c9dc5 | 0;
      }
      // ASCII letters fold case by one bit; the table serves the rest.
      hash = hashStep(hash, code < 0x80 ? code | 0x20 : lowerOf(code));
      continue;
    }
    if (start < 0) continue;
    // Function words are short: longer words are not looked up.
    const word = i - start <= longest ? find(text, start, i, hash) : -1;
    start = -1;
    if (word < 0) continue;
    const language = WORD_LANGUAGES[word] ?? 0;
    count[language]!++;
    if (SEEN[word] !== texts) {
      SEEN[word] = texts;
      distinct[language]!++;
    }
  }
  if (letters === 0) return null;
  const settled = byScript(bySlot, letters);
  if (settled !== undefined) return settled;
  const best = byWords(count, distinct);
  if (best < 0) return null;
  // The words' script must be the text's: a few English words in a Chinese text do not make it English.
  return (WRITTEN_IN_LATIN[best] ? latin : letters - latin) >= letters * SCRIPT_SHARE
    ? (LANGUAGES[best] ?? null)
    : null;
}

/** The number of the listed word `text[start, end)` is, case folded, or -1. */
function find(text: string, start: number, end: number, hash: number): number {
  for (let slot = hash & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const id = (TABLE[slot] ?? 0) - 1;
    if (id < 0) return -1;
    if (WORD_HASHES[id] !== hash) continue;
    const word = WORD_TEXTS[id] ?? '';
    if (word.length !== end - start) continue;
    let same = true;
    for (let j = 0; same && j < word.length; j++) same = lowerOf(text.charCodeAt(start + j)) === word.charCodeAt(j);
    if (same) return id;
  }
}

/** The language of the script most letters are in, when it is one language's alone; undefined when none is. */
function byScript(bySlot: Uint16Array, letters: number): string | undefined {
  const kana = bySlot[KANA_SLOT - 1] ?? 0;
  const han = bySlot[HAN_SLOT - 1] ?? 0;
  // Japanese writes Han characters among its kana.
  if (kana > 0 && kana + han >= letters * SCRIPT_SHARE) return 'ja';
  for (let slot = 0; slot < bySlot.length; slot++) {
    if ((bySlot[slot] ?? 0) >= letters * SCRIPT_SHARE) return SCRIPT_LANGUAGE[slot];
  }
  return undefined;
}

/** The index of the language whose function words the text is full of, unmixed; -1 when none is. */
function byWords(count: Uint16Array, distinct: Uint16Array): number {
  let best = 0;
  for (let i = 1; i < count.length; i++) if ((count[i] ?? 0) > (count[best] ?? 0)) best = i;
  const most = count[best] ?? 0;
  if (most < WORDS || (distinct[best] ?? 0) < DISTINCT) return -1;
  for (let i = 0; i < count.length; i++) if (i !== best && (count[i] ?? 0) > most * RIVAL_SHARE) return -1;
  return best;
}

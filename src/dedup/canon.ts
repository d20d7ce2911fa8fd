/**
 * Canonical word tokens for near-duplicate matching: the text reduced to what survives a republisher's house style.
 * Case, punctuation, quote styles and abbreviation dots go; spelled-out small numbers become digits; the wire's
 * abbreviations become words (`pct` → `percent`, `mln dlrs` → `million dollars`), so that two copies of one story
 * give the same tokens however each outlet styled it.
 */

// Reuters 1987 and today's agencies abbreviate; outlets that republish often spell out.
const HOUSE_STYLE: ReadonlyMap<string, string> = new Map(
  Object.entries({
    pct: 'percent',
    pc: 'percent',
    mln: 'million',
    mn: 'million',
    bln: 'billion',
    bn: 'billion',
    dlr: 'dollar',
    dlrs: 'dollars',
    ct: 'cent',
    cts: 'cents',
    qtly: 'quarterly',
    qtr: 'quarter',
    yr: 'year',
    yrs: 'years',
    vs: 'versus',
    govt: 'government',
    intl: 'international',
    corp: 'corporation',
    co: 'company',
    inc: 'incorporated',
    ltd: 'limited',
  }),
);

// AP style spells out one to nine, Reuters 1987 spelled out more; digits are the common form.
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
  ].map((word, n) => [word, String(n)]),
);

// A number keeps its inner punctuation (`1,000`, `2.5`, `1/8`, `09:30`); everything else splits on non-letters,
// hyphens too, since `March 11-20` and `March 11 to 20` are the same two numbers.
const TOKEN = /\d+(?:[.,/:]\d+)*|[\p{L}\p{M}]+/gu;

/** True when a canonical token is a number (`2.5`, `6-1/8`, `1000`). */
export function isNumberToken(token: string): boolean {
  const first = token.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/** Splits text into canonical tokens (see the module comment). */
export function canonicalTokens(text: string): string[] {
  const { prepared, ascii } = prepareText(text);
  if (ascii) return asciiTokens(prepared);
  const tokens: string[] = [];
  for (const match of prepared.matchAll(TOKEN)) tokens.push(canonicalToken(match[0]));
  return tokens;
}

/** A token's canonical form: `1,000` → `1000`, `pct` → `percent`, `two` → `2`; others as they are. */
function canonicalToken(raw: string): string {
  // `1,000` and `1000` are one number; a trailing `.` was sentence punctuation and is not matched.
  if (isNumberToken(raw)) return raw.includes(',') ? raw.replace(/(?<=\d),(?=\d{3}\b)/g, '') : raw;
  return canonicalWord(raw);
}

/** The canonical form of a lower-case word: house-style abbreviations and number words replaced. */
export function canonicalWord(word: string): string {
  return NUMBER_WORDS.get(word) ?? HOUSE_STYLE.get(word) ?? word;
}

/** The words {@link canonicalWord} replaces. */
export const REPLACED_WORDS: readonly string[] = [...NUMBER_WORDS.keys(), ...HOUSE_STYLE.keys()];

/**
 * The text with every rewrite applied that comes before splitting into tokens, and whether it is ASCII (then the
 * tokens are runs of `a-z` and numbers). Runs on every story: each rewrite is skipped when its trigger is absent,
 * and ASCII text takes regexes without Unicode property classes, which match the same on ASCII and cost a fraction.
 */
export function prepareText(text: string): { readonly prepared: string; readonly ascii: boolean } {
  const ascii = !NON_ASCII.test(text);
  let prepared = ascii ? text : text.normalize('NFKC');
  // Reuters marks tickers and unlisted companies: `Lloyds Bank Plc <LLOY.L>`, `<Theta Corp>`; republishers drop the
  // ticker and the brackets.
  if (prepared.includes('<')) {
    prepared = prepared.replace(/<([^<>]{1,60})>/g, (_all, inner: string) =>
      /^[A-Z0-9.]{1,10}$/.test(inner) ? ' ' : ` ${inner} `,
    );
  }
  prepared = prepared.toLowerCase();
  // `U.S.` → `us`, `N.K.` → `nk`: a dot between single letters is an abbreviation, not a sentence end.
  if (ascii ? hasAsciiAbbreviation(prepared) : prepared.includes('.')) {
    prepared = prepared.replace(ascii ? ASCII_ABBREVIATION : ABBREVIATION, (abbreviation) =>
      abbreviation.replace(/\./g, ''),
    );
  }
  // `company's` / `company’s` → `companys`: quote style must not split a word differently.
  if (QUOTE.test(prepared)) prepared = prepared.replace(QUOTES, '');
  if (prepared.includes('%')) prepared = prepared.replace(/%/g, ' percent ');
  if (prepared.includes('&')) prepared = prepared.replace(/&/g, ' and ');
  if (prepared.includes('per cent')) prepared = prepared.replace(/\bper cent\b/g, 'percent');
  return { prepared, ascii };
}

const NON_ASCII = /[^\u0000-\u007f]/;
const ABBREVIATION = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu;

/**
 * Whether ASCII text may hold an abbreviation (`u.s.`, `U.S.` before lower-casing): a letter, a dot, a letter and a
 * dot, which every match of {@link ASCII_ABBREVIATION} has. Looks only at the dots (a story has a few dozen), so the
 * regex, which tries every position, runs only on the few stories that need it.
 */
export function hasAsciiAbbreviation(text: string): boolean {
  for (let at = text.indexOf('.', 1); at !== -1; at = text.indexOf('.', at + 1)) {
    if (text.charCodeAt(at + 2) === 46 && isLetter(text.charCodeAt(at - 1)) && isLetter(text.charCodeAt(at + 1)))
      return true;
  }
  return false;
}
const ASCII_ABBREVIATION = /(?<![a-z0-9])(?:[a-z]\.){2,}/g;

/**
 * The ASCII tokenizer: the same tokens as {@link TOKEN} on lower-cased ASCII text (runs of letters; digits with
 * inner `.,/:` between digits), scanned by character code instead of a regex, since it sees every word of every story.
 */
function asciiTokens(text: string): string[] {
  const tokens: string[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) {
      let end = i + 1;
      while (end < length && isLower(text.charCodeAt(end))) end++;
      tokens.push(canonicalWord(text.slice(i, end)));
      i = end;
    } else if (code >= 48 && code <= 57) {
      let end = i + 1;
      let comma = false;
      for (;;) {
        while (end < length && isDigit(text.charCodeAt(end))) end++;
        const next = text.charCodeAt(end);
        if ((next === 46 || next === 44 || next === 47 || next === 58) && isDigit(text.charCodeAt(end + 1))) {
          if (next === 44) comma = true;
          end += 1;
          continue;
        }
        break;
      }
      const number = text.slice(i, end);
      tokens.push(comma ? canonicalToken(number) : number);
      i = end;
    } else {
      i++;
    }
  }
  return tokens;
}

/** `a`–`z` as a character code. */
export function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** `a`–`z` or `A`–`Z` as a character code. */
export function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

/** `0`–`9` as a character code. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
const QUOTE = /[’'`‘]/;
const QUOTES = /[’'`‘]/g;

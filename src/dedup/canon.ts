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
  const prepared = text
    .normalize('NFKC')
    // Reuters marks tickers and unlisted companies: `Lloyds Bank Plc <LLOY.L>`, `<Theta Corp>`; republishers drop
    // the ticker and the brackets.
    .replace(/<([^<>]{1,60})>/g, (_all, inner: string) => (/^[A-Z0-9.]{1,10}$/.test(inner) ? ' ' : ` ${inner} `))
    .toLowerCase()
    // `U.S.` → `us`, `N.K.` → `nk`: a dot between single letters is an abbreviation, not a sentence end.
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (abbreviation) => abbreviation.replace(/\./g, ''))
    // `company's` / `company’s` → `companys`: quote style must not split a word differently.
    .replace(/[’'`‘]/g, '')
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    .replace(/\bper cent\b/g, 'percent');
  const tokens: string[] = [];
  for (const match of prepared.matchAll(TOKEN)) {
    const raw = match[0];
    if (isNumberToken(raw)) {
      // `1,000` and `1000` are one number; a trailing `.` was sentence punctuation and is not matched.
      tokens.push(raw.replace(/(?<=\d),(?=\d{3}\b)/g, ''));
      continue;
    }
    tokens.push(NUMBER_WORDS.get(raw) ?? HOUSE_STYLE.get(raw) ?? raw);
  }
  return tokens;
}

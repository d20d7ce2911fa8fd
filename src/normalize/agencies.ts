/**
 * Lookups over the agency table (`agency-table.ts`): the canonical agency of a printed name, of a joint or regional
 * credit (`dpa/lno`, `tca/dpa`, `ats afp`), of a sign-off token, and of a name that opens a byline title or a
 * copyright line.
 */
import { AGENCIES, type Agency } from './agency-table.js';

export { AGENCIES, type Agency, type InitialsShape } from './agency-table.js';

const BY_NAME = new Map<string, Agency>();
const BY_SIGNOFF = new Map<string, Agency>();
for (const agency of AGENCIES) {
  for (const name of agency.aliases) {
    BY_NAME.set(name, agency);
    BY_SIGNOFF.set(name, agency);
  }
  for (const signoff of agency.signoffs ?? []) BY_SIGNOFF.set(signoff, agency);
}
// Longest first, so that `press association` wins over `pa` and `kyodo jbn` over `kyodo`.
const ALIASES_LONGEST_FIRST = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);

// A name in brackets is the name (China Daily's credit `( Xinhua )` over a partner's story).
const BRACKETED = /^\(\s*([^()]*?)\s*\)$/;

function key(printed: string): string {
  const trimmed = printed.normalize('NFKC').trim();
  return (trimmed.startsWith('(') ? trimmed.replace(BRACKETED, '$1') : trimmed)
    .replace(/[\s/]+/g, ' ')
    .replace(/^the /i, '')
    .toLowerCase();
}

/** The table row of a printed agency name (`Reuter`, `Yonhap News Agency`, `the Associated Press`), or undefined. */
export function agencyOf(printed: string): Agency | undefined {
  const name = key(printed);
  const found = BY_NAME.get(name) ?? BY_NAME.get(`the ${name}`);
  if (found !== undefined || !name.endsWith(')')) return found;
  // Its short name and its full name in brackets, as papers credit it: `AP (Associated Press)`.
  const spelled = SPELLED_OUT.exec(name);
  const short = spelled?.[1] === undefined ? undefined : BY_NAME.get(spelled[1]);
  return short !== undefined && short === BY_NAME.get(spelled?.[2] ?? '') ? short : undefined;
}
const SPELLED_OUT = /^([^()]{2,20}) \((?:the )?([^()]{2,60})\)$/;

const BY_CANONICAL = new Map(AGENCIES.map((agency) => [agency.name, agency]));

/** The table row whose canonical name this is (`Trend`, as a source line's name is given), or undefined. */
export function agencyNamed(name: string): Agency | undefined {
  return BY_CANONICAL.get(name);
}

/** The canonical agency for a printed name (`Reuter` → `Reuters`, `Yonhap News Agency` → `Yonhap`), or undefined. */
export function canonicalAgency(printed: string): string | undefined {
  return creditedAgency(printed)?.name;
}

/**
 * The sending agency of a credit, whole or joint: `dpa` → dpa; regional and joint credits name the sender first
 * among the agencies the table knows (`dpa/lno` → dpa, `APA/sda` → APA, `ats afp` → Keystone-SDA), and a partner the
 * table does not know is skipped (`tca/dpa` → dpa: Tribune Content Agency copy sent by dpa).
 */
export function creditedAgency(printed: string): Agency | undefined {
  // Every dateline and sign-off asks, and the names printed are few: remember them (`null` for no agency).
  const known = CREDITED.get(printed);
  if (known !== undefined) return known ?? undefined;
  const agency = creditedUncached(printed);
  if (CREDITED.size >= CREDITED_MAX) CREDITED.clear();
  CREDITED.set(printed, agency ?? null);
  return agency;
}

const CREDITED = new Map<string, Agency | null>();
const CREDITED_MAX = 4096;

function creditedUncached(printed: string): Agency | undefined {
  const whole = agencyOf(printed);
  if (whole !== undefined || !/[/\s,+-]/.test(printed.trim())) return whole;
  // `ANSA-AFP`, `awp/sda`, `ats afp`: the parts, the sender first.
  for (const part of printed.split(/[/\s,+-]+/)) {
    const agency = part === '' ? undefined : agencyOf(part);
    if (agency !== undefined) return agency;
  }
  return undefined;
}

/**
 * Agencies whose dateline may lack a separator (`New Delhi, Jul 14 (PTI) The ...`, `(CNN)The ...`): only these are
 * trusted without a dash, so that an ordinary parenthesis in a first sentence is not taken for an agency.
 */
export function isKnownAgency(printed: string): boolean {
  return creditedAgency(printed) !== undefined;
}

/**
 * The one-word names of the table's agencies as a dateline prints them bare after its date, in capitals and with a
 * capital (`AAP`, `NZPA`, `Kyodo`, `Reuters`), longest first, for a regex alternation.
 */
export function bareAgencyNames(): string[] {
  const words = [...BY_NAME.keys()].filter((name) => /^[a-z][a-z-]{1,11}$/.test(name));
  const printed = words.flatMap((word) => [word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]);
  return [...new Set(printed)].sort((a, b) => b.length - a.length);
}

/** The agency a sign-off token names (`BERNAMA`, `ritzau`, `Enditem`), or undefined. */
export function signoffAgency(token: string): Agency | undefined {
  return BY_SIGNOFF.get(token.toLowerCase());
}

/**
 * The agency whose name opens `text` as a whole word: a byline title (`Press Association Political Correspondent`,
 * `AP Business Writer`) or a copyright holder (`ΑΠΕ-ΜΠΕ ΑΕ. Τα πνευματικά ...`).
 */
export function agencyAtStart(text: string): Agency | undefined {
  const lower = text
    .trimStart()
    .replace(/^the\s+/i, '')
    .toLowerCase();
  for (const alias of ALIASES_LONGEST_FIRST) {
    if (lower.startsWith(alias) && !/[\p{L}\d]/u.test(lower.charAt(alias.length))) return BY_NAME.get(alias);
  }
  return undefined;
}

// The names of several words, longest first: only such a name is told from the words before it without a comma.
const NAMES_OF_WORDS_LONGEST_FIRST = ALIASES_LONGEST_FIRST.filter((alias) => alias.includes(' '));
const LAST_WORDS = new Set(NAMES_OF_WORDS_LONGEST_FIRST.map((alias) => alias.slice(alias.lastIndexOf(' ') + 1)));

/**
 * Where an agency's name of several words ends `text` after a space (`... Jordan Pike The Canadian Press`, with
 * its `The`): the index it starts at, or -1.
 */
export function agencyNameAtEnd(text: string): number {
  // Most lines end in no such name's last word: one lookup rules them out.
  const last = text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  if (!LAST_WORDS.has(last)) return -1;
  const lower = text.toLowerCase();
  for (const alias of NAMES_OF_WORDS_LONGEST_FIRST) {
    if (!lower.endsWith(` ${alias}`)) continue;
    const at = lower.length - alias.length;
    return lower.endsWith(` the ${alias}`) ? at - 4 : at;
  }
  return -1;
}

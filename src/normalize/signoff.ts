/**
 * Sign-offs and desk initials (FORMATS.md, "Sign-offs, source lines and trailers"), read generically: a line is an
 * agency token from the table in any of the wrappers agencies print (`(ANSA).`, `.(ANSA).`, `-- BERNAMA`, `— Bernama`,
 * `==Kyodo`, `/ritzau/`, `(BusinessDesk)`, `EFE`), optionally followed by desk initials in a shape the agency's row
 * allows (`dpa ab cd ef`, `PTI AB CD`, `(SDA/xy)`); or one of the closers every wire uses (`(END)`, `ends`, `Fin`,
 * `-30-`, `###`); or a line of desk initials alone (AFP `ab/cd/ef`, `abc-def/gh`).
 */
import { creditedAgency, signoffAgency, type Agency, type InitialsShape } from './agencies.js';

/** A sign-off line, read. */
export interface Signoff {
  /** The agency it names, canonical; null for closers and initials. */
  readonly name: string | null;
  /** The agency it implies without printing its name (`Enditem` → Xinhua), or null. */
  readonly implies: string | null;
  /** True for a line of desk initials alone (`ab/cd/ef`). */
  readonly initialsOnly: boolean;
}

// `Reuter`, `REUTER`, `Reuters.`, and 1987 dumps' `REUTER...^M` (a carriage return printed as caret-M).
const REUTER = /^reuters?(?:\.{1,3}|…)?(?:\^M)?$/i;
// Closers that end a story whoever sent it: `(END)` (Yonhap; `(끝)` in Korean), `(end)` (KUNA), `ends` (PA), `Fin`/`Fim` (Spanish,
// French, Portuguese), `(Schluss)` (German: APA), `-30-` (also `- 30 -`), `###`, `NNNN` (ZCZC framing), AP's `^END` under a table,
// Belga's `./.` (with the desk's code, `./.CVN`), LANA's `=`;
// Chinese `（完）`, Arabic `(النهاية)` (KUNA), `/انتهى/`.
const CLOSERS =
  '\\./\\.(?:[A-Z]{2,4})?|\\/\\.|[(（]完[)）]|\\(النهاية\\)|/?انتهى/?|\\(انتهى\\)|\\(END\\)|\\(끝\\)|\\(ENDS?\\)|\\([Ee]nd\\)|\\(Schluss\\)|\\([Kk]raj\\)|\\(KRAJ\\)|\\(FIN\\)|\\([Ff]in\\)|\\^?END|ENDS|[Ee]nds|Fin|FIN|Fim|FIM|-30-|- 30 -|-0-|#{3}|# # #|NNNN|=';
const CLOSER = new RegExp(`^(?:${CLOSERS})\\.?$`);
// A closer and the desk's initials after it: `(Schluss) jul/mri` (APA), `(end) ak.mh` (KUNA), FoNet's `(kraj) is/ks`,
// Andina's in capitals `(FIN) NDP/TMC/MAO` (or by spaces, over two lines: `(FIN) JOT` / `JRA`), in Arabic letters grouped by spaces and slashes `(النهاية) ع ن ق / ر ج`.
const CLOSER_INITIALS = new RegExp(
  `^(?:${CLOSERS}) (?:[a-z]{2,4}(?:[/.][a-z]{2,4}){0,4}|[A-Z]{2,4}(?:[/ ][A-Z]{2,4}){0,4}|[\\u0621-\\u064A](?:[ /]{1,3}[\\u0621-\\u064A]){0,9})$`,
);
// Desk initials on a line of their own: AFP `hh/ph/ts/hd`, `abc-def/gh/ij` (groups of two or three letters, three
// or more of them or a hyphenated one, so that a unit on a line of its own, `dlrs/bbl` or `cts/shr`, is not taken);
// a slash before each group, dpa-AFX `/ck/jha` (and after the last, `/bek/jha/`; BTA in capitals, `/RY/MR/`), or after
// each, PAP `mkr/ par/`; Belga's desk, number and initials `COR 656/GFR`; Lusa's upper-case `JMR // ZO`;
// IRNA's reporter and editor numbers, `1234**5678`; Belga's upper-case `VDH/FUL/`; AFP's Arabic desks `ففف/ح س/كام`;
// MIA's initials and the time filed, `lk/19:15`.
const INITIALS_LINE =
  /^(?:[A-Z]{3} \d{2,4}\/[A-Z]{2,4}|(?:\/[a-z]{2,4}){2,5}\/|(?:\/[A-Z]{2,4}){2,5}\/|[\u0621-\u064A]{1,4}(?: [\u0621-\u064A]{1,4})?(?:\/[\u0621-\u064A]{1,4}(?: [\u0621-\u064A]{1,4})?){1,4}|\d{3,5}\*\*\d{3,5}|(?:[A-Z]{2,4}\/){2,5}|[a-z]{2,3}(?:\/[a-z]{2,3}){2,6}|[a-z]{2,3}-[a-z]{2,3}(?:\/[a-z]{2,3}(?:-[a-z]{2,3})?){1,5}|[a-z]{2,3}(?:\/[a-z]{2,3}(?:-[a-z]{2,3})?)*\/[a-z]{2,3}-[a-z]{2,3}|(?:\/[a-z]{2,4}){2,5}|(?:[a-z]{2,4}\/ ?){2,5}|[A-Z]{2,4}(?: \/\/ [A-Z]{2,4}){1,3}|[a-z]{2,4}\/\d{1,2}:\d{2})$/;
/**
 * A short line of desk initials that is initials only under a sign-off: EFE `EFE` / `ab/cd` (the editor's in
 * capitals: `ab/CD`), IANS `--IANS` / `ab/cd`,
 * KUNA `(end)` / `ak.mh`, Bernama `-- BERNAMA` / `RY NHA`; or under the story of an agency that prints its initials
 * on a line (AFP `cha/pw`).
 */
export const INITIALS_PAIR = /^(?:[a-z]{2,3}[/.](?:[a-z]{2,3}|[A-Z]{2,3})|[A-Z]{2,4}(?: [A-Z]{2,4}){1,2})$/;
/** A desk's initials as one group of lower-case letters (`mke`, `bs`): initials only under a closer (`(end)`). */
export const INITIALS_ALONE = /^[a-z]{2,4}$/;

/** Whether a line may be a desk's initials under a sign-off or closer: {@link INITIALS_PAIR} or {@link INITIALS_ALONE}. */
export function mayBeDeskInitials(line: string): boolean {
  return INITIALS_PAIR.test(line) || INITIALS_ALONE.test(line);
}
// What may wrap the agency's token: `(`, `.(`, `/`, `//` (Petra's `//Petra//`), `--`, `—`, `==`, and their closing halves (a dash after a space:
// `– Emirates News Agency, WAM –`).
const OPEN = /^(?:\.?[(（]|\/{1,2}|[-—–=]{1,3})?\s*/;
const CLOSE = /\s*(?:[)）]|\/{1,2}|(?<=\s)[-—–])?\s*[.:]?$/;
const INITIALS: Readonly<Record<InitialsShape, RegExp>> = {
  // `dpa ab cd`, dpa's service codes `dpa lni hm yyzz n1 kr`, AAP's `AAP tk/jm`
  // and a regional service's code before them (`dpa/lno ab yy`)
  lower: /^(?:\/[a-z]{2,4})? [a-zäöüß]{2,4}(?:[ /][a-zäöüß]{1,4}\d?){0,10}$/,
  upper: /^ [A-Z]{2,4}(?: [A-Z]{2,4}){0,5}$/,
  // `(SDA/xy)`, `(SDA/mf ba)`
  slash: /^\/[a-z]{2,4}(?:[/ ][a-z]{2,4}){0,3}$/,
  // An agency that prints its desk's initials on the line under its name (EFE `EFE` / `ab/cd`) also prints them
  // after it on one line: `EFE ab/cd`, `--IANS ab/cd`.
  line: /^ [a-z]{2,4}(?:[/.][a-z]{2,4}){1,4}$/,
  // Printed before the name, not after it (INITIALS_BEFORE).
  comma: /(?!)/,
};
/** Keystone-SDA's pages: the desk's initials, a comma, the agency's name: `clsi, ats`, `ed, sda`, `mk/ab, sda`. */
export const INITIALS_BEFORE = /^([a-z]{2,5}(?:\/[a-z]{2,5}){0,3}), (\S{2,12})$/;

// Any agency's name with its desk's code after it, as AAP sends its own and its partners' copy: `AAP RTV ar`,
// `AFP sn`, `AAP gfr` (one to three groups of two to four letters, each in one case), or its desk's name in capitals
// (`AAP BETTING`).
const DESK = /^ (?:[a-z]{2,4}|[A-Z]{2,8})(?: (?:[a-z]{2,4}|[A-Z]{2,4})){0,2}$/;

const MAX = 48;
const DOUBLE_SLASH_AFTER_NAME = /^([^\s/]+)\/\/(?= )/;
// HINA's groups of initials in any lower-case letters, by a slash or a space: `(Hina) bm/bn sšh`.
const BRACKETED_INITIALS =
  /^\(([^()]{2,24})\) (?:\p{Lu}\.(?: ?\p{Lu}\.){0,3}|\p{Ll}{2,4}(?:[/ ]\p{Ll}{2,4}){0,3}|\p{Lu}{2,4}(?:\/\p{Lu}{2,4}){0,3})$/u;

// The copyright sign before a sign-off's name: `©`, or `(c)` run into the name (`(c) AFP` is a copyright line).
const COPYRIGHT_SIGN = /^(?:©\s*|\(c\)(?=\S))/i;

const SIGNED_ON = /^\d{1,2} \p{L}{3,12}\.? \d{4}$/u;
// The agency's name and the day it filed, without a comma, in a bracket: Xinhua's `(Xinhua News Agency September 5,
// 2009)` under the story on partners' pages.
const NAME_THEN_DAY = /^(\p{L}[\p{L} .&'-]{1,40}?) (?:\p{L}{3,12}\.? \d{1,2},?|\d{1,2} \p{L}{3,12}\.?) \d{4}$/u;

/** Reads one line as a sign-off, or returns null. */
export function parseSignoff(text: string): Signoff | null {
  // A slash escaped on its way through JSON: `(SDA\/mf ba)`.
  const line = text.trim().replaceAll('\\/', '/');
  if (line.length === 0 || line.length > MAX) return null;
  if (REUTER.test(line)) return { name: 'Reuters', implies: null, initialsOnly: false };
  if (CLOSER.test(line) || CLOSER_INITIALS.test(line)) return { name: null, implies: null, initialsOnly: false };
  if (INITIALS_LINE.test(line)) return { name: null, implies: null, initialsOnly: true };
  // NTB signs off `(©NTB)`, AFP's Japanese service `(c)AFP`: the sign is not part of the name.
  // Petra's desk initials after its closing slashes: `//Petra// RZ`.
  const stripped = line.replace(COPYRIGHT_SIGN, '').replace(OPEN, '').replace(CLOSE, '').replace(COPYRIGHT_SIGN, '');
  const core = stripped.includes('//') ? stripped.replace(DOUBLE_SLASH_AFTER_NAME, '$1') : stripped;
  if (core.length < 2) return null;
  // A closer behind dashes: ONA's `---Ends`.
  if (CLOSER.test(core)) return { name: null, implies: null, initialsOnly: false };
  const whole = signoffAgency(core);
  if (whole) return named(whole, core);
  // The agency's name and its short name after a comma: `Emirates News Agency, WAM`.
  const comma = core.indexOf(', ');
  if (comma !== -1) {
    const [long, short] = [signoffAgency(core.slice(0, comma)), signoffAgency(core.slice(comma + 2))];
    if (long !== undefined && long === short) return named(long, core.slice(comma + 2));
    // The agency's name and the day it filed: Bernama's Malay service `– Bernama, 12 Ogos 2023`.
    if (long !== undefined && SIGNED_ON.test(core.slice(comma + 2))) return named(long, core.slice(0, comma));
  }
  const dated = line.charCodeAt(0) === 40 ? NAME_THEN_DAY.exec(core)?.[1] : undefined;
  const filer = dated === undefined ? undefined : signoffAgency(dated);
  if (filer !== undefined && dated !== undefined) return named(filer, dated);
  // The agency in brackets and the author's initials after it: FENA's `(FENA) R. G.`, `(FENA) ab`.
  const bracketed = line.charCodeAt(0) === 40 ? BRACKETED_INITIALS.exec(line) : null;
  const signer = bracketed?.[1] === undefined ? undefined : signoffAgency(bracketed[1]);
  if (signer !== undefined) return named(signer, bracketed?.[1] ?? '');
  const before = core.includes(', ') ? INITIALS_BEFORE.exec(core) : null;
  const signed = before?.[2] === undefined ? undefined : signoffAgency(before[2]);
  if (signed?.initials?.includes('comma')) return named(signed, before?.[2] ?? '');
  // A token and desk initials after it: `dpa ab cd`, `PTI AB CD`, `SDA/xy`.
  const split = /^([^\s/]+)([\s/].*)$/.exec(core);
  const agency = split?.[1] ? signoffAgency(split[1]) : undefined;
  const initials = split?.[2] ?? '';
  if (agency && (DESK.test(initials) || (agency.initials ?? []).some((shape) => INITIALS[shape].test(initials)))) {
    return named(agency, split?.[1] ?? '');
  }
  return joined(core);
}

// The parts of a sign-off joined by slashes (or a hyphen between two names) other than the agency's own name:
// a partner agency (`/ritzau/AFP`, `(ANSA-AFP).`, STT's en dash `STT–AFP`), a broadcaster that ran the story (`(MTV3
// -STT)`), a closer (Lusa `Lusa/Fim`), desk initials (CNA `Enditem/AW`), the names of the reporters and editors (WAM
// `WAM/Hatem Salem/Rola Haddad`; TT's `Anna Svensson/TT` on a line of its own is TT's credits, see endmatter.ts), or the
// time it was filed (BSS `BSS/AB/CD/1234 hrs`).
const PART =
  /^(?:\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}|\p{Lu}{2,4}|[A-Z]{2,5}\d{1,2}|[a-z]{2,4}|Fim|Fin|FIM|FIN|\d{4} ?(?:hrs|HRS|hours))$/u;

/**
 * A sign-off of parts joined by slashes, one of them an agency's name or sign-off (the first such names it); or a
 * closer followed by the desk's names (ONA `Ends/Thuraiya/Anas`).
 */
function joined(core: string): Signoff | null {
  if (!core.includes('/') && !/^[A-Za-z\d]+ ?[-–] ?[A-Za-z]+$/.test(core)) return null;
  // Andina's tag `/MO/ /Andina/` leaves an empty part between its two slashed names.
  const parts = core
    .split(core.includes('/') ? '/' : /[-–]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  let first: Agency | undefined;
  let token = '';
  for (const part of parts) {
    const agency = signoffAgency(part) ?? (part.includes(' ') ? undefined : creditedAgency(part));
    if (agency !== undefined) {
      if (first === undefined) [first, token] = [agency, part];
    } else if (!PART.test(part)) return null;
  }
  if (first !== undefined) return named(first, token);
  return CLOSER.test(parts[0] ?? '') && parts.length > 1 ? { name: null, implies: null, initialsOnly: false } : null;
}

function named(agency: Agency, token: string): Signoff {
  // A token that is one of the agency's names names it; one of its other sign-offs (`Enditem`) only implies it.
  const printsName = agency.aliases.includes(token.toLowerCase());
  return { name: printsName ? agency.name : null, implies: printsName ? null : agency.name, initialsOnly: false };
}

// A sign-off run into the last paragraph after its final sentence: wrapped (`... the ministry said. (END)`, `... in
// the capital.(ANSA).`, `... said. -- BERNAMA`, `... he said.==Kyodo`, `... on Monday. Enditem`, a closer and initials
// with dots in them, KUNA's `... campaign." (end) mzh.mt`) or a bare word of the
// table, with its desk's initials or not, or initials alone after a space (`... said. EFE`, `... said. EFE ab/cd`,
// `... electric cars. hh/ph/ts/hd`, `... until midnight. PTI SUD NN`, `... on Monday. dpa ab cd`).
const GLUED_SIGNOFF = String.raw`(?:[ \t]*((?:[-—–=(（/#](?:[^.!?\n]|\.(?=[a-z])){0,46}|End ?item=?\/?)\.?)|[ \t]+([a-z]{2,4}(?:[-/][a-z]{2,4})+|[a-z]{2,4}\/\d{1,2}:\d{2}|[a-z]{2,4}(?: [a-z]{2,4}){1,4}|[A-Z]{2,6}(?: [A-Z]{2,4}){1,4}|[A-Za-z][\w-]{1,14}(?: [a-z]{2,4}(?:[/.][a-z]{2,4}){1,4})?|[A-Z]{2,6}(?:\/[A-ZÀ-Þ]{1,4}){1,5}))$`;
const GLUED = new RegExp(`[.!?"”’)。]${GLUED_SIGNOFF}`);
// The same after the reporter's address instead of a sentence (`... jdoe@yna.co.kr (END)`), asked only of an end
// that has an `@`.
const GLUED_OR_AFTER_ADDRESS = new RegExp(`(?:[.!?"”’)。]|(?<=@[\\w-]+(?:\\.[\\w-]+)+)(?=[ \\t]))${GLUED_SIGNOFF}`);

// A closer no sentence uses, after a last line that is not a sentence (KCNA's list of names `... U Sang Chol -0-`).
const GLUED_CLOSER = /[ \t]+(-0-|-30-|\(END\))$/;

// An agency's name in capitals glued to the last sentence without a space (EFE's `... de fuerte.EFE`), or in brackets
// before its full stop (Keystone-SDA's `... im Gebäude war(sda).`): each asked only of a paragraph that ends so.
const GLUED_NAME = /[.!?"”’)]([A-Z]{3,10})$/;
const GLUED_BRACKET_STOP = /[\p{Ll}\d](\([^()\s]{2,12}\)\.)$/u;

/** Splits a sign-off printed at the end of the last paragraph from the text before it. */
export function splitGluedSignoff(paragraph: string): { readonly text: string; readonly signoff: string } | null {
  // Only the paragraph's end can hold one: look there, not along the whole paragraph.
  const offset = Math.max(0, paragraph.length - 56);
  const end = paragraph.slice(offset);
  const spaced = (end.includes('@') ? GLUED_OR_AFTER_ADDRESS : GLUED).exec(end) ?? GLUED_CLOSER.exec(end);
  const match = spaced ?? (end.endsWith(').') ? GLUED_BRACKET_STOP : GLUED_NAME).exec(end);
  const printed = (match?.[1] ?? match?.[2])?.trim();
  if (!match || !printed) return null;
  const signoff = parseSignoff(printed);
  if (signoff === null) return null;
  // Without a space, only the agency's own name: EFE's `... intervalos de fuerte.EFE`.
  if (spaced === null && signoff.name === null) return null;
  // A bare word must be one of the table's (`EFE`), initials or a closer in capitals (Xinhua's French `... recherche.
  // Fin`): a closing lower-case `ends` is a word of the sentence.
  const bare = spaced?.[2];
  if (bare !== undefined && signoff.name === null && signoff.implies === null && !signoff.initialsOnly) {
    if (!/^\p{Lu}/u.test(bare)) return null;
  }
  // ANSA's `.(ANSA).` printed after a space (`... the minister .(ANSA).`) leaves its dot to end the sentence.
  const text = paragraph
    .slice(0, offset + match.index + 1)
    .trimEnd()
    .replace(/([.!?]["”’)]?)\s+\.$/, '$1')
    .replace(/(\S)\s+\.$/, '$1.');
  return { text, signoff: printed };
}

/**
 * Bylines (FORMATS.md): `By Jane Doe`, `By Jane Doe, AP Business Writer`, `By PAUL BYRNE and ALMUDENA CALATRAVA,
 * Associated Press`, `Von Anna Schmidt, dpa`, `By dpa correspondents`. The record keeps the name(s) in `byline` and
 * the title apart in `byline_title`; a title or name that is an agency's names the agency.
 */
import { agencyAtStart, agencyNameAtEnd, agencyOf, creditedAgency, type Agency } from './agencies.js';

/** A byline split into name(s) and title. */
export interface Byline {
  /** The name or names: `Jane Doe`, `PAUL BYRNE and ALMUDENA CALATRAVA`, `dpa correspondents`. */
  readonly name: string;
  /** The title or outlet: `AP Business Writer`, `Press Association`, `The San Diego Union-Tribune`; or null. */
  readonly title: string | null;
}

// The word a byline opens with, in the agencies' languages: By (English), Von (German), Por (Spanish, Portuguese),
// Par (French), Di and ANSA's lower-case di (Italian), Av (Swedish, Norwegian), Af (Danish), Door (Dutch); web pages'
// `Story by`, `Words by`.
const BY_WORD =
  /^(?:(?:Story|Words|Text|Written|Reporting) by|By:|BY:|By|BY|by|Von|VON|von|Por|POR|Par|PAR|Di|DI|di|Av|AV|Af|AF|Door|DOOR)\s+/;
// What makes the part after a comma a title rather than more names (`Jane Doe, John Roe and Jim Poe`).
const TITLE_WORD_NAMES =
  'Writer|Correspondent|Reporter|Editor|Staff|Contributor|Columnist|Bureau|Chief|Analyst|Producer|Photographer|Press|News|Agency|Times|Post|Journal|Tribune|Herald|Gazette|Daily|Service|Wire|Media|Associated|Korrespondent(?:in)?|Redakteur(?:in)?|corresponsal|correspondant(?:e)?|ag[êe]ncia|agencia|agenzia|agence';
const TITLE_WORDS = new RegExp(`\\b(?:${TITLE_WORD_NAMES})\\b`, 'i');
const SUFFIX = /^(?:Jr|Sr|II|III|IV|PhD|Ph\.D|MD|M\.D)\.?(?:,|$)/;
const AGENCY_STAFF = /^(\S+(?: \S+)?) (?:correspondents?|staff|reporters?|writers?|Korrespondenten)$/i;
const AGENCY_AFTER_NAME = / (?:from|of) (?:the )?(\p{Lu}.{1,40})$/u;

/**
 * A printed byline without its opening word, split into name and title at the first comma (or ` | `) after which
 * a title follows. Never throws; a byline with no title keeps it null.
 */
export function splitByline(raw: string): Byline {
  const text = raw.replace(/\s+/g, ' ').trim().replace(BY_WORD, '');
  const caps = capsName(text);
  if (caps !== null) return caps;
  for (const separator of [', ', ' | ', '/']) {
    let from = 0;
    for (let at = text.indexOf(separator, from); at !== -1; at = text.indexOf(separator, from)) {
      const rest = text.slice(at + separator.length).trim();
      from = at + separator.length;
      if (SUFFIX.test(rest)) continue;
      // After a slash only an agency is a title: `Anna Svensson/TT`, `Jens Hansen/Ritzau`.
      const title =
        separator === '/' ? creditedAgency(rest) !== undefined || agencyOf(rest) !== undefined : isTitle(rest);
      if (title) return { name: text.slice(0, at).trim(), title: rest };
    }
  }
  return peopleThenTitle(text) ?? { name: text, title: null };
}

/** Whether a line opens like a byline: `By ...`, `Von ...`, `Reporting by ...`. */
export function opensByline(text: string): boolean {
  return BY_WORD.test(text.trimStart());
}

/**
 * A story's bylines as one (`By JANE DOE` / `Associated Press`, then `By JOHN ROE` / `Associated Press`): the names
 * joined (`JANE DOE and JOHN ROE`), each title once (`; ` between different ones). A name printed again is not
 * repeated.
 */
export function joinBylines(first: Byline, more: readonly Byline[]): Byline {
  const names = [first.name];
  const titles = first.title === null ? [] : [first.title];
  for (const byline of more) {
    if (!names.some((name) => name.toLowerCase().includes(byline.name.toLowerCase()))) names.push(byline.name);
    const { title } = byline;
    if (title !== null && !titles.some((known) => known.toLowerCase() === title.toLowerCase())) titles.push(title);
  }
  const name = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return { name, title: titles.length === 0 ? null : titles.join('; ') };
}

/**
 * A name in capitals run into its title, as AP's lines joined give it: `JANE DOE Associated Press`, `JANE DOE AP
 * Business Writer`. The title starts at the first word after two or more in capitals that is in mixed case or an
 * agency's name, and must read as a title.
 */
function capsName(text: string): Byline | null {
  if (text.includes(',') || !/\p{Ll}/u.test(text)) return null;
  const words = text.split(' ');
  // The words in capitals (and `and`s) the byline opens with: the name and perhaps an agency's name after it.
  let caps = 0;
  while (caps < words.length && CAPS_WORD.test(words[caps] ?? '')) caps++;
  for (let i = 2; i <= caps && i < words.length; i++) {
    const rest = words.slice(i).join(' ');
    if ((i === caps || agencyAtStart(rest) !== undefined) && /^\p{Lu}/u.test(rest) && isTitle(rest))
      return { name: words.slice(0, i).join(' '), title: rest };
  }
  return null;
}

const CAPS_WORD = /^(?:\p{Lu}[\p{Lu}.'’-]*|and|AND)$/u;

function isTitle(text: string): boolean {
  return (
    agencyAtStart(text) !== undefined ||
    /^The\s/.test(text) ||
    TITLE_WORDS.test(text) ||
    (/^[a-z][a-z-]{1,12}$/.test(text) && creditedAgency(text) !== undefined)
  );
}

// A person's name: `Mia Rasmussen`, `Anna-Lena af Sandberg`. One to four of them, joined by commas, `and` (`och`, `og`,
// `und`, `et`, `y`) or `&`, are people.
// Arabic names join their article to the name: `Ruaa al-Jazaeri`.
const PERSON = `\\p{Lu}[\\p{L}'’.-]+(?: (?:(?:af|av|von|van|de|da|la|le|del|di|du|den|ter) )?(?:al-|el-)?\\p{Lu}[\\p{L}'’.-]+){1,3}`;
const PEOPLE = new RegExp(`^${PERSON}(?:(?:,| and| &| och| og| und| et| y) ${PERSON}){0,3}$`, 'u');
// Without an opening word, a name and an agency after a comma or a bar: `Jane Doe, AFP`, `Jane Doe | The Canadian Press`.
const NAME_AGENCY = new RegExp(`^${PERSON}(?:,| \\|) (.{2,40})$`, 'u');

/** True for a line of one to four people's names and nothing else: `Mia Rasmussen and Jordan Pike`. */
export function isPeople(text: string): boolean {
  return text.length <= 120 && PEOPLE.test(text);
}

// The words a title under a name opens with: a title word itself (`Staff Reporter`) or what qualifies one (`Senior
// Correspondent`, `Political Editor`).
const TITLE_OPENERS = new RegExp(
  `^(?:${TITLE_WORD_NAMES}|Senior|Chief|Special|Political|Business|Sports|Foreign|Deputy|Economics|Diplomatic|Health|Science|Contributing|Associate|Assistant|Managing|Executive|Investigative|National|International|Regional|Local|Legal|Financial|Energy|Markets)\\b`,
);

// Two capitalised words, or a particle between them, and not `The`: how a person's name opens.
const OPENS_WITH_NAME = /^(?!The )\p{Lu}[\p{L}'’.-]+ (?:\p{Ll}{1,3} )?\p{Lu}/u;
// A title is a few words, each opening with a capital: `Associated Press Writer`, `AP Business Writer`; it may end in
// what the post is for or where (`Writer at Large`, `Bureau Chief for Asia`, `Correspondent in Washington`).
const TITLE_CASED =
  /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,5}(?: (?:at|for|in|of) \p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2})?$/u;
// Where that qualifier starts: the title's own words end before it.
const QUALIFIER = / (?:at|for|in|of) \p{Lu}/u;

/**
 * Names and then a title, no comma between, as a byline and its title printed on two lines and joined: the agency's
 * name (CP: `Mia Rasmussen and Jordan Pike` / `The Canadian Press`), a title that opens with it (`Associated Press
 * Writer`) or with a title's word and ends with one (`Staff Reporter`, `Senior Correspondent`); null for other text.
 */
function peopleThenTitle(text: string): Byline | null {
  // With a comma or a bar the title is told at it (splitByline, NAME_AGENCY). Most lines do not open with a name:
  // one regex rules them out (the plain readers ask this of every short line they look at).
  if (text.length > 150 || !OPENS_WITH_NAME.test(text) || text.includes(',') || text.includes('|')) return null;
  const at = agencyNameAtEnd(text);
  const named = at > 0 ? text.slice(0, at).trim() : '';
  if (PEOPLE.test(named)) return { name: named, title: text.slice(at).trim() };
  const words = text.split(' ');
  // The title is the few capitalised words the text ends with: the splits before them need not be tried.
  for (let i = Math.max(2, words.length - 6); i < words.length && i <= 12; i++) {
    const rest = words.slice(i).join(' ');
    if (!TITLE_CASED.test(rest)) continue;
    const qualifier = rest.search(QUALIFIER);
    const post = qualifier === -1 ? rest : rest.slice(0, qualifier);
    const title =
      (TITLE_OPENERS.test(post) && TITLE_WORDS.test(post.slice(post.lastIndexOf(' ') + 1))) ||
      agencyAtStart(rest) !== undefined;
    const name = words.slice(0, i).join(' ');
    if (title && PEOPLE.test(name)) return { name, title: rest };
  }
  return null;
}

/** True for a paragraph that is a byline by its shape: an opening word, a name, at most a title; no sentence. */
export function looksLikeByline(paragraph: string): boolean {
  if (paragraph.length > 150) return false;
  if (!BY_WORD.test(paragraph)) {
    const agency = NAME_AGENCY.exec(paragraph)?.[1];
    return (agency !== undefined && agencyOf(agency) !== undefined) || peopleThenTitle(paragraph) !== null;
  }
  const rest = paragraph.replace(BY_WORD, '');
  // A sentence (`... council. (END)`) is not a byline, wherever it ends.
  if (rest.split(' ').length > 16 || /\p{Ll}{3}[.!?](?:$|\s)/u.test(rest)) return false;
  // A name opens with a capital; `By dpa correspondents` opens with an agency's name.
  return /^\p{Lu}/u.test(rest) || agencyAtStart(rest) !== undefined;
}

/** The agency a byline names in its title or as its staff (`Press Association`, `By dpa correspondents`). */
export function bylineAgency(byline: Byline): Agency | undefined {
  // `By The Associated Press`, `By AFP`: the agency is the byline.
  const whole = agencyOf(byline.name);
  if (whole !== undefined) return whole;
  if (byline.title !== null) {
    const agency = agencyAtStart(byline.title);
    if (agency !== undefined) return agency;
  }
  const staff = AGENCY_STAFF.exec(byline.name);
  if (staff?.[1]) return creditedAgency(staff[1]);
  // The agency after the name: `MARGERY A. BECK from the Associated Press`.
  const from = AGENCY_AFTER_NAME.exec(byline.name);
  return from?.[1] ? agencyOf(from[1]) : undefined;
}

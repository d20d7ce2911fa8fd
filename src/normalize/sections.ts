/**
 * Blocks that run from a heading to the end of a story and are not body (FORMATS.md, "press-release end matter" and
 * "agency notebooks"): a press release's `About Acme Robotics` boilerplate, contact blocks, `View original content`,
 * forward-looking statements and `###`; an agency's notebook for editors (the agency table's `sections`, dpa's
 * `# Notizblock`).
 */
import { AGENCIES } from './agencies.js';

// Headings of a release's end matter. `About ...` opens boilerplate only as a short heading of its own or when it
// introduces a company (`About Acme Robotics: Acme is ...`, `About Acme Robotics Acme Robotics, Inc. is a ...`), so a
// body sentence `About 200 people attended.` never does.
const ABOUT_HEADING = /^About\s+(?:the\s+)?[\p{Lu}\d][^\n]{0,90}$/u;
// A company's name may end its heading with the full stop of its form: `About BJ's Wholesale Club Holdings, Inc.`.
const COMPANY_END = /\b(?:Inc|Ltd|Co|Corp|Cos|Bhd|Pte|LLC|L\.L\.C|L\.P|S\.A|N\.V|S\.p\.A|A\.G|plc|PLC)\.$/;
const ABOUT_COMPANY =
  /^About\s+(?:\p{Lu}|\d+\p{L})[^\n]{0,80}?(?::|\s(?:is|was|are)\s(?:a|an|the|one)\s|\s\((?:NYSE|NASDAQ|Nasdaq|TSX|LSE|ASX)\b)/u;
const RELEASE_HEADINGS: readonly RegExp[] = [
  /^(?:Forward[- ]Looking Statements?|Safe Harbou?r(?: Statement)?|Cautionary (?:Note|Statement|Language)\b|Disclaimer\b)/i,
  /^This (?:press |news )?release (?:contains|may contain|includes) (?:certain )?["“]?forward-looking/i,
  /^(?:(?:Media|Press|Investor|Company|Analyst)\s+)?(?:Relations\s+)?(?:Contacts?|Contact (?:Information|Details)|Inquiries|Enquiries)(?:\s*:|$)/i,
  // A contact block's heading of its audience alone (Business Wire's `Investors:` / `Media:` over names and numbers).
  /^(?:Investors?|Media|Press|Analysts?)(?: Relations)?\s*:$/,
  // The contact heading in the release wires' other languages: APA-OTS `Rückfragehinweis:`, `Pressekontakt:`,
  // `Contact presse :`, `Contacto de prensa:`, `Contatti:`, `Perscontact:`, `Kontakt:`.
  /^(?:Rückfragehinweis|Rückfragen|Pressekontakt|Medienkontakt|Kontakt|Contacts? presse|Contacto(?:s)?(?: de prensa)?|Contatti|Contatto stampa|Ufficio stampa|Perscontact|Mediakontakt|Lisätiedot)(?:\s*:|$)/i,
  // Where to learn more, in the wires' languages: `For further information, please visit ...`, `Pour en savoir plus`,
  // STT Info's `Yhteyshenkilöt` (contacts), `Tietoja julkaisijasta` (about the publisher), `Liitteet` (attachments).
  /^(?:For (?:further|more) information|Pour (?:en savoir plus|plus d['’]informations?)|Weitere Informationen|(?:Para )?[Mm]ás información|Yhteyshenkilöt|Yhteystiedot|Lisätietoja|Tietoja julkaisijasta|Liitteet|Kontaktpersoner?|Kontaktinformation)\b/i,
  /^View (?:original content|source version)\b/i,
  /^To view the original version on\b/i,
  /^#{3}$|^# # #$/,
  // `About ...` as a heading of its own in the release wires' other languages: `关于APP`, `À propos de Acme`,
  // `Über Acme`, `Acerca de Acme`, `Sobre a Acme`, `Informazioni su Acme`, `Over Acme`, `Om Acme`, `Acmeについて`.
  /^(?:关于|關於)\S.{0,30}$|^\S.{0,30}について$/,
  /^(?:À propos d(?:e |['’])|Über |Acerca de |Sobre (?:(?:a|o|la|el) )?|Informazioni su |Chi è |Over |Om )\p{Lu}[^\n.!?]{0,60}$/u,
  // ... and run into the boilerplate it heads, as `About Acme Robotics Acme Robotics, Inc. is a ...` is in English:
  // `À propos de TELUS TELUS (TSX : T, NYSE : TU) est une société ...`.
  /^À propos d(?:e |['’])\p{Lu}[^\n]{0,80}?(?:\s:|:|\s(?:est|était|sont)\s(?:une?|la|le|l['’]|les)\s|\s\((?:TSX|NYSE|NASDAQ|Nasdaq|Euronext|TSXV|CSE)\b)/u,
];
// What marks a story as a release wherever it stands: PR Newswire's `SOURCE Acme Robotics, Inc.` line, the
// `View original content` and `View source version` links.
const RELEASE_MARK =
  /^(?:SOURCE [^\n]*[a-z]|View (?:original content|source version)\b|To view the original version on\b)/;

const NOTEBOOKS = AGENCIES.flatMap((agency) => agency.sections ?? []);

/** True for a heading that opens a release's end matter. */
export function isReleaseHeading(paragraph: string): boolean {
  if (/^About\s/.test(paragraph)) {
    return (
      (ABOUT_HEADING.test(paragraph) && (!/[.!?]$/.test(paragraph) || COMPANY_END.test(paragraph))) ||
      ABOUT_COMPANY.test(paragraph)
    );
  }
  return RELEASE_HEADINGS.some((heading) => heading.test(paragraph));
}

/** True when a paragraph marks its story as a press release (`SOURCE Acme Robotics, Inc.`, `View original content`). */
export function marksRelease(paragraph: string): boolean {
  const first = paragraph.charCodeAt(0);
  // S, V, T: ruled out before the regex, since every story's last paragraphs are asked.
  return (first === 83 || first === 86 || first === 84) && RELEASE_MARK.test(paragraph);
}

/**
 * The index of the first paragraph that opens an end block (a notebook, or a release's end matter when `release`),
 * or `paragraphs.length` when there is none. The first paragraph is body whatever it says.
 */
export function sectionStart(paragraphs: readonly string[], release: boolean): number {
  for (let i = 1; i < paragraphs.length; i++) {
    const text = paragraphs[i] ?? '';
    if (text.charCodeAt(0) === 35 /* # */ && NOTEBOOKS.some((heading) => heading.test(text))) return i;
    if (release && isReleaseHeading(text)) return i;
  }
  return paragraphs.length;
}

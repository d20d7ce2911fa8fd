/**
 * What a paragraph at the end of a story is when it is not body: a sign-off, source line, credits, copyright, a
 * continuation marker or trailer furniture. The agencies' own shapes come from the agency table (credits, trailers);
 * sign-offs are read by `signoff.ts`.
 */
import { AGENCIES, agencyAtStart, agencyOf, canonicalAgency, creditedAgency, type Agency } from './agencies.js';
import { KOREAN_REPORTER } from './agency-table.js';
import { INITIALS_BEFORE, parseSignoff } from './signoff.js';
import { trailerKind } from './trailers.js';

export { trailerKind } from './trailers.js';

/** What a line at the end of a story is, when it is not body. */
export type EndMatter =
  | { readonly kind: 'signoff'; readonly name: string | null; readonly implies: string | null }
  | { readonly kind: 'initials' }
  | { readonly kind: 'source'; readonly name: string }
  | { readonly kind: 'credits' }
  | { readonly kind: 'copyright' }
  | { readonly kind: 'continuation' }
  | { readonly kind: 'furniture' };

/**
 * The word a line opens with to say where the story comes from, before a colon, in the agencies' languages: `Source`,
 * `Quelle`, `Fuente`, `Fonte`, `Fonti`, `Bron`, `Kilde`, `Källa`, `Lähde`, `Źródło`, `Zdroj`, `Izvor`, Slovenian
 * `Vir` and `Vir novice`, Hungarian `Forrás`, Greek `Πηγή`; dts's `Foto/Quelle`; `Courtesy` (KNA's `Courtesy; KNA`, with a semicolon).
 */
export const SOURCE_WORDS =
  'Sources?|SOURCES?|Courtesy|Foto/Quelle|Quelle|Fuente|Fonte|Fonti|Bron|Kilde|Källa|Lähde|Źródło|Zdroj|Izvor|Vir novice|Vir|Forrás|Πηγή';
// `Source: Yonhap News Agency`, `(Source: Xinhua)`, `SOURCE: AFP`, `Quelle: dpa`, `Fuente: EFE`, `Vir novice: STA`.
const SOURCE_LINE = new RegExp(
  `^\\(?\\s*(?:${SOURCE_WORDS})\\s*(?:[:：]|(?<=Courtesy);)\\s*([^\\n]{2,80}?)\\s*\\)?\\.?$`,
);
// An agency's source line that prints the story's title after its name, and its rights after that: SITA's `Zdroj:
// SITA.sk - <headline> © SITA Všetky práva vyhradené.` (the name must be the table's).
const SOURCE_TITLED = new RegExp(`^(?:${SOURCE_WORDS})\\s*:\\s*(\\S[^\\n]{1,40}?)\\s+[-–]\\s+\\S[^\\n]{0,300}$`);
// PR Newswire ends releases with `SOURCE Acme Robotics, Inc.` (no colon): the name runs to the end of the line,
// punctuation included, and must be in mixed case, since a 1987 headline can read `SOURCE VENTURE CAPITAL INC YEAR`.
const RELEASE_SOURCE = /^SOURCE ([^\n]*[a-z][^\n]{0,100})$/;
// `Copyright 2031 The Associated Press. All rights reserved.`, `© 2026 Yonhap`, `(c) 1987 Reuters`, Reuters' `(c)
// Copyright Thomson Reuters 2026. Click For Restrictions - https://...`, `Copyright © ANTARA 2023` — a year or sign
// is required so that a headline like `Copyright ruling upheld` is not taken for one, and `All rights reserved` must
// open the line or a sentence (not `The album, All Rights Reserved, ...`).
// Korean agencies print theirs in angle brackets: `<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>`.
// `All rights reserved` in the agencies' other languages too: `Alle Rechte vorbehalten`, `Tous droits réservés`,
// `Todos los derechos reservados`, `Tutti i diritti riservati`, ANSA's `RIPRODUZIONE RISERVATA © Copyright ANSA`,
// `Todos os direitos reservados`, `Alle rechten voorbehouden`.
const RESERVED =
  'All rights reserved|Alle Rechte vorbehalten|Tous droits réservés|Todos los derechos reservados|Tutti i diritti riservati|Riproduzione riservata|Todos os direitos reservados|Alle rechten voorbehouden|Wszelkie prawa zastrzeżone';
const COPYRIGHT = new RegExp(
  `^(?:Copyright\\s*(?:©|\\(c\\)|\\d{4})|©|\\(c\\)\\s*(?:\\d{4}|Copyright\\b)|<?\\s*저작권자\\s*(?:\\(c\\)|ⓒ|©))|(?:^|[.!]\\s+)(?:${RESERVED})`,
  'i',
);
// `(c) Agence France-Presse`: a `(c)` without a year only before an agency's name (`(c) The committee shall ...` is
// a clause of a law).
const C_HOLDER = /^\(c\)\s+(\S.*)$/i;
// A French, Spanish, Portuguese, German or English paper's note that wire copy went into the story: `(Avec AFP)`,
// `(Con información de EFE)`, `(Com Lusa)`, `(Mit Material von dpa)`, `(With AP)`.
const WITH_AGENCY =
  /^\((?:avec|con|com|mit|with)\s+(?:(?:informations?|información|informação|informações|Material|reporting)\s+(?:de|da|das|von|from|d')\s*)?(.{2,60})\)\.?$/i;
// The same note as a line of its own without brackets, `Con información de Télam`: the agency's copy is the story's
// source (a line that names anything but agencies is a sentence).
const FROM_AGENCY =
  /^(?:con información de|com informações da|com informações de|avec des informations de|with information from)\s+(.{2,60}?)\.?$/i;
// The people who made the story, labelled, on lines of their own at its end: Antara `Reporter: ...` / `Editor: ...`
// (`Pewarta:` in Indonesian), PAP `autor: ...`, `Text:`, `Redaktion:`; and a parenthesised byline, CNA's `(By A and B)`.
const CREDIT_LABELS =
  'Reporter|Reporters|Reporting|Editor|Editors|Edited by|Writer|Writers|Written by|Text by|Author|Authors|Autor|Autorka|Autoria|Pewarta|Penulis|Penyunting|Redaktur|Text|Texto|Redaktion|Redacción|Redazione|Translator|Translated by|Photo|Photos|Foto|Fotos';
// The labels with their first letter in either case.
const FOLDED_LABELS = CREDIT_LABELS.replace(/\b(\p{Lu})/gu, (c) => `[${c}${c.toLowerCase()}]`);
// The value must be names (`Siti Rahma`, `A. Lee and B. Kim`), so that `Text: The agreement is attached.` stays body.
const NAME = `\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,3}`;
const CREDIT_LINE = new RegExp(
  `^(?:${FOLDED_LABELS})\\s*:\\s*${NAME}(?:(?:,| and| und| et| y| e| i| dan| og| och| ja|/) ?${NAME}){0,4}$`,
  'u',
);
// A credit's label on a line of its own, the names on the next (Kazinform's `Author:` / `Jane Roe`).
const CREDIT_LABEL_ALONE = new RegExp(`^(?:${FOLDED_LABELS})\\s*:$`, 'u');

/** True for a credit's label alone on a line (`Author:`), its names on the line under it. */
export function isCreditLabel(line: string): boolean {
  return line.length <= 24 && line.endsWith(':') && CREDIT_LABEL_ALONE.test(line.trim());
}

// People's Daily Online's `(Web editor: A, B)` under the agency copy it prints.
const CREDIT_BYLINE = /^\((?:By|Von|Por|Par|Di|Av|Door|Reporting by|Web editor:|Editor:) \p{Lu}[^()]{2,120}\)$/u;
const CONTINUATION = /^(?:MORE|More|more)(?: to (?:follow|come))?\.?$|^\(MORE\)$|^[-–—]+ ?(?:MORE|More|more) ?[-–—]+$/;
// AP sets its trailer off with a line of underscores, `___` (`___=` with ANPA's end code); other rules close a story
// too: `---`, `***`, `===`.
const RULE = /^(?:_{3,}=?|-{3,}|\*{3,}|={3,})$/;
// The time a story was sent, printed under it: IPTC 7901's day, hour and minute with the month and year (`211005 jan
// 19`, `101137 GMT Dez 18`, Belga's `310100 JUL 97`), Kyodo's `KWS-21:37-09-12-18`.
const SENT_AT = /^(?:\d{6} (?:GMT |UTC )?\p{L}{3} \d{2}|[A-Z]{2,4}-\d{2}:\d{2}-\d{2}-\d{2}-\d{2})$/u;

// Who wrote the story in which language, a line each (AKP: `Article in Khmer by A` / `Article in English by B`).
const ARTICLE_BY = /^(?:Article|Story|Report)(?: in \p{Lu}\p{Ll}+)? by \p{Lu}[\p{L}\s.'’-]{2,120}$/u;
const CREDITS = [
  CREDIT_LINE,
  CREDIT_BYLINE,
  ARTICLE_BY,
  ...AGENCIES.flatMap((agency) => [...(agency.ownCredits ?? []), ...(agency.credits ?? [])]),
];
const OWN_CREDITS = AGENCIES.flatMap((agency) => (agency.ownCredits ?? []).map((line) => [line, agency.name] as const));

/** The agency whose house shape a credits line is in (Reuters `(Reporting by A; Editing by B)`), or null. */
export function creditsAgency(line: string): string | null {
  for (const [pattern, name] of OWN_CREDITS) if (pattern.test(line.trim())) return name;
  return null;
}
// Lines that name an agency as the story's source in a sentence: CP's `This report by The Canadian Press was first
// published Oct. 14, 2023.`
const SOURCE_LINES = AGENCIES.flatMap((agency) =>
  (agency.sourceLines ?? []).map((line) => [line, agency.name] as const),
);
const TRAILERS = AGENCIES.flatMap((agency) => agency.trailers ?? []);

// Every line near a story's end is asked whether it is end matter, so cheap tests of how end matter can begin come
// first: anchored regexes instead of a dozen. Together they must match a superset of the anchored patterns below;
// the credits that may sit anywhere in a paragraph (`... contributed to this report.`) are caught by CREDIT_WORDS.
const MAYBE_END_WORD = new RegExp(
  `^(?:[(（\\-—–=#©/._<^*]|انتهى|저작권자|ce (?:texte|reportage|article)|cette (?:dépêche|nouvelle)|reuter|agerpres|end|fin|nnnn|fim|sources?\\b|courtesy|haber:|foto/quelle|quelle|fuente|fonte|fonti|bron|kilde|källa|lähde|źródło|zdroj|izvor|vir |vir:|forrás|πηγή|article (?:in|by) |con información|com informaç|por |edição:|reporting|editing|writing|copyright|more|for more|keywords|follow|online|to contact|this (?:story|report|article)|the associated press |${CREDIT_LABELS})`,
  'i',
);
// Shapes that are case-sensitive: a word alone (`EFE`, `BERNAMA`, `ends`), lower-case initials (`dpa ab`, `hh/ph`,
// `abc-def/gh`), upper-case ones after a name (`PTI AB CD`), a desk code after it in either case (`AAP RTV ar`).
// Parts joined by slashes (`Lusa/Fim`, `Anna Svensson/TT`, BSS `BSS/AB/1234 hrs`), KUNA's `ak.mh`, PAP's `mkr/ par/`,
// Lusa's `JMR // ZO`; IRNA's numbers `1234**5678`.
const MAYBE_END_SHAPE =
  /^(?:\d{3,5}\*\*\d{3,5}$|\d{6} |[A-Z]{2,4}-\d\d:|[\p{L}][\p{L}–-]{1,24}\.?$|[a-z]{2,4}(?:[/-][a-z]|\/ | [a-z]{2,4}(?: |$)|\.[a-z]{2,4}$|\/\d{1,2}:\d\d$)|\p{Lu}{2,6}(?: (?:\p{Lu}{2,8}|[a-z]{2,4})){1,3}$|\p{Lu}{2,6} [a-z]{2,4}(?: |$))/u;
// The shapes with a slash, asked only of lines that have one: on a line of prose, the last one walked back through
// its first forty letters and spaces looking for it.
const MAYBE_END_SLASHED = /^(?:\p{Lu}{2,5}(?: \/\/ \p{Lu}{2,5})+$|\p{L}[\p{L} .'-]{0,40}\/[\p{L}\d/ .'-]*$)/u;
// Words that credits and copyright lines carry where they are not anchored: near the end of a sentence
// (`... contributed to this report.`, `All rights reserved.`), in a short line (`Jane Doe can be reached at ...`), and
// a reporter's address on a line of its own. Only those stretches are searched, without copying them (a global
// regex from lastIndex): every story's last paragraphs are asked.
const CREDIT_END =
  /contribut|helped with|eported from|ights reserved|echte vorbehalten|roits réservés|erechos reservados|iritti riservati|iproduzione riservata|ireitos reservados|echten voorbehouden|rawa zastrzeżone/gi;
const CREDIT_SHORT = /can be reached|on Twitter|(?:is|can be found) at https?:/;
const STRETCH = 120;

// An agency's name of several words on a line of its own (`La Presse Canadienne`, `Yonhap News Agency`): a lookup,
// where a shape of capitalised words would let every short line through.
const NAMES_OF_WORDS = new Set(AGENCIES.flatMap((agency) => agency.aliases.filter((alias) => alias.includes(' '))));
const NAME_OF_WORDS_MAX = Math.max(...[...NAMES_OF_WORDS].map((name) => name.length)) + 1;

function maybeEnd(line: string): boolean {
  if (MAYBE_END_WORD.test(line) || MAYBE_END_SHAPE.test(line)) return true;
  if (line.includes('/') && MAYBE_END_SLASHED.test(line)) return true;
  // The agencies' own trailers (NTB's `Embed (stor):`, Reuters' `For more news, click on ...`): few and
  // anchored.
  if (TRAILERS.some((pattern) => pattern.test(line))) return true;
  if (line.length <= NAME_OF_WORDS_MAX && NAMES_OF_WORDS.has(line.replace(/\.$/, '').toLowerCase())) return true;
  if (line.length <= 80 && line.includes('@')) return true;
  // An agency's name as the closing credit (`By The Canadian Press`); a person's name there stays what it was.
  if (line.length <= 48 && agencyCredited(line) !== undefined) return true;
  // Short shapes asked of short lines only: Keystone-SDA's initials before its name (`clsi, ats`), Belga's desk code
  // (`COR 656/GFR`); and Agência Brasil's reporter line (`A - Repórter da Agência Brasil - Brasília`).
  if (line.length <= 30 && (DESK_CODE.test(line) || (line.includes(', ') && INITIALS_BEFORE.test(line)))) return true;
  if (line.length <= 120 && line.includes('Repórter')) return true;
  // A Korean reporter's signature (`홍길동 기자`): its first letter is a Hangul syllable.
  const first = line.charCodeAt(0);
  if (first >= 0xac00 && first <= 0xd7a3 && line.length <= 80 && KOREAN_REPORTER.test(line)) return true;
  if (line.length <= 250 && CREDIT_SHORT.test(line)) return true;
  CREDIT_END.lastIndex = Math.max(0, line.length - STRETCH);
  return CREDIT_END.test(line);
}

/** Classifies one line or short paragraph as end matter (sign-off, source line, credits, ...), or null for body. */
export function classifyEndMatter(text: string): EndMatter | null {
  const line = text.trim();
  if (line.length === 0 || line.length > 400 || !maybeEnd(line)) return null;
  if (line.length <= 48) {
    // An agency's own credits that parse as a sign-off too (TT's `Anna Svensson/TT`) credit the people.
    if (line.includes('/') && OWN_CREDITS.some(([pattern]) => pattern.test(line))) return { kind: 'credits' };
    // The agency's name as the closing credit, `By The Canadian Press`, `Par La Presse Canadienne`: its sign-off.
    const creditor = agencyCredited(line);
    if (creditor !== undefined) return { kind: 'signoff', name: creditor.name, implies: null };
    const signoff = parseSignoff(line);
    if (signoff?.initialsOnly) return { kind: 'initials' };
    if (signoff) return { kind: 'signoff', name: signoff.name, implies: signoff.implies };
    if (CONTINUATION.test(line)) return { kind: 'continuation' };
    if (RULE.test(line) || SENT_AT.test(line)) return { kind: 'furniture' };
  }
  const source = SOURCE_LINE.exec(line);
  if (source?.[1]) return { kind: 'source', name: sourceName(source[1], line) };
  const titled = SOURCE_TITLED.exec(line)?.[1];
  const titledName = titled === undefined ? undefined : canonicalAgency(titled);
  if (titledName !== undefined) return { kind: 'source', name: titledName };
  const release = RELEASE_SOURCE.exec(line);
  if (release?.[1]) return { kind: 'source', name: canonicalAgency(release[1]) ?? release[1] };
  for (const [pattern, name] of SOURCE_LINES) if (pattern.test(line)) return { kind: 'source', name };
  const fromAgency = FROM_AGENCY.exec(line)?.[1];
  const fromName = fromAgency === undefined ? undefined : creditedAgency(fromAgency)?.name;
  if (fromName !== undefined) return { kind: 'source', name: fromName };
  // A picture's credit is the picture's (`Photo: MTI`, `Foto: Jane Roe`, `Photo: ABNA-SE screenshot`), which the
  // story lost; a credit's label over an agency's name alone names the story's source (HINA's `Text: Hina`).
  if (PICTURE_CREDIT.test(line)) return { kind: 'furniture' };
  if (CREDIT_LINE.test(line)) {
    const labelled = creditedAgency(line.slice(line.indexOf(':') + 1).trim())?.name;
    return labelled === undefined ? { kind: 'credits' } : { kind: 'source', name: labelled };
  }
  if (CREDITS.some((pattern) => pattern.test(line))) return { kind: 'credits' };
  const withAgency = WITH_AGENCY.exec(line)?.[1];
  if (withAgency !== undefined && withAgency.split(/\s*(?:,|\bet\b|\by\b|\be\b|\bund\b|\band\b)\s*/).every(isAgency))
    return { kind: 'credits' };
  if (COPYRIGHT.test(line)) return { kind: 'copyright' };
  const holder = C_HOLDER.exec(line)?.[1];
  if (holder !== undefined && agencyAtStart(holder) !== undefined) return { kind: 'copyright' };
  if (TRAILERS.some((pattern) => pattern.test(line))) return { kind: 'furniture' };
  return null;
}

const DESK_CODE = /^[A-Z]{3} \d{2,4}\/[A-Z]{2,4}$/;
const PICTURE_CREDIT = /^(?:Photos?|Fotos?|PHOTOS?|FOTOS?)\s*:\s*\S.{0,80}$/;
const BY_AGENCY = /^(?:By|BY|Par|Por|Von|Di) (\p{Lu}[\p{L} .&'-]{1,40}?)\.?$/u;

/** Whether a line opens with one of the words BY_AGENCY opens with, tested before the regex. */
function mayCreditAgency(line: string): boolean {
  const space = line.charCodeAt(2) === 32 ? 2 : line.charCodeAt(3) === 32 ? 3 : -1;
  return space !== -1 && CREDIT_WORDS.has(line.slice(0, space));
}
const CREDIT_WORDS = new Set(['By', 'BY', 'Par', 'Por', 'Von', 'Di']);

/** The agency a closing credit line names (`By The Canadian Press`), or undefined. */
function agencyCredited(line: string): Agency | undefined {
  const name = mayCreditAgency(line) ? BY_AGENCY.exec(line)?.[1] : undefined;
  return name === undefined ? undefined : agencyOf(name);
}

// A company name keeps the period of its abbreviation: `Source: Example Motors Co., Ltd.`.
const ABBREVIATION = /\b(?:Inc|Ltd|Co|Corp|Bhd|Pty|Pte|plc|LLC|S\.A|N\.V|AG|SE|SpA|GmbH)\.\)?$/;

/** The name a source line gives: canonical when it is an agency's, else as printed up to its closing period. */
function sourceName(name: string, line: string): string {
  const agency = canonicalAgency(name);
  if (agency !== undefined) return agency;
  return ABBREVIATION.test(line) && !name.endsWith('.') ? `${name}.` : name;
}

// Reuters' credits run into the last paragraph after its final sentence when a feed joins lines: `... on Monday.
// (Reporting by A; Editing by B)`.
// Reuters' whole credits, reporters and editors, also after a line that lost its link (`For the midday report, click
// (Reporting by A; Editing by B)`).
const GLUED_CREDIT =
  /(?:[.!?"”’]|[\p{L}\d,:)](?= \((?:Additional )?Reporting by [^()]+; Editing by ))[ \t]+(\((?:Additional |Further )?(?:Reporting|Writing|Editing|Compiled|Reported) by [^()]{2,400}\))$/u;

// Yonhap's reporter's address run into the last paragraph after its final sentence: `... said. jdoe@yna.co.kr`.
const GLUED_ADDRESS = /[.!?"”’)][ \t]+([\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/;
// The most characters an address's local part or domain takes.
const ADDRESS_MAX = 64;

// An agency's code and its people in brackets, glued to the last sentence: Agerpres' `... information.AGERPRES(RO -
// author: A, editor: B; EN - author: C, editor: D)`.
const GLUED_AGENCY_CREDIT = /[.!?"”’][ \t]*([A-Z]{3,12} ?\/? ?\([^()]{2,400}\))$/;

// CNA's editor and date code, its sign-off, run into the last paragraph after its final sentence: `...。（編輯：李小華）1131127`.
const GLUED_EDITOR = /[。！？」”][ \t]*([（(](?:責任)?編輯[:：][^（）()]{1,40}[）)]\s*\d{0,8})$/;
const EDITOR_WITHIN = 60;

/** Splits credits printed at the end of the last paragraph from the text before it. */
export function splitGluedCredit(paragraph: string): { readonly text: string; readonly signoff: string } | null {
  const near = Math.max(0, paragraph.length - EDITOR_WITHIN);
  if (paragraph.includes('編輯', near)) {
    const editor = gluedCredit(paragraph, GLUED_EDITOR, near, 'source');
    if (editor !== null) return editor;
  }
  if (paragraph.endsWith(')'))
    return gluedCredit(paragraph, GLUED_CREDIT, 0) ?? gluedCredit(paragraph, GLUED_AGENCY_CREDIT, 0, 'source');
  // An address is looked for only at the end (an `@` among its last characters), not along the whole paragraph.
  const at = paragraph.lastIndexOf('@', paragraph.length - 4);
  if (at === -1 || paragraph.length - at > ADDRESS_MAX) return null;
  return gluedCredit(paragraph, GLUED_ADDRESS, Math.max(0, at - ADDRESS_MAX));
}

/** The credit `pattern` finds at the paragraph's end, searched from `from`, and the text before it. */
function gluedCredit(
  paragraph: string,
  pattern: RegExp,
  from: number,
  kind: 'credits' | 'source' = 'credits',
): { readonly text: string; readonly signoff: string } | null {
  const match = pattern.exec(from === 0 ? paragraph : paragraph.slice(from));
  const credit = match?.[1];
  if (!match || credit === undefined || classifyEndMatter(credit)?.kind !== kind) return null;
  return { text: paragraph.slice(0, from + match.index + 1), signoff: credit };
}

// A sentence's end and the space before the next one, which opens with a capital, a bracket or a quote.
// AP's rule before its credits (`___`) opens a sentence too.
// Desk initials glued to a sentence's end end it too: dpa-AFX's `... komme./ajx/ck Hinweis: ...`.
const SENTENCE_BREAK = /[.!?](?:["”’')]*|(?:\/[a-z]{2,4}){1,4}\/?)[ \t]+(?=[\p{Lu}("“‘`'_])/gu;
// A rule that a story's end matter follows, as flattened copy runs it in: `... he said. ___ Jane Doe contributed ...`.
const RULE_BEFORE = /^_{3,}[ \t]+/;
// How far from a paragraph's end run-in sentences of end matter are looked for.
const GLUED_SENTENCES_MAX = 600;

/**
 * End matter of a sentence or two run into the end of a paragraph, as copy flattened into one paragraph prints it
 * (`... he said. Jane Doe contributed to this report.`, `... percent. This story was generated by ... . Access a
 * stock report at https://...`): the paragraph's last sentence, or its last two, when they are credits, a source line,
 * a copyright line or an agency's trailer (dpa-AFX's `Hinweis: Informationen zur Offenlegungspflicht ...`).
 */
export function splitGluedSentences(paragraph: string): { readonly text: string; readonly signoff: string } | null {
  let last = -1;
  let before = -1;
  SENTENCE_BREAK.lastIndex = Math.max(0, paragraph.length - GLUED_SENTENCES_MAX);
  for (let match = SENTENCE_BREAK.exec(paragraph); match; match = SENTENCE_BREAK.exec(paragraph)) {
    before = last;
    last = match.index + match[0].length;
  }
  if (last !== -1 && isRunInEnd(paragraph.slice(last))) return cutAt(paragraph, last);
  // Two sentences only when the first of them is end matter already: a sentence of the story never goes with them.
  if (before !== -1 && isRunInEnd(paragraph.slice(before, last)) && isRunInEnd(paragraph.slice(before)))
    return cutAt(paragraph, before);
  return null;
}

function isRunInEnd(text: string): boolean {
  const kind = classifyEndMatter(text.trim().replace(RULE_BEFORE, ''))?.kind;
  return kind === 'credits' || kind === 'source' || kind === 'copyright' || kind === 'furniture';
}

/** The paragraph cut where its end matter starts; a rule before the end matter stays at the text's end. */
function cutAt(paragraph: string, at: number): { readonly text: string; readonly signoff: string } {
  const rule = RULE_BEFORE.exec(paragraph.slice(at))?.[0].length ?? 0;
  return { text: paragraph.slice(0, at + rule).trimEnd(), signoff: paragraph.slice(at + rule) };
}

// A rule left at the end of a paragraph once the end matter after it was cut off.
const RULE_AT_END = /[ \t]+(_{3,})$/;

/** Splits a rule (`___`) printed at the end of a paragraph, end matter once cut from after it, from the text before it. */
export function splitGluedRule(paragraph: string): { readonly text: string; readonly signoff: string } | null {
  const match = RULE_AT_END.exec(paragraph.slice(-40));
  if (!match?.[1]) return null;
  return { text: paragraph.slice(0, paragraph.length - match[0].length), signoff: match[1] };
}

/** True for a line that signs a story off (`Reuter`, `(END)`, `Source: Xinhua`, desk initials): never wrapped text. */
export function signsOff(line: string): boolean {
  const kind = classifyEndMatter(line)?.kind;
  return kind === 'signoff' || kind === 'source' || kind === 'initials';
}

/** True for a line that must stand alone as a paragraph when hard-wrapped lines are joined. */
export function standsAlone(line: string): boolean {
  return classifyEndMatter(line) !== null || trailerKind(line) !== null;
}

function isAgency(part: string): boolean {
  return part !== '' && (creditedAgency(part) !== undefined || agencyAtStart(part) !== undefined);
}

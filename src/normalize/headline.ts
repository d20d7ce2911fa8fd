import { collapseSpaces } from './text.js';

/** A headline with its wire markers moved out: `(LEAD) N. Korea ...` → `N. Korea ...` + `['LEAD']`. */
export interface CleanHeadline {
  readonly headline: string;
  readonly markers: readonly string[];
}

// Yonhap and Xinhua put markers in parentheses first: `(LEAD)`, `(2nd LD)`, `(URGENT)`, `(News Focus)`.
const LEADING_PAREN = /^\(([^()]{1,60})\)\s*(?:[-–—:]+\s*)?/; // `(CORRECTED)-IVORY COAST ...` too
// Reuters glues them on with a hyphen: `UPDATE 1-`, `CORRECTED-`, `RPT-UPDATE 2-`, `EXCLUSIVE-`.
const REUTERS_PREFIX =
  /^((?:UPDATE|WRAPUP|CORRECTED-UPDATE) \d+|CORRECTED|REFILE|RPT|EXCLUSIVE|ANALYSIS|FACTBOX|INSIGHT|COLUMN|TIMELINE|BREAKINGVIEWS|PREVIEW|FOCUS|INTERVIEW|SPECIAL REPORT|GRAPHIC|RESEARCH ALERT|BUZZ|WRAPUP|URGENT|FLASH)-\s*/;
// A numbered version printed on a line of its own above the headline (`UPDATE 2` / `Acme raises ...`), joined.
const NUMBERED_ALONE = /^((?:UPDATE|WRAPUP) \d+) (?=\p{Lu})/u;
// Others use a colon or stand alone in capitals: `URGENT: ...`, `Roundup: ...`, `1st LD-Writethru: ...`, `FLASH ...`;
// in the agencies' other languages dpa's `Eil:` and `Zusammenfassung:`, `URGENTE:` (EFE, Lusa, ANSA), `ALERTE:` (AFP),
// `Última hora:`, `Korrektur:`.
const COLON_PREFIX =
  /^(URGENT|FLASH|BULLETIN|BREAKING(?: NEWS)?|UPDATED?|CORRECTED|CORRECTION|EXCLUSIVE|ROUNDUP|Roundup|Interview|Feature|Spotlight|News Analysis|APNewsBreak|AP Exclusive|WRITETHRU|\d+(?:st|nd|rd|th) LD(?:[- ]Writethru)?|Writethru|Eil|EIL|Eilmeldung|Zusammenfassung|Korrektur|Berichtigung|URGENTE|Urgente|ALERTE|Alerte|ÚLTIMA HORA|Última hora|CORRECCIÓN|Corrección|KORJATTU|Korjattu)\s*[:：]\s*/;
// ANSA's flag for its top stories, `>>>ANSA/Gazprom cuts ...`; a release that corrects another, `CORRECTION ET MISE À
// JOUR - ...`, `CORRECTION - ...` (GlobeNewswire, PR Newswire, in French and English), when the rest is in mixed case
// (Reuters' 1987 `CORRECTION - ASHTON-TATE ITEM` is its headline).
const FLAG_PREFIX =
  /^(>>>\s*ANSA)\s*\/\s*|^(CORRECTION(?: ET MISE À JOUR| AND UPDATE| - REPLACEMENT)?|MISE À JOUR|RECTIFICATIF)\s+[-–—]\s+(?=\S.*\p{Ll})/u;
// Only when the rest is in mixed case: `FLASH FLOODS HIT TEXAS` is a 1987 headline, not a flash.
const CAPS_PREFIX = /^(URGENT|FLASH|BULLETIN|BREAKING)\s+(?=.*\p{Ll})/u;
// Belga and ANP number a story's versions after its headline: `(2)`, `(3DER)`, `(1LEAD)`, `(CORRECT)`.
const TRAILING_PAREN =
  /\s*\((URGENT|\d*LEAD|\d+(?:st|nd|rd|th) LD(?:-Writethru)?|CORRECT|CORRECTED|CORRECTION|UPDATED?(?: \d+)?|REFILE|WRITETHRU|\d{1,2}|\d{1,2}DER)\)$/i;
// STT marks a machine translation after the headline: `... will*** TRANSLATED ***`.
const TRANSLATED = /\s*\*{3}\s*(TRANSLATED)\s*\*{3}$/;
// ANPA take keys printed after the headline: `... = `, `... -- 1st Ld-Writethru`.
const TRAILING_TAKE = /\s*(?:=|--\s*(\d+(?:st|nd|rd|th) Ld(?:-Writethru)?|Writethru|Correction))$/i;

/** A text without STT's machine-translation mark at its end (a description repeats the headline's). */
export function withoutTranslatedMark(text: string): string {
  return text.endsWith('*') ? text.replace(TRANSLATED, '') : text;
}

/** Moves the wire markers out of a headline and tidies its spacing. */
export function cleanHeadline(raw: string): CleanHeadline {
  let headline = collapseSpaces(raw).trim();
  const markers: string[] = [];
  for (let guard = 0; guard < 8; guard++) {
    const match =
      matchLeadingParen(headline) ??
      flagPrefix(headline) ??
      REUTERS_PREFIX.exec(headline) ??
      NUMBERED_ALONE.exec(headline) ??
      COLON_PREFIX.exec(headline) ??
      CAPS_PREFIX.exec(headline);
    if (!match?.[1] || match[0].length >= headline.length) break;
    markers.push(match[1].trim());
    headline = headline.slice(match[0].length);
  }
  for (let guard = 0; guard < 4 && /[)=*]$|Writethru$|Correction$/i.test(headline.slice(-12)); guard++) {
    const match = TRAILING_PAREN.exec(headline) ?? TRAILING_TAKE.exec(headline) ?? TRANSLATED.exec(headline);
    if (!match || match.index === 0) break;
    if (match[1]) markers.push(match[1]);
    headline = headline.slice(0, match.index);
  }
  return { headline: headline.trim(), markers };
}

// What a bracketed marker says: `(LEAD)`, `(2nd LD)`, `(URGENT)`, `(News Focus)`, `(Yonhap Interview)`. Anything else
// in brackets is part of the headline: 1987 Reuters opens with the company, `(CRIME CONTROL INC) 4TH QTR NET LOSS`.
// EFE's `(AMPLIACIÓN)` and `(ACTUALIZACIÓN)`, Lusa's `(ATUALIZADA)`, ANSA's `(AGGIORNAMENTO)` say the same in their languages.
const MARKER_WORDS =
  /\b(?:AMPLIACI[ÓO]N|ACTUALIZACI[ÓO]N|ATUALIZADA|ATUALIZAÇÃO|AGGIORNAMENTO|CORRECCI[ÓO]N|URGENTE|LD|LEAD|URGENT|UPDATED?|CORRECT(?:ED|ION)|Correct(?:ed|ion)|Updated?|FLASH|BULLETIN|WRAPUP|WRITETHRU|Writethru|REFILE|REPEAT|RECAST|AMENDED|EDITORS?|ADVISORY|BREAKING|News Focus|Focus|Feature|Interview|Analysis|Profile|Roundup|Commentary|Editorial|EDITORIAL|Spotlight|Factbox|Newsmaker|Preview|Obituary|Photos?|Graphics?)\b/;

/** `>>>ANSA/` or a release's `CORRECTION ET MISE À JOUR - `, with the marker as its first group. */
function flagPrefix(headline: string): RegExpExecArray | null {
  const first = headline.charCodeAt(0);
  if (first !== 62 /* > */ && first !== 67 /* C */ && first !== 77 /* M */ && first !== 82 /* R */) return null;
  const match = FLAG_PREFIX.exec(headline);
  if (match) match[1] = (match[1] ?? match[2] ?? '').replace(/^>>>\s*/, '');
  return match;
}

function matchLeadingParen(headline: string): RegExpExecArray | null {
  const match = LEADING_PAREN.exec(headline);
  if (!match?.[1] || match[1].split(' ').length > 8 || !MARKER_WORDS.test(match[1])) return null;
  return match;
}

/** Markers that make a story a new version of an earlier one rather than a duplicate. */
export function isUpdateMarker(marker: string): boolean {
  return /^(?:\d{1,2}(?:DER)?$|\d*LEAD|\d+(?:st|nd|rd|th) LD|UPDATE|CORRECT|CORRECTED|CORRECTION|WRITETHRU|REFILE|AMPLIACI[ÓO]N|ACTUALIZACI[ÓO]N|ATUALIZADA|ATUALIZAÇÃO|AGGIORNAMENTO|CORRECCI[ÓO]N|Korrektur|Berichtigung|KORJATTU)(?![\p{L}])|Writethru|^UPDATE \d+/iu.test(
    marker,
  );
}

/** True when a marker says the story corrects an earlier one. */
export function isCorrectionMarker(marker: string): boolean {
  return /^(?:CORRECT(?:ED|ION)?|CORRECCI[ÓO]N|Korrektur|Berichtigung|KORJATTU)(?![\p{L}])/iu.test(marker);
}

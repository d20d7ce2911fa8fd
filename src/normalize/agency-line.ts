/**
 * A line of its own between the headline and the first paragraph that ends in the agency's name: TT prints its
 * vignette, a place or a subject, then its name (`Finland TT`, `Fotboll TT`, in TT's markup `<div class="dat">`).
 */
import type { DatelineMatch } from './dateline.js';
import { agencyOf, type Agency } from './agencies.js';

// One to three capitalised words, then the agency's short name: `Finland TT`, `New York TT`, `Fotboll TT`.
const AGENCY_LINE = /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}) (\p{L}{2,6})$/u;
const AGENCY_LINE_MAX = 40;

// Subjects a vignette names instead of a place: sections and sports, in the Nordic agencies' languages and English.
const SUBJECTS = new Set(
  `sport sports fotboll fotball fodbold jalkapallo ishockey hockey jääkiekko handboll håndball håndbold bandy
  friidrott friidrett tennis golf skidor ski hiihto formel motorsport trav travsport ridsport cykel cykling
  inrikes utrikes ekonomi økonomi talous börs börsen aktier politik politikk val valg vaalit kultur kulttuuri nöje
  underholdning nöjen musik musikk film teater konst litteratur media medier krim brott rättsfall väder vær sää
  hälsa helse vetenskap forskning teknik teknologi miljö klimat klima motor trafik mat resor religion royalty kungligt
  kungahuset nyheter nyheder uutiset news business economy markets politics culture weather health science technology
  entertainment world europe`.split(/\s+/),
);

// A correspondent's line: the vignette and place, then the agency's correspondent (`EU Bryssel, TT:s korrespondent`).
const CORRESPONDENT_LINE =
  /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}), (\p{L}{2,6}):s (?:korrespondent|utsända?)$/u;

/** The place of a correspondent's line: its last words, less a vignette before them (`EU`, `Fotboll`). */
function correspondentPlace(words: string): string | null {
  const parts = words.split(' ');
  const first = parts[0] ?? '';
  const vignette = parts.length > 1 && (SUBJECTS.has(first.toLowerCase()) || /^\p{Lu}{2,3}$/u.test(first));
  const place = (vignette ? parts.slice(1) : parts).join(' ');
  return SUBJECTS.has(place.toLowerCase()) ? null : place;
}

/** The dateline of a vignette line over the first paragraph (`Finland TT`), or null for any other paragraph. */
export function parseAgencyLine(paragraph: string): DatelineMatch | null {
  if (paragraph.length > AGENCY_LINE_MAX + 20) return null;
  const correspondent = CORRESPONDENT_LINE.exec(paragraph);
  if (correspondent?.[1] !== undefined && correspondent[2] !== undefined && agencyOf(correspondent[2]) !== undefined) {
    const place = correspondentPlace(correspondent[1]);
    return {
      dateline: { text: paragraph, location: place, date: null, agency: correspondent[2] },
      rest: '',
      reporter: null,
    };
  }
  if (paragraph.length > AGENCY_LINE_MAX) return null;
  const match = AGENCY_LINE.exec(paragraph);
  const [, vignette, name] = match ?? [];
  if (vignette === undefined || name === undefined) return null;
  const agency = agencyOf(name);
  // The name as the agency prints it (`TT`, `NTB`, `dpa`), not a word that happens to be one of its aliases.
  if (agency === undefined || name.toLowerCase() === vignette.toLowerCase()) return null;
  const place = vignette.split(' ').some((word) => SUBJECTS.has(word.toLowerCase())) ? null : vignette;
  return { dateline: { text: paragraph, location: place, date: null, agency: name }, rest: '', reporter: null };
}

// The agency telling its own story in the lead, as CIS agencies' web copy does instead of a dateline: `..., Kazinform
// News Agency reports.`, `..., APA's local bureau reports.`, `..., BelTA learned from the press service`. Present
// tense or `learned`: a story quoting another agency says it `reported` or `said`.
const REPORTING =
  /(?:^|[,.;] )((?:\p{Lu}[\p{L}-]+ ){0,3}\p{Lu}[\p{L}-]+)(?:['’]s (?:\p{Ll}+ ){0,2}(?:bureau|correspondent|reporter|office)s?)? (?:reports|informs|learned|has learned|was told)\b/u;

const REPORTING_VERB = / (?:reports|informs|learned|was told)\b/;

/** The agency a story's first paragraph names as reporting it (`..., Kazinform News Agency reports.`), or undefined. */
export function agencyReporting(paragraph: string | undefined): Agency | undefined {
  // Most first paragraphs hold none of the verbs: a search for them rules those out before the names are tried at
  // every comma.
  if (paragraph === undefined || paragraph.length > 1200 || !REPORTING_VERB.test(paragraph)) return undefined;
  const name = REPORTING.exec(paragraph)?.[1];
  return name === undefined ? undefined : agencyOf(name);
}

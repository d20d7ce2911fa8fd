/**
 * Take keys and version words that wire services put on a line of their own above the headline (dpa's IPTC 7901:
 * `REFILE`, `EXTRA`, `1ST LEAD`, `(Achtung)`): they mark the take, they are not the headline. Words in the
 * languages of the services that use them, as data.
 */
const TAKE_WORDS = new Set([
  // English
  'refile',
  'repeat',
  'repeats',
  'extra',
  'urgent',
  'flash',
  'bulletin',
  'correction',
  'corrected',
  'corrects',
  'corrective',
  'lead',
  'newlead',
  'writethru',
  'write-thru',
  'update',
  'updates',
  'advisory',
  'kill',
  'withdrawal',
  'mandatory',
  'insert',
  'add',
  'adds',
  'new',
  'sub',
  'scheduled',
  'embargoed',
  // dpa's version for the web: `3RD NET`
  'net',
  // German (dpa, APA)
  'achtung',
  'eilt',
  'eilmeldung',
  'blitz',
  'korrektur',
  'berichtigung',
  'wiederholung',
  'zusammenfassung',
  'neufassung',
  'sperrfrist',
  // Spanish, French, Italian
  'urgente',
  'ampliación',
  'corrección',
  'urgence',
  'rectificatif',
  'correttiva',
]);
const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth)$/i;

/** True when a line is a take key and nothing else: `REFILE`, `1ST LEAD`, `(Achtung)`, `EILT`. */
export function isTakeLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > 40) return false;
  const bracketed = /^\(.*\)$/.test(text);
  if (!bracketed && text !== text.toUpperCase()) return false;
  const words = text
    .replace(/[()[\]]/g, ' ')
    .split(/[\s/]+/)
    .map((w) => w.replace(/[.:,;=]+$/, ''))
    .filter((w) => w !== '');
  return words.length > 0 && words.every((w) => TAKE_WORDS.has(w.toLowerCase()) || ORDINAL.test(w));
}

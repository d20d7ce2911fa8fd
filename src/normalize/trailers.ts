/**
 * Aggregator and web furniture that can sit anywhere in a story (FORMATS.md, "aggregator trailers"): a heading that
 * opens a list of links (`You may also like...`, `Lesen Sie auch:`, `À lire aussi`, `Lee también:`, `Leggi anche:`) and one-line
 * boilerplate (`Read more: ...`, `Share this:`).
 */

// A cheap anchored test of how such furniture can begin, so that most paragraphs are ruled out at once.
const MAYBE_TRAILER =
  /^(?:you |related|recommended|most |trending|see also|also |other news|latest|top stories|read|share|follow|click|subscribe|sign up|menafn|advertisement|tags|topics|leave a|comments|print|email|this press release features|more |lesen|mehr |das könnte|weitere|meistgelesen|à lire|a lire|lire|sur le|les plus|voir|lee |lea |te puede|noticias|lo más|más |leia|veja|mais|notícias|leggi|potrebbe|articoli|i più|czytaj|zobacz|najczęściej|lees|meer )/i;

// Aggregator trailers that open a list of links: everything after them that is short goes too.
// Headings are capitalized (or in capitals) and short, so body lines that merely begin "recommended" or "trending"
// stay: matching is case-sensitive, both cases are spelled out, and a heading must not end like a sentence.
const LIST_TRAILER = new RegExp(
  `^(?:${[
    'You (?:may|might) (?:also )?(?:like|be interested in|have missed)',
    'Related(?: (?:articles|stories|news|coverage|content|posts|links|reading|topics))?',
    'More (?:stories|news|from|on this|to read)',
    'Recommended(?: (?:stories|for you|reading|articles))?',
    'Most (?:read|popular|viewed|shared)',
    'Trending(?: now| stories)?',
    'See also',
    'Also on [A-Z]',
    'Other news',
    'Latest news',
    'Top stories',
    'Read next',
    // The same headings in the agencies' other languages.
    'Lesen Sie (?:auch|mehr)',
    'Mehr zum Thema',
    'Das könnte Sie auch interessieren',
    'Weitere (?:Artikel|Nachrichten|Meldungen)',
    'Meistgelesen',
    '[ÀA] lire (?:aussi|également)',
    'Lire (?:aussi|également)',
    'Sur le même sujet',
    'Les plus lus',
    'Voir aussi',
    'Lee (?:también|más)',
    'Lea (?:también|más)',
    'Te puede interesar',
    'Noticias relacionadas',
    'Lo más (?:leído|visto)',
    'Más noticias',
    'Leia (?:também|mais)',
    'Veja (?:também|mais)',
    'Mais lidas',
    'Notícias relacionadas',
    'Leggi anche',
    'Potrebbe interessarti',
    'Articoli correlati',
    'I più letti',
    'Czytaj (?:także|też|więcej)',
    'Zobacz (?:także|też)',
    'Najczęściej czytane',
    'Lees ook',
    'Meer nieuws',
    // A link-heading on a line of its own, with nothing after it: `Read more:`.
    '(?:Read more|Also read|Read also)(?=\\s*(?::|\\.\\.\\.|…)?\\s*$)',
  ]
    .map(
      // As printed, in capitals (`MOST READ`), and in title case (`Most Read`, `Lesen Sie Auch`).
      (phrase) =>
        `${phrase}|${phrase
          .toUpperCase()
          .replace(/\\S/g, '\\s')
          .replace(
            /\[A-Z\]/g,
            '[A-Z]',
          )}|${phrase.replace(/(^|[ |:(])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())}`,
    )
    .join('|')})(?![a-z])`,
);
// A picture's caption left among a release's paragraphs, its credit closing it: `Hatchimals toy (Photo: Business
// Wire)`, `(Graphic: Business Wire)`, `(Photo credit: Acme Inc.)`.
const CAPTION = /\((?:Photo|Graphic|Image|Video)(?: credit)?: [^()]{2,60}\)$/;
// One-line boilerplate that can sit anywhere: `Read more: ...`, `Share this:`, `Advertisement`; Business Wire's
// `This press release features multimedia. View the full release here: ...`; MENAFN's story number under the copy it
// carries, `MENAFN10022024000071011013ID1107836388`.
const LINE_TRAILER =
  /^(?:Read more|READ MORE|Also read|ALSO READ|Read also|Share this|Share on|Share this (?:article|story)|Follow us on|Click here (?:to|for)|Subscribe (?:to|now|for)|Sign up (?:for|to)|Advertisement|ADVERTISEMENT|Tags\s*:|Topics\s*:|Leave a comment|Comments \(\d+\)|Print this|Email this|This press release features multimedia)\b|^MENAFN\d{8,}ID\d{6,}$/;

// PR Newswire's links to a release's pictures, which it prints after the lead or at the end, one a line or run
// together: `Photo - https://mma.prnewswire.com/media/...`, `Logo - https://...`.
const MEDIA_LINKS = /^(?:(?:Logo|Photo|Video|Multimedia)\s*[-–:]\s*https?:\/\/\S+\s*){1,12}$/;
const MEDIA_LINKS_MAX = 1500;

/** `list` for a trailer that opens a list of links, `line` for one-line boilerplate, null for body. */
export function trailerKind(text: string): 'list' | 'line' | null {
  const line = text.trim();
  if (line.length <= MEDIA_LINKS_MAX && /^(?:Logo|Photo|Video|Multimedia)\b/.test(line) && MEDIA_LINKS.test(line))
    return 'line';
  if (line.length <= 200 && line.endsWith(')') && CAPTION.test(line)) return 'line';
  if (line.length > 300 || !MAYBE_TRAILER.test(line)) return null;
  if (line.length <= 60 && LIST_TRAILER.test(line) && !/[^.]\.$|[!?]$/.test(line)) return 'list';
  if (line.length <= 200 && LINE_TRAILER.test(line)) return 'line';
  return null;
}

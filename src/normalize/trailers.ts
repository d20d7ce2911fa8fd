/**
 * Aggregator and web furniture that can sit anywhere in a story (FORMATS.md, "aggregator trailers"): a heading that
 * opens a list of links (`You may also like...`) and one-line boilerplate (`Read more: ...`, `Share this:`).
 */

// A cheap anchored test of how such furniture can begin, so that most paragraphs are ruled out at once.
const MAYBE_TRAILER =
  /^(?:you |related|recommended|most |trending|see also|also |other news|latest|top stories|read|share|follow|click|subscribe|sign up|advertisement|tags|topics|leave a|comments|print|email|more )/i;

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
  ]
    .map(
      (phrase) =>
        `${phrase}|${phrase
          .toUpperCase()
          .replace(/\\S/g, '\\s')
          .replace(/\[A-Z\]/g, '[A-Z]')}`,
    )
    .join('|')})(?![a-z])`,
);
// One-line boilerplate that can sit anywhere: `Read more: ...`, `Share this:`, `Advertisement`.
const LINE_TRAILER =
  /^(?:Read more|READ MORE|Also read|ALSO READ|Read also|Share this|Share on|Share this (?:article|story)|Follow us on|Click here (?:to|for)|Subscribe (?:to|now|for)|Sign up (?:for|to)|Advertisement|ADVERTISEMENT|Tags\s*:|Topics\s*:|Leave a comment|Comments \(\d+\)|Print this|Email this)\b/;

/** `list` for a trailer that opens a list of links, `line` for one-line boilerplate, null for body. */
export function trailerKind(text: string): 'list' | 'line' | null {
  const line = text.trim();
  if (line.length > 300 || !MAYBE_TRAILER.test(line)) return null;
  if (line.length <= 60 && LIST_TRAILER.test(line) && !/[^.]\.$|[!?]$/.test(line)) return 'list';
  if (line.length <= 200 && LINE_TRAILER.test(line)) return 'line';
  return null;
}

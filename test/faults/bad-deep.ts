import { MB, file } from './corpus.js';
import type { BadInput } from './among-good.js';

/** Inputs that are large or deep, but good: wire must read them whole, without a stack overflow or a hang. */

// A story just under the default --max-story-bytes (16 MB), in 80-column lines: big, but a story all the same.
const LONG = 15 * MB;
const LINE = 'the minister said that talks would resume next week after officials met in the capital';
function longText(open: string, line: (i: number) => string, close: string): string {
  const parts = [open];
  let length = open.length + close.length;
  for (let i = 0; length < LONG; i++) {
    const next = line(i);
    parts.push(next);
    length += next.length;
  }
  parts.push(close);
  return parts.join('');
}

const LONG_STORIES: readonly BadInput[] = [
  ['plain', 'long.txt', longText('Story 930: a story of 15 MB\n\nLONDON - ', (i) => `${LINE} ${i}.\n`, '\n')],
  [
    'ANPA',
    'long.anpa',
    longText(
      '\u0016\u0016\u0001f0931\u001freute\nu f BC-LONG   03-02 0321\n\u0002\nSTORY 931 LONG\n',
      (i) => `    ${LINE} ${i}.\n`,
      ' Reuter\n\u0003\n',
    ),
  ],
  [
    'NITF',
    'long.xml',
    longText(
      '<?xml version="1.0"?><nitf><body><body.head><hedline><hl1>Story 932: long</hl1></hedline></body.head><body.content>',
      (i) => `<p>${LINE} ${i}.</p>\n`,
      '</body.content></body></nitf>\n',
    ),
  ],
  [
    'HTML page',
    'long.html',
    longText(
      '<!doctype html><html><head><title>Story 933: long</title></head><body><article><h1>Story 933: long</h1>',
      (i) => `<p>${LINE}, ${i}.</p>\n`,
      '</article></body></html>\n',
    ),
  ],
].map(([format, name, text], i) => ({
  name: `15 MB ${format} story (under --max-story-bytes)`,
  make: ({ dir }) => file(dir, name ?? '', text ?? '', 'latin1'),
  exit: 0,
  message: null,
  yields: [930 + i],
  // One story is held whole while it is parsed, in several forms: about twenty times its size, bounded by the cap.
  maxMb: 512,
  hangSeconds: 120,
}));

const DEEP = 10_000;
const PROSE = 'A paragraph of the story, long enough to be prose, which the agency said its site wrapped in boxes.';

const NESTED: ReadonlyArray<readonly [string, string, (n: number) => string]> = [
  [
    'HTML page',
    'deep.html',
    (n) =>
      `<!doctype html><html><head><title>Story ${n}: nested deep</title></head><body>${'<div>'.repeat(DEEP)}` +
      `<article><h1>Story ${n}: nested deep</h1>${`<p>${PROSE}</p>`.repeat(4)}</article>${'</div>'.repeat(DEEP)}</body></html>`,
  ],
  [
    'NITF document',
    'deep.xml',
    (n) =>
      `<?xml version="1.0"?><nitf><body><body.head><hedline><hl1>Story ${n}: nested deep</hl1></hedline></body.head>` +
      `<body.content>${'<block>'.repeat(DEEP)}<p>${PROSE}</p>${'</block>'.repeat(DEEP)}</body.content></body></nitf>`,
  ],
  [
    'RSS feed',
    'deep.rss',
    (n) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item><title>Story ${n}: nested deep</title>` +
      `<description>${'&lt;div&gt;'.repeat(DEEP)}&lt;p&gt;${PROSE}&lt;/p&gt;</description>` +
      `${'<x:wrap xmlns:x="urn:x">'.repeat(DEEP)}${'</x:wrap>'.repeat(DEEP)}</item></channel></rss>`,
  ],
  [
    'JSON Feed',
    'deep.json',
    (n) =>
      `{"version":"https://jsonfeed.org/version/1.1","title":"Deep","_x":${'['.repeat(DEEP)}${']'.repeat(DEEP)},` +
      `"items":[{"id":"1","title":"Story ${n}: nested deep","content_html":"${'<div>'.repeat(DEEP)}<p>${PROSE}</p>"}]}`,
  ],
  [
    'JSON-LD in a page',
    'deep-ld.html',
    (n) =>
      `<!doctype html><html><head><title>Story ${n}: nested deep</title><script type="application/ld+json">` +
      `{"@type":"NewsArticle","headline":"Story ${n}: nested deep","x":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}</script>` +
      `</head><body><article><h1>Story ${n}: nested deep</h1>${`<p>${PROSE}</p>`.repeat(4)}</article></body></html>`,
  ],
];

const DEEP_INPUTS: readonly BadInput[] = NESTED.map(([what, name, text], i) => ({
  name: `${DEEP.toLocaleString('en')}-deep nesting: ${what}`,
  make: ({ dir }) => file(dir, name, text(940 + i)),
  exit: 0,
  message: null,
  yields: [940 + i],
}));

/** The large and deep rows. */
export const BIG_OR_DEEP: readonly BadInput[] = [...LONG_STORIES, ...DEEP_INPUTS];

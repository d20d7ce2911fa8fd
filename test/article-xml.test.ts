import { describe, expect, it } from 'vitest';
import { articleXml } from '../src/formats/article-xml.js';
import { sniff } from '../src/formats/detect.js';

const parse = (xml: string): ReturnType<typeof articleXml.parse> => articleXml.parse(xml, 1);
const BODY = 'The council voted on Tuesday to close the old bridge to cars for the whole of next summer.';

describe('the article-xml reader', () => {
  it('reads escaped HTML, HTML in CDATA, XHTML elements and plain text as paragraphs', () => {
    const bodies = [
      `<Body>&lt;p&gt;One &amp;amp; two&lt;/p&gt;&lt;p&gt;Three&lt;/p&gt;</Body>`,
      `<Body><![CDATA[<p>One &amp; two</p><P>Three</P>]]></Body>`,
      `<Body><p>One &amp; two</p><p>Three</p></Body>`,
      `<Body>One &amp; two\n\n        Three</Body>`,
    ];
    for (const body of bodies) {
      expect(parse(`<Item><Title>T</Title>${body}</Item>`).stories[0]?.paragraphs).toEqual(['One & two', 'Three']);
    }
  });

  it('joins the lines of a plain body indented to the document, and keeps blank lines between paragraphs', () => {
    const story = parse(`<Item><Title>T</Title><Text>First line\n      goes on here.\n\n      Second.</Text></Item>`);
    expect(story.stories[0]?.paragraphs).toEqual(['First line goes on here.', 'Second.']);
  });

  it('matches names whatever their case and underscores: HeadLine, body_html, Content_Text', () => {
    const story = parse(`<x><HeadLine>H</HeadLine><Content_Text>${BODY}</Content_Text><by_line>Jo</by_line></x>`);
    expect(story.stories[0]).toMatchObject({ headline: 'H', paragraphs: [BODY], byline: 'Jo' });
  });

  it('makes a story of each item of an export, and of a sibling item with a headline alone', () => {
    const xml =
      `<Export><Items><Item><Headline>A</Headline><Body>${BODY}</Body></Item>` +
      `<Item><Headline>B</Headline></Item><Item><Headline>C</Headline><Body>${BODY}</Body></Item></Items></Export>`;
    expect(parse(xml).stories.map((s) => [s.headline, s.paragraphs.length])).toEqual([
      ['A', 1],
      ['B', 0],
      ['C', 1],
    ]);
  });

  it('drops a first paragraph that repeats the headline', () => {
    const story = parse(
      `<a><title>Bridge closes</title><body><![CDATA[<h1>Bridge closes</h1><p>${BODY}</p>]]></body></a>`,
    );
    expect(story.stories[0]?.paragraphs).toEqual([BODY]);
  });

  it('prefers a publication or creation time with a zone, then an update time with one, then one without', () => {
    const at = (fields: string): string | null | undefined =>
      parse(`<a><title>T</title><body>B</body>${fields}</a>`).stories[0]?.published;
    expect(at('<Created>2021-03-10T02:40:12</Created><Published>2021-03-10T02:41:00Z</Published>')).toBe(
      '2021-03-10T02:41:00Z',
    );
    expect(at('<Published>false</Published><CreatedDateTime>2021-03-10T02:40:12</CreatedDateTime>')).toBe(
      '2021-03-10T02:40:12',
    );
    expect(
      at(
        '<CreatedDateTime>2021-03-10T02:40</CreatedDateTime><UpdatedDateTime>2021-03-09T21:40:00-05:00</UpdatedDateTime>',
      ),
    ).toBe('2021-03-09T21:40:00-05:00');
  });

  it('takes the agency from a credit or source the agency table knows, and keeps another credit as credits', () => {
    const agency = parse(`<a><title>T</title><body>B</body><Credit>THE ASSOCIATED PRESS</Credit></a>`).stories[0];
    expect(agency).toMatchObject({ agency: 'THE ASSOCIATED PRESS', credits: null });
    const people = parse(`<a><title>T</title><body>B</body><Credit>Jo Lee</Credit><Source>Reuters</Source></a>`);
    expect(people.stories[0]).toMatchObject({ agency: 'Reuters', credits: 'Jo Lee' });
  });

  it('reads a language code, and not a number: CP numbers its languages', () => {
    const lang = (field: string): string | null | undefined =>
      parse(`<a><title>T</title><body>B</body>${field}</a>`).stories[0]?.language;
    expect(lang('<Language>fr-CA</Language>')).toBe('fr-CA');
    expect(lang('<Language>1</Language>')).toBeNull();
    expect(lang('')).toBeNull();
  });

  it('fills the slugline, description, url and id', () => {
    const story = parse(
      `<a id="x-1"><title>T</title><body>${BODY}</body><SlugProper>Bridge-Close</SlugProper>` +
        `<Summary>The bridge closes.</Summary><link href="https://news.example.org/b"/></a>`,
    ).stories[0];
    expect(story).toMatchObject({
      slugline: 'Bridge-Close',
      description: 'The bridge closes.',
      url: 'https://news.example.org/b',
      altids: { id: 'x-1' },
    });
  });

  it('says so, with a typed diagnostic, when forced on XML without an article', () => {
    const none = parse('<configuration><appSettings><add key="a" value="b"/></appSettings></configuration>');
    expect(none.stories).toEqual([]);
    expect(none.diagnostics).toMatchObject([{ severity: 'error', code: 'not-article-xml' }]);
    expect(none.diagnostics[0]?.message).toContain('<Headline>');
  });
});

describe('sniffing an export of articles', () => {
  const sniffed = (text: string): ReturnType<typeof sniff> => sniff(Buffer.from(text, 'utf8'));

  it('takes XML of an unknown root for article-xml when an element holds a headline and a body of real text', () => {
    const cms =
      '<?xml version="1.0" encoding="utf-8"?>\n<Publish>\n  <PublishID>1</PublishID>\n  <ContentItem>\n' +
      '    <Headline>Harbour city approves ferry terminal</Headline>\n' +
      `    <ContentText>&lt;p&gt;${BODY}&lt;/p&gt;</ContentText>\n  </ContentItem>\n</Publish>\n`;
    expect(sniffed(cms)).toEqual({ format: 'article-xml' });
    expect(sniffed(`<?xml version="1.0"?><doc><title>Bridge</title><body><p>${BODY}</p></body></doc>`)).toEqual({
      format: 'article-xml',
    });
  });

  it.each([
    [
      'a config file',
      '<?xml version="1.0"?><configuration><window><title>Main</title><text>Ready</text></window></configuration>',
    ],
    [
      'a sitemap',
      '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/a</loc>' +
        '<news:news><news:title>Council approves the new budget for next year</news:title></news:news></url></urlset>',
    ],
    [
      'a SOAP envelope',
      '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/>' +
        '<soap:Body><GetStoryResponse><Title>Council approves the new budget for next year</Title></GetStoryResponse>' +
        '</soap:Body></soap:Envelope>',
    ],
    [
      'an SVG image',
      `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><title>Chart of the city budget</title><text>${BODY}</text></svg>`,
    ],
    [
      'an OPML outline',
      '<?xml version="1.0"?><opml version="2.0"><head><title>My feeds for the news of the day</title></head>' +
        '<body><outline text="A"/></body></opml>',
    ],
    [
      'an XML Schema',
      '<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="Title"/>' +
        '<xs:element name="Body"/></xs:schema>',
    ],
    [
      'a plist',
      '<?xml version="1.0"?><plist version="1.0"><dict><key>Title</key><string>Main window</string><key>Body</key>' +
        '<string>Text</string></dict></plist>',
    ],
    [
      'a Maven pom',
      '<?xml version="1.0"?><project xmlns="http://maven.apache.org/POM/4.0.0"><name>Story tools</name>' +
        `<description>${BODY}</description></project>`,
    ],
    [
      'a headline and a body far apart',
      `<?xml version="1.0"?><doc><a><title>Bridge closes for the summer</title></a><b><body>${BODY}</body></b></doc>`,
    ],
  ])('still refuses %s as an unknown XML root', (_what, text) => {
    expect(sniffed(text)).toMatchObject({ unknown: expect.stringMatching(/^unknown XML root </) as unknown });
  });
});

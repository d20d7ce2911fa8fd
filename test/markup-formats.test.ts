import { describe, expect, it } from 'vitest';
import { newsml } from '../src/formats/newsml.js';
import { nitf } from '../src/formats/nitf.js';
import { rcv1 } from '../src/formats/rcv1.js';
import { sgml } from '../src/formats/sgml.js';
import { decodeXmlUnit, parseXml, rawText } from '../src/formats/xml.js';

describe('XML reading', () => {
  it('repairs and reports unclosed and stray tags instead of throwing', () => {
    const doc = parseXml('<nitf><body><p>One</body></x></nitf>');
    expect(doc.roots[0]?.name).toBe('nitf');
    expect(doc.problems).toEqual(['<p> is not closed', '1 closing tag(s) without an opening tag']);
  });

  it('decodes HTML entities that NITF DTDs declare, but leaves CDATA as written', () => {
    const doc = parseXml('<p>caf&eacute;&nbsp;&amp; <![CDATA[&amp;]]></p>');
    expect(doc.roots[0] && rawText(doc.roots[0])).toBe('café\u00a0& &amp;');
  });

  it('flattens absurdly deep nesting instead of overflowing the stack', () => {
    const deep = `<nitf><body><body.content><p>${'<b>'.repeat(50_000)}deep text${'</b>'.repeat(50_000)}</p></body.content></body></nitf>`;
    const result = nitf.parse(deep, 1);
    expect(result.stories[0]?.paragraphs).toEqual(['deep text']);
    expect(result.diagnostics.map((d) => d.message).join()).toContain('flattened');
  });

  it('drops namespace prefixes from element names', () => {
    expect(parseXml('<nar:newsItem xmlns:nar="x"><nar:itemMeta/></nar:newsItem>').roots[0]?.name).toBe('newsItem');
  });

  it('decodes by the declared encoding, except bytes declared latin-1 that are valid UTF-8 (a mislabelled feed)', () => {
    // AFP NewsML declaring iso-8859-1 over UTF-8 text (`DÃ©cÃ¨s`): latin-1 text almost never forms UTF-8 sequences.
    const mislabelled = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>\u00c3\u00a9</a>', 'latin1');
    expect(decodeXmlUnit(mislabelled).text).toContain('<a>é</a>');
    expect(decodeXmlUnit(mislabelled).charset).toBe('utf-8');
    // Real latin-1 (a lone é byte) is not valid UTF-8 and stays latin-1.
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\u00e9</a>', 'latin1');
    expect(decodeXmlUnit(latin1).text).toContain('<a>café</a>');
    expect(decodeXmlUnit(latin1).charset).toBe('windows-1252');
    expect(decodeXmlUnit(Buffer.from('<?xml version="1.0"?><a>\u00c3\u00a9</a>', 'latin1')).text).toContain('<a>é</a>');
  });
});

describe('NITF', () => {
  it('gives one record per <nitf> and warns about broken markup', () => {
    const text =
      '<nitf><body><body.head><hedline><hl1>One</hl1></hedline></body.head></body></nitf><nitf><body><body.content><p>Two';
    const result = nitf.parse(text, 1);
    expect(result.stories.map((s) => s.headline ?? s.paragraphs[0])).toEqual(['One', 'Two']);
    expect(result.diagnostics.map((d) => d.code)).toContain('xml-malformed');
  });

  it('falls back to head/title for the headline and reports a document that is not NITF', () => {
    expect(nitf.parse('<nitf><head><title>Only a title</title></head></nitf>', 1).stories[0]?.headline).toBe(
      'Only a title',
    );
    expect(nitf.parse('<html><p>x</p></html>', 1)).toMatchObject({
      stories: [],
      diagnostics: [{ code: 'missing-root' }],
    });
  });

  it('takes a tagline that names an agency as the source, not as body text', () => {
    const story = nitf.parse(
      '<nitf><body><body.content><p>Text.</p></body.content><body.end><tagline>-- AFP</tagline></body.end></body></nitf>',
      1,
    ).stories[0];
    expect(story).toMatchObject({ source: '-- AFP', paragraphs: ['Text.'] });
  });
});

describe('NewsML-G2', () => {
  it('skips items without text, and reads the main headline rather than a subheadline', () => {
    const text =
      '<newsMessage><itemSet><newsItem><contentMeta><headline role="hlrole:sub">Sub</headline><headline>Main</headline>' +
      '</contentMeta></newsItem><newsItem><contentMeta/></newsItem></itemSet></newsMessage>';
    const result = newsml.parse(text, 1);
    expect(result.stories.map((s) => s.headline)).toEqual(['Main']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'info', code: 'not-a-story' })]);
  });

  it('reads a plain-text inlineData body as wire copy', () => {
    const text =
      '<newsItem><contentSet><inlineData contenttype="text/plain">First para\ncontinues.\n\nSecond.</inlineData></contentSet></newsItem>';
    expect(newsml.parse(text, 1).stories[0]?.paragraphs).toEqual(['First para continues.', 'Second.']);
  });
});

describe('RCV1', () => {
  it('keeps the place of a dated dateline and moves the newsroom contact line out of the body', () => {
    const text =
      '<newsitem itemid="9" date="1996-08-20"><headline>H</headline><dateline>MEXICO CITY 1996-08-20</dateline>' +
      '<text><p>Body.</p><p>-- Mexico City Newsroom +525 728 9555</p></text></newsitem>';
    expect(rcv1.parse(text, 1).stories[0]).toMatchObject({
      dateline: 'MEXICO CITY',
      paragraphs: ['Body.'],
      credits: '-- Mexico City Newsroom +525 728 9555',
      published: '1996-08-20',
      altids: { itemid: '9' },
    });
  });
});

describe('Reuters-21578 SGML', () => {
  const doc = (inner: string): string =>
    `<REUTERS NEWID="5" OLDID="6">\n<DATE> 3-MAR-1987 09:18:21.26</DATE>${inner}</REUTERS>`;

  it('cuts a file after each </REUTERS>, and waits for the end tag to arrive whole', () => {
    const text = `${doc('<TEXT><TITLE>A</TITLE></TEXT>')}\n${doc('<TEXT><TITLE>B</TITLE></TEXT>')}`;
    const bytes = Buffer.from(text, 'latin1');
    const first = sgml.boundary(bytes, 0, text.length);
    expect(text.slice(0, first?.unitEnd)).toMatch(/<\/REUTERS>$/);
    expect(sgml.boundary(bytes.subarray(0, first?.unitEnd ?? 0), 0, (first?.unitEnd ?? 0) - 3)).toBeNull();
  });

  it('reads a story that was cut off before </REUTERS>, with a warning', () => {
    const result = sgml.parse('<REUTERS NEWID="9"><TEXT><TITLE>CUT OFF</TITLE><BODY>First line\nsecond', 1);
    expect(result.stories[0]).toMatchObject({ headline: 'CUT OFF', paragraphs: ['First line second'] });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['sgml-truncated']);
  });

  it('reads DATE as published and the ANPA header split over two UNKNOWN blocks as one envelope', () => {
    const story = sgml.parse(
      doc(
        '<UNKNOWN>&#22;&#22;&#1;f0004&#31;reute</UNKNOWN>\n<UNKNOWN> \nb f BC-JARDINE-MATHESON   03-27 0092</UNKNOWN><TEXT TYPE="BRIEF"><TITLE>T</TITLE>Blah blah blah.</TEXT>',
      ),
      1,
    ).stories[0];
    expect(story).toMatchObject({
      published: '1987-03-03T09:18:21.26',
      referenceDate: '1987-03-03',
      paragraphs: [],
      envelope: { story_number: '0004', selector: 'reute', priority: 'b', slug: 'BC-JARDINE-MATHESON', words: 92 },
      altids: { newid: '5', oldid: '6' },
    });
  });

  it('decodes latin-1 bytes without the UTF-8 fallback warning', () => {
    expect(sgml.decode?.(Buffer.from('D\u00fcsseldorf \u0093quoted\u0094', 'latin1'))).toEqual({
      text: 'Düsseldorf “quoted”',
      charset: 'windows-1252',
      fallback: false,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { sniff } from '../src/formats/detect.js';
import { FORMATS, PARSER_NAMES } from '../src/formats/index.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const formatOf = (text: string): string | undefined => {
  const found = sniff(bytes(text));
  return 'format' in found ? found.format : undefined;
};

describe('sniffing the format from the content', () => {
  it('takes SYN SYN SOH … STX for an ANPA-1312 stream', () => {
    expect(formatOf('\u0016\u0016\u0001f0119\u001freute\nu f BC-SLUG  02-26 0097\n\u0002\nHEADLINE\n')).toBe('anpa');
  });

  it('takes an ENQ routing line before the frame for ANPA-1312', () => {
    expect(formatOf('\u0005\u0005\u0005G T\n\u0016\u0016\u0001f0288\u001freute\nd f BC-X 03-03 0095\n\u0002')).toBe(
      'anpa',
    );
  });

  it('takes a SOH header with a priority digit and word count for IPTC 7901', () => {
    expect(formatOf('\u0001AAP0311 3 s 0118 AAP\r\nCRICKET-SHIELD/\r\n\u0002Victoria bowled out\r\n')).toBe('iptc7901');
  });

  it('finds the first frame after a line of modem noise', () => {
    expect(formatOf('CONNECT 9600\r\n\u0016\u0016\u0001f0101\u001freute\r\nu f BC-PORT 06-09 0051\r\n\u0002')).toBe(
      'anpa',
    );
  });

  it('keeps a plain story with a stray ETX (a story separator) as plain text', () => {
    expect(formatOf('FIRST STORY\n\n    NEW YORK, March 3 - Text.\n Reuter\n\u0003\nSECOND STORY\n')).toBe('plain');
  });

  it('keeps stories wrapped in STX…ETX without a SOH header as plain text', () => {
    expect(formatOf('\u0002Ministers meet\n\nBERLIN (dpa) - Text.\n\u0003\n\u0002Second\n\u0003\n')).toBe('plain');
  });

  it('takes a frame that lost its control characters by its header lines, and no headline for one', () => {
    expect(formatOf('\nbsf037 4 su 174 gef 1388\n\nNotes de frais GE\n')).toBe('iptc7901');
    expect(formatOf('eca00075 3 i 510    dpa 1003\r\n\r\n/politics/EU/\r\nHeadline =\r\n')).toBe('iptc7901');
    expect(formatOf("a0105KYODOkoko-\nu s BC-Soccer-Emperor's-Cup   09-12 0344\nBC-Soccer\n")).toBe('anpa');
    expect(formatOf('a0412 r a BC-Economy 1stLd-Writethru 05-17 0600\nThe economy grew.\n')).toBe('anpa');
    for (const headline of [
      'COVID19 3 of 100 patients recover',
      'MH370 2 of 239 bodies found',
      'Top10 3 of 500 firms miss targets',
      'a0105 is the code\nu s the next line',
    ])
      expect(formatOf(`${headline}\n\nLONDON, May 3 (Reuters) - Text.\n`)).toBe('plain');
  });

  it('does not take a lone SOH far from any STX for framing', () => {
    expect(formatOf(`Some text \u0001 with a control character and no frame at all.\n${'x'.repeat(600)}`)).toBe(
      'plain',
    );
  });

  it('names NITF by its root element, after the XML declaration and DOCTYPE', () => {
    const nitf =
      '<?xml version="1.0"?>\n<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.6//EN" "nitf.dtd">\n<nitf><head/></nitf>';
    expect(formatOf(nitf)).toBe('nitf');
  });

  it('keeps an HTML page that mentions <nitf> in its text out of NITF', () => {
    const page =
      '<!DOCTYPE html><html><body><p>Our feed is <nitf> and <newsItem> XML.</p><pre><nitf></pre></body></html>';
    expect(formatOf(page)).not.toBe('nitf');
    expect(formatOf(page)).not.toBe('newsml');
  });

  it('tells NewsML-G2 <newsItem> from RCV1 <newsitem> by case', () => {
    expect(formatOf('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>')).toBe('newsml');
    expect(formatOf('<?xml version="1.0" encoding="iso-8859-1" ?>\n<newsitem itemid="1">')).toBe('rcv1');
  });

  it('takes a <newsMessage>, with or without a namespace prefix, for NewsML-G2', () => {
    expect(formatOf('<newsMessage><itemSet/></newsMessage>')).toBe('newsml');
    expect(formatOf('<!-- sent 10:00 --><nar:newsItem xmlns:nar="http://iptc.org/std/nar/2006-10-01/"/>')).toBe(
      'newsml',
    );
  });

  it('takes <REUTERS> after the lewis DOCTYPE for Reuters-21578 SGML', () => {
    expect(formatOf('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS TOPICS="NO" NEWID="1">')).toBe('sgml');
  });

  it('refuses XML it does not know, naming its root, and leaves prose that starts with a bracket as plain text', () => {
    expect(sniff(bytes('<catalog version="2.0"><book/></catalog>'))).toEqual({ unknown: 'unknown XML root <catalog>' });
    expect(sniff(bytes('<?xml version="1.0"?>\n<results><id>1</id>'))).toEqual({
      unknown: 'unknown XML root <results>',
    });
    expect(formatOf('<rss version="2.0"><channel/></rss>')).toBe('feed');
    expect(formatOf('nitf files are XML. <nitf> is their root.')).toBe('plain');
    expect(formatOf('<AMR> CORP SAYS IT WILL BUY JETS\n\n    NEW YORK, March 3 - Text.\n')).toBe('plain');
  });

  it.each([
    ['<?xml version="1.0"?>\n<NewsML Version="1.2"><NewsItem/></NewsML>', 'newsml1'],
    ['<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>', 'newsml'],
    [
      '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>',
      'wxr',
    ],
    ['<?xml version="1.0"?>\n<RBNews xmlns=""><NewsID>x</NewsID></RBNews>', 'ritzau'],
    ['<XMLNewsQueuedResponse xmlns="http://tempuri.org/"><XMLNewsQueuedResult/></XMLNewsQueuedResponse>', 'ritzau'],
    ['<?xml version="1.0" encoding="UTF-8"?>\n<release id="1" lang="no"><title>T</title></release>', 'ntbinfo'],
    ['{"guid": "x", "headline": "Tram opens", "body_html": "<p>Text</p>"}', 'ninjs'],
    ['[{"uri": "x", "headlines": [{"value": "A"}], "bodies": []}]', 'ninjs'],
    ['{"total": 1, "items": [{"uri": "x", "headline": "A", "body_text": "B"}]}', 'ninjs'],
    ['{"api_version": "1.1", "id": "q", "method": "/content.GET", "data": {"item": {}}}', 'apmedia'],
    [
      '{"id":"0123456789abcdef01234567","headline":"A","markers":[],"byline":null,"dateline":null,"body":"B"}\n',
      'wire',
    ],
    ['From: a@example.org\r\nSubject: Story\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nText\r\n', 'email'],
    ['ZCZC\r\n^Headline\r\n\r\nText\r\nNNNN\r\n', 'iptc7901'],
  ])('takes %j for %s', (text, format) => {
    expect(formatOf(text)).toBe(format);
  });

  it.each([
    ['{"data": {"title": "T", "body": "<p>DALLAS /PRNewswire/ -- Text</p>", "source_company": "X"}}', 'Cision release'],
    ['{"status": "ok", "articles": [{"source": {"name": "X"}, "title": "T", "content": null}]}', 'NewsAPI list'],
    ['[{"id": 1, "guid": {"rendered": "u"}, "type": "post", "title": {"rendered": "T"}, "content": {}}]', 'WordPress'],
    [
      '{"response": {"results": [{"id": "a", "type": "article", "webTitle": "T", "fields": {"body": "B"}}]}}',
      'Guardian',
    ],
    ['{"title": "T", "text": "A"}\n{"title": "U", "text": "B"}\n', 'JSON lines'],
    ['{"headline": "T", "byline": "Jo", "body": "Text"}', 'an article with two ninjs keys but no ninjs text'],
    ['{"id": "a1", "headline": "T", "body": "Text"}', 'an article with an id, a headline and a body: no wire record'],
    [
      '{"took": 3, "timed_out": false, "hits": {"total": {"value": 1}, "hits": [{"_id": "a", "_source": {"title": "T", "body": "B"}}]}}',
      'an Elasticsearch search response',
    ],
    ['{"_index": "s", "_id": "1", "_source": {"headline": "T", "body": "B"}}\n', 'an Elasticsearch dump line'],
  ])('takes %j for article-json (%s)', (text) => {
    expect(formatOf(text)).toBe('article-json');
  });

  it('leaves XML of a root that a reader knows to that reader, even with a headline and a body in it', () => {
    const body = '<body>The council voted on Tuesday to close the old bridge to cars next summer.</body>';
    expect(
      formatOf(`<?xml version="1.0"?>\n<release id="1"><title>Bridge closes for summer</title>${body}</release>`),
    ).toBe('ntbinfo');
    expect(
      formatOf(`<?xml version="1.0"?><nitf><head><title>Bridge closes for summer</title></head>${body}</nitf>`),
    ).toBe('nitf');
    expect(
      formatOf(`<?xml version="1.0"?><Export><Item><Title>Bridge closes for summer</Title>${body}</Item></Export>`),
    ).toBe('article-xml');
  });

  it('leaves ninjs, AP Media, JSON Feed and wire records to their own readers, even with a title and a body', () => {
    expect(formatOf('{"guid": "x", "title": "T", "headline": "T", "body_html": "<p>Text</p>"}')).toBe('ninjs');
    expect(formatOf('{"items": [{"uri": "x", "type": "text", "title": "T", "bodies": []}]}')).toBe('ninjs');
    expect(formatOf('{"api_version": "2", "data": {"item": {"title": "T", "body": "B"}}}')).toBe('apmedia');
    const feed =
      '{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [{"title": "T", "content": "B"}]}';
    expect(formatOf(feed)).toBe('feed');
    expect(formatOf('{"id": "0123456789abcdef01234567", "headline": "A", "markers": [], "body": "B"}\n')).toBe('wire');
  });

  it('refuses JSON with a title but no body (a JSON Schema, a link list), naming its keys', () => {
    expect(sniff(bytes('{"title": "Quarterly report", "url": "https://x.example/r"}'))).toEqual({
      unknown: 'JSON of an unknown shape (keys: title, url)',
    });
    expect(sniff(bytes('{"$schema": "s", "title": "Record", "description": "One record", "type": "object"}'))).toEqual({
      unknown: 'JSON of an unknown shape (keys: $schema, title, description, type)',
    });
    expect(sniff(bytes('{"items": [{"title": "T", "link": "u"}]}'))).toEqual({
      unknown: 'JSON of an unknown shape (keys: items)',
    });
  });

  it('refuses JSON of an unknown shape, naming its keys, and keeps a bracketed headline as plain text', () => {
    expect(sniff(bytes('{"requests": {"a": 1}}'))).toEqual({ unknown: 'JSON of an unknown shape (keys: requests)' });
    expect(formatOf('[UPDATE 1] Markets rally\n\nNEW YORK (Reuters) - Text.\n')).toBe('plain');
  });

  it('keeps a plain story that quotes a mail header line as plain text', () => {
    expect(formatOf('Subject: the budget\nCouncil meets on Monday\n\nText.\n')).toBe('plain');
  });

  it('still reports binary input before looking for a format', () => {
    expect(sniff(bytes('%PDF-1.7\n<nitf>'))).toEqual({ binary: 'a PDF document' });
  });
});

describe('the format registry', () => {
  it('registers exactly the parsers that --format offers, each under its own name', () => {
    expect([...FORMATS.keys()]).toEqual(PARSER_NAMES);
    for (const [name, format] of FORMATS) expect(format.name).toBe(name);
  });
});

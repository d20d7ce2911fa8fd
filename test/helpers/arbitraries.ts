import fc from 'fast-check';

// Pieces of every format's syntax, so that random inputs reach deep into the parsers rather than bouncing off.
const FRAGMENTS = [
  '\u0001',
  '\u0002',
  '\u0003',
  '\u0004',
  '\u0005\u0005\u0005F\n',
  '\u0016\u0016\u0001f0119\u001freute\n',
  'u f BC-SLUG-(X  02-26 0097\n',
  '\u0001AAP0042 3 i 0312 AAP\r\n',
  '^By JANE DOE=\r\n',
  '^Headline<\r\n',
  '    NEW YORK, Feb 26 - ',
  ' Reuter\n',
  'The following information is not for publication\n',
  'AP-NY-05-17-96 1516GMT',
  '<p>',
  '</p>',
  '</REUTERS>',
  '<TITLE>',
  '&#3;',
  '&#1114112;',
  '&lt;',
  '&nbsp;',
  '&',
  '<![CDATA[x<y]]>',
];
const WORDS = [
  'SEOUL',
  'Nov. 27',
  '(Yonhap)',
  '--',
  'the',
  'said',
  'By',
  'Reuter',
  'REUTER',
  '(END)',
  'Copyright 2026',
];

/** Text with wire syntax, words, line breaks and arbitrary characters mixed in. */
export const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS, ...WORDS, '\n', '\r\n', '\n\n', '    ', ' '),
      fc.string({ maxLength: 10 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const short = fc.string({ unit: 'grapheme-ascii', maxLength: 12 });
const digits = (n: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

const anpaFrame = fc
  .tuple(
    fc.constantFrom('f', 'a', 'b'),
    digits(4),
    short,
    fc.constantFrom('f', 'b', 'u', 'r', 'd', 'a', 'x', '3'),
    short,
    text,
    text,
    fc.boolean(),
  )
  .map(
    ([service, number, slug, priority, take, headline, body, stamp]) =>
      `\u0005\u0005\u0005F\n\u0016\u0016\u0001${service}${number}\u001freute\n${priority} f BC-${slug} ${take}  02-26 0097\n` +
      `\u0002${headline}\n${body}\u0003${stamp ? '\n02-26-87 1501GMT\n' : ''}`,
  );

const iptcFrame = fc
  .tuple(digits(4), fc.constantFrom('1', '2', '3', '4', '5'), short, text, text)
  .map(
    ([number, priority, slug, headline, body]) =>
      `\u0001AAP${number} ${priority} i 0042 AAP\r\n${slug}/\r\n\u0002${headline}\r\n${body}\u0003\r\n\u0004`,
  );

// ZCZC-framed IPTC 7901: header code lines (`^headline`, `:keyword`, `$A`, `#slug`), text, NNNN (sometimes missing).
const zczcMessage = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('^', ':', '$', '#', '=', '@', '%', '*', '+', '&'), short), { maxLength: 5 }),
    text,
    fc.boolean(),
  )
  .map(
    ([codes, body, closed]) =>
      `ZCZC\r\n${codes.map(([code, value]) => `${code}${value}\r\n`).join('')}\r\n${body}\r\n${closed ? 'NNNN\r\n' : ''}`,
  );

const nitf = fc
  .tuple(text, text, text, text, fc.string({ maxLength: 20 }))
  .map(
    ([title, byline, dateline, body, norm]) =>
      `<?xml version="1.0"?><nitf xml:lang="en"><head><docdata><date.issue norm="${norm}"/><urgency ed-urg="${norm.length}"/>` +
      `</docdata></head><body><body.head><hedline><hl1>${title}</hl1></hedline><byline>${byline}</byline>` +
      `<dateline>${dateline}</dateline></body.head><body.content><p>${body}</p></body.content></body></nitf>`,
  );

const newsItem = fc
  .tuple(text, text, text, fc.string({ maxLength: 25 }), fc.boolean())
  .map(
    ([headline, dateline, body, stamp, inline]) =>
      `<newsItem guid="urn:x"><itemMeta><versionCreated>${stamp}</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>` +
      `<contentMeta><urgency>${stamp.length}</urgency><headline>${headline}</headline><dateline>${dateline}</dateline></contentMeta>` +
      `<contentSet>${inline ? `<inlineXML><html><body><p>${body}</p></body></html></inlineXML>` : `<inlineData>${body}</inlineData>`}</contentSet></newsItem>`,
  );
const newsml = fc
  .array(newsItem, { minLength: 1, maxLength: 3 })
  .map((items) =>
    items.length === 1 ? (items[0] ?? '') : `<newsMessage><itemSet>${items.join('')}</itemSet></newsMessage>`,
  );

const rcv1 = fc
  .tuple(text, text, text, fc.string({ maxLength: 12 }))
  .map(
    ([headline, dateline, body, date]) =>
      `<?xml version="1.0" encoding="iso-8859-1" ?><newsitem itemid="1" date="${date}" xml:lang="en"><title>${headline}</title>` +
      `<headline>${headline}</headline><dateline>${dateline}</dateline><text><p>${body}</p></text>` +
      `<metadata><codes class="bip:topics:1.0"><code code="C15"/></codes><dc element="dc.source" value="Reuters"/></metadata></newsitem>`,
  );

const reuters = fc
  .tuple(fc.constantFrom('', ' TYPE="BRIEF"', ' TYPE="UNPROC"'), text, text, text, fc.string({ maxLength: 24 }))
  .map(
    ([type, title, dateline, body, date]) =>
      `<REUTERS NEWID="1"><DATE>${date}</DATE><UNKNOWN> \n&#5;&#5;&#5;F\n&#22;&#22;&#1;f0001&#31;reute\nu f BC-X   03-03 0001</UNKNOWN>` +
      `<TEXT${type}>&#2;\n<TITLE>${title}</TITLE><DATELINE>${dateline}</DATELINE><BODY>${body}\n Reuter\n&#3;</BODY></TEXT></REUTERS>\n`,
  );
const sgml = fc
  .array(reuters, { minLength: 1, maxLength: 3 })
  .map((docs) => `<!DOCTYPE lewis SYSTEM "lewis.dtd">\n${docs.join('')}`);

// A sentence of running text (six to twenty words), with wire syntax mixed in at times: an article has these.
const sentence = fc
  .array(
    fc.oneof(
      {
        weight: 9,
        arbitrary: fc.constantFrom('the', 'said', 'harbour', 'reopened', 'officials', 'on', 'Tuesday', 'SEOUL'),
      },
      { weight: 1, arbitrary: text },
    ),
    { minLength: 6, maxLength: 20 },
  )
  .map((words) => `${words.join(' ')}.`);

// A news page: head metadata (JSON-LD among it), furniture and an article, each part optional.
const page = fc
  .tuple(text, text, text, fc.array(fc.oneof(text, sentence), { maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(
    ([title, byline, date, paragraphs, jsonLd, nav]) =>
      `<!DOCTYPE html><html lang="en"><head><title>${title}</title><meta name="author" content="${byline}">` +
      (jsonLd
        ? `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title}","datePublished":"${date}"}</script>`
        : '') +
      `</head><body>${nav ? '<nav><a href="/">Home</a></nav>' : ''}<article><h1>${title}</h1><div class="byline">${byline}</div>` +
      `${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><aside class="related"><ul><li><a href="/x">${title}</a></li></ul></aside></body></html>`,
  );

const feedItem = fc
  .tuple(text, text, text, fc.boolean())
  .map(
    ([title, description, date, link]) =>
      `<item><title>${title}</title>${link ? '<link>/a</link>' : ''}<pubDate>${date}</pubDate><description>${description}</description></item>`,
  );
const feed = fc
  .tuple(fc.boolean(), text, fc.array(feedItem, { maxLength: 3 }))
  .map(([atom, title, items]) =>
    atom
      ? `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>${items.join('').replace(/item>/g, 'entry>')}</feed>`
      : `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${items.join('')}</channel></rss>`,
  );

// Plain wire copy: headline, dateline lead, wrapped paragraphs, sign-off and end matter, several stories a file.
const plainStory = fc
  .tuple(
    text,
    fc.constantFrom(
      'SEOUL, Nov. 27 (Yonhap) -- ',
      '    NEW YORK, Feb 26 - ',
      'HOUSTON--(BUSINESS WIRE)--',
      'By Jane Doe\n',
      '',
    ),
    fc.array(fc.tuple(text, fc.boolean()), { maxLength: 4 }),
    fc.constantFrom(
      ' Reuter\n',
      '(END)\nSource: Yonhap News Agency\n',
      'You may also like...\n- A link\n',
      '-30-\n',
      '',
    ),
  )
  .map(
    ([headline, lead, paragraphs, end]) =>
      `${headline}\n\n${lead}${paragraphs.map(([p, wrap]) => (wrap ? p.replace(/ /g, '\n') : p)).join('\n\n')}\n${end}`,
  );
const plainFile = fc
  .tuple(
    fc.array(plainStory, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('\f\n', '\u0003', '\n(END)\n', '\n###\n'),
  )
  .map(([stories, separator]) => stories.join(separator));

const newsml1Doc = fc
  .tuple(text, text, text, fc.string({ maxLength: 20 }), fc.boolean())
  .map(
    ([headline, dateline, body, stamp, cdata]) =>
      `<?xml version="1.0"?><NewsML><NewsEnvelope><Priority FormalName="${stamp.length}"/></NewsEnvelope><NewsItem>` +
      `<Identification><NewsIdentifier><PublicIdentifier>urn:x:${stamp}</PublicIdentifier></NewsIdentifier></Identification>` +
      `<NewsManagement><ThisRevisionCreated>${stamp}</ThisRevisionCreated><Urgency FormalName="${stamp.length}"/></NewsManagement>` +
      `<NewsComponent><NewsLines><HeadLine>${headline}</HeadLine><DateLine>${dateline}</DateLine></NewsLines><NewsComponent>` +
      `<ContentItem><MediaType FormalName="Text"/><DataContent>${cdata ? `<![CDATA[<P>${body}</P>]]>` : `<p>${body}</p>`}` +
      `</DataContent></ContentItem></NewsComponent></NewsComponent></NewsItem></NewsML>`,
  );

const ninjsItem = fc
  .tuple(text, text, fc.constantFrom('1', '2'), fc.string({ maxLength: 25 }), fc.anything({ maxDepth: 2 }))
  .map(([headline, body, version, stamp, other]) =>
    version === '1'
      ? { guid: stamp, headline, body_html: `<p>${body}</p>`, versioncreated: stamp, urgency: other, service: [other] }
      : {
          uri: stamp,
          headlines: [{ role: 'main', value: headline }],
          bodies: [{ value: body }],
          by: other,
          altids: other,
        },
  );
const ninjsDoc = fc
  .tuple(fc.array(ninjsItem, { minLength: 1, maxLength: 3 }), fc.constantFrom('one', 'array', 'list', 'lines'))
  .map(([items, shape]) =>
    shape === 'one'
      ? JSON.stringify(items[0])
      : shape === 'array'
        ? JSON.stringify(items)
        : shape === 'list'
          ? JSON.stringify({ total: items.length, items })
          : items.map((i) => JSON.stringify(i)).join('\n'),
  );

const apItem = fc
  .tuple(text, text, fc.string({ maxLength: 25 }), fc.anything({ maxDepth: 2 }))
  .map(([headline, caption, stamp, other]) => ({
    uri: stamp,
    type: 'text',
    headline,
    description_summary: caption,
    versioncreated: stamp,
    bylines: [{ by: other }],
    renditions: { nitf: { href: stamp, words: other } },
    altids: { itemid: stamp, etag: other },
  }));
const apDoc = fc.tuple(fc.array(apItem, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([items, feed]) =>
  JSON.stringify({
    api_version: '1.1',
    method: '/content.GET',
    data: feed ? { items: items.map((item) => ({ item })) } : { item: items[0] },
  }),
);

const mail = fc
  .tuple(text, text, fc.constantFrom('plain', 'qp', 'multipart', 'form'), fc.string({ maxLength: 30 }))
  .map(([subject, body, kind, date]) => {
    const head = `From: A <a@example.org>\r\nTo: b@example.org\r\nSubject: =?utf-8?Q?${subject.replace(/[^\w]/g, '_')}?= ${subject}\r\nDate: ${date}\r\nMIME-Version: 1.0\r\n`;
    if (kind === 'multipart') {
      return (
        `${head}Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n` +
        `<p>${body}</p>\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n--b--\r\n`
      );
    }
    if (kind === 'form')
      return `${head}\r\n${JSON.stringify({ Headline: [subject], Body: [body], 'News Value': [date] })}`;
    const encoding = kind === 'qp' ? 'Content-Transfer-Encoding: quoted-printable\r\n' : '';
    return `${head}Content-Type: text/plain; charset=utf-8\r\n${encoding}\r\n${body}\r\n-- \r\n${subject}\r\n`;
  });

const wxrItem = fc
  .tuple(text, text, fc.constantFrom('post', 'attachment', ''), fc.string({ maxLength: 20 }))
  .map(
    ([title, content, type, date]) =>
      `<item><title>${title}</title><guid>${date}</guid><content:encoded><![CDATA[${content}\n\n[gallery]]]></content:encoded>` +
      `<wp:post_date_gmt>${date}</wp:post_date_gmt><wp:post_type>${type}</wp:post_type><category domain="category">${title}</category></item>`,
  );
const wxrDoc = fc
  .array(wxrItem, { maxLength: 3 })
  .map(
    (items) =>
      `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
      `<channel><title>Site</title>${items.join('')}</channel></rss>`,
  );

const escaped = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const ritzauItem = fc
  .tuple(text, text, fc.string({ maxLength: 24 }), fc.constantFrom('3', 'x', ''), fc.boolean())
  .map(
    ([headline, content, date, priority, nil]) =>
      `<RBNews><NewsID>${date}</NewsID><PublishDate>${date}</PublishDate>` +
      (nil ? '<headline i:nil="true"/>' : `<headline>${escaped(headline)}</headline>`) +
      `<content>${escaped(`<p>${content}</p><p>${headline}<br/>x</p>`)}</content><Priority>${priority}</Priority>` +
      `<TilRedaktionen>${escaped(content)}</TilRedaktionen></RBNews>`,
  );
const ritzauDoc = fc
  .array(ritzauItem, { maxLength: 3 })
  .map(
    (items) =>
      `<?xml version="1.0"?><XMLNewsQueuedResponse><XMLNewsQueuedResult><ListOfRBNews>${items.join('')}` +
      `</ListOfRBNews></XMLNewsQueuedResult></XMLNewsQueuedResponse>`,
  );

const ntbinfoDoc = fc
  .tuple(text, text, text, fc.string({ maxLength: 20 }), fc.constantFrom('no', 'fi', 'x', ''), fc.boolean())
  .map(
    ([title, lead, body, date, lang, raw]) =>
      `<?xml version="1.0" encoding="UTF-8"?><release id="${date.length}" lang="${lang}">` +
      `<longurl>https://www.ntbinfo.no/pressemelding/x?releaseId=1</longurl>` +
      `<body>${raw ? `<p>${escaped(body)}</p>` : escaped(`<p>${body}</p><p>${lead}</p>`)}</body>` +
      `<boilerplate>${escaped(lead)}</boilerplate><contactsAsText/><embargo>${escaped(date)}</embargo>` +
      `<leadtext>${escaped(lead)}</leadtext><publicationDate>${escaped(date)}</publicationDate>` +
      `<title>${escaped(title)}</title><publisher><name>${escaped(title)}</name></publisher></release>`,
  );

// News-API articles in the shapes article-json reads (Cision, NewsAPI, WordPress, the Guardian, JSON lines), with
// arbitrary text and values (ids, dates, authors) in every field.
const articleItem = fc
  .tuple(text, text, text, fc.string({ maxLength: 25 }), fc.anything({ maxDepth: 2 }), fc.boolean())
  .map(([title, body, summary, stamp, other, html]) => ({
    id: other,
    title: html ? { rendered: title } : title,
    content: html ? { rendered: `<p>${body}</p><p>${summary}</p>` } : body,
    description: summary,
    author: [{ name: stamp }, other],
    publishedAt: stamp,
    date_gmt: other,
    url: stamp,
    language: stamp,
    source: { name: other },
    guid: { rendered: other },
  }));
const articleDoc = fc
  .tuple(
    fc.array(articleItem, { minLength: 1, maxLength: 3 }),
    text,
    fc.string({ maxLength: 25 }),
    fc.constantFrom('cision', 'newsapi', 'array', 'guardian', 'lines'),
  )
  .map(([items, body, stamp, shape]) => {
    const first = items[0];
    switch (shape) {
      case 'cision':
        return JSON.stringify({
          data: {
            title: first?.description,
            body: `<p><span class="xn-location">DALLAS</span>, ${stamp} /PRNewswire/ -- ${body}</p>`,
            date: stamp,
            source_company: stamp,
            release_id: first?.id,
          },
        });
      case 'newsapi':
        return JSON.stringify({ status: 'ok', articles: items });
      case 'array':
        return JSON.stringify(items);
      case 'guardian':
        return JSON.stringify({
          response: { results: items.map((i) => ({ webTitle: i.description, fields: { body, byline: i.author } })) },
        });
      default:
        return items.map((i) => JSON.stringify(i)).join('\n');
    }
  });

// CMS and agency exports in the shapes article-xml reads: CP's `<Publish><ContentItem>`, an export of several items,
// a lone article; escaped HTML, CDATA, XHTML or plain text in the body, and arbitrary text in every field.
const articleXmlItem = fc
  .tuple(text, text, fc.string({ maxLength: 25 }), fc.constantFrom('escaped', 'cdata', 'xhtml', 'plain'))
  .map(([headline, body, stamp, kind]) => {
    const content =
      kind === 'escaped'
        ? escaped(`<p>${body}</p><p>${headline}</p>`)
        : kind === 'cdata'
          ? `<![CDATA[<h1>${headline}</h1><p>${body.replaceAll(']]>', '')}</p>]]>`
          : kind === 'xhtml'
            ? `<p>${escaped(body)}</p><p>${escaped(stamp)}</p>`
            : escaped(`${body}\n\n      ${headline}`);
    return (
      `<Headline>${escaped(headline)}</Headline><Credit>${escaped(stamp)}</Credit><Language>${escaped(stamp)}</Language>` +
      `<CreatedDateTime>${escaped(stamp)}</CreatedDateTime><SlugProper>${escaped(stamp)}</SlugProper>` +
      `<ContentText>${content}</ContentText>`
    );
  });
const articleXmlDoc = fc
  .tuple(fc.array(articleXmlItem, { minLength: 1, maxLength: 3 }), fc.constantFrom('cp', 'export', 'root'))
  .map(([items, shape]) => {
    const declared = '<?xml version="1.0" encoding="utf-8"?>\n';
    if (shape === 'root') return `${declared}<Story>${items[0] ?? ''}</Story>`;
    const wrapped = items.map((item) => `<ContentItem><Flag>false</Flag>${item}</ContentItem>`).join('');
    return shape === 'cp'
      ? `${declared}<Publish><PublishID>1</PublishID>${wrapped}</Publish>`
      : `${declared}<Export><Items>${wrapped}</Items></Export>`;
  });

const wireRecord = fc
  .tuple(text, text, fc.anything({ maxDepth: 1 }), fc.boolean())
  .map(([headline, body, other, whole]) =>
    JSON.stringify({
      id: '0123456789abcdef01234567',
      headline,
      markers: [],
      byline: null,
      dateline: whole ? null : other,
      body,
      source: null,
      agency: null,
      credits: null,
      copyright: null,
      stripped: [],
      language: null,
      published: null,
      url: null,
      origin: { type: 'file', location: 'x', format: 'plain', index: 0, charset: 'utf-8' },
      words: 1,
      ingested_at: '2026-11-27T00:00:00.000Z',
      correction: false,
      fingerprint: { exact: '0123456789abcdef', near: null },
    }),
  );
const wireLines = fc.array(wireRecord, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

/** Cuts a document at a random point some of the time: cut-off files are what the parsers must survive. */
function damaged(document: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(document, fc.option(fc.nat(), { freq: 3 }), fc.option(text, { freq: 3 }))
    .map(([doc, cut, insert]) => {
      const at = cut === null ? doc.length : cut % (doc.length + 1);
      return insert === null ? doc.slice(0, at) : `${doc.slice(0, at)}${insert}${doc.slice(at)}`;
    });
}

/** Per format: well-shaped documents with arbitrary text in their fields, sometimes damaged, or anything at all. */
export const documents: Readonly<Record<string, fc.Arbitrary<string>>> = {
  plain: fc.oneof(damaged(plainFile), text),
  anpa: fc.oneof(damaged(fc.array(anpaFrame, { minLength: 1, maxLength: 3 }).map((f) => f.join(''))), text),
  iptc7901: fc.oneof(
    damaged(fc.array(iptcFrame, { minLength: 1, maxLength: 3 }).map((f) => f.join(''))),
    damaged(fc.array(zczcMessage, { minLength: 1, maxLength: 3 }).map((m) => m.join(''))),
    text,
  ),
  nitf: fc.oneof(damaged(nitf), text),
  newsml: fc.oneof(damaged(newsml), text),
  rcv1: fc.oneof(damaged(rcv1), text),
  sgml: fc.oneof(damaged(sgml), text),
  html: fc.oneof(damaged(page), text),
  feed: fc.oneof(damaged(feed), text),
  newsml1: fc.oneof(damaged(newsml1Doc), text),
  // JSON that is damaged anywhere is no JSON at all: whole documents most of the time, so that the readers are
  // reached, and damaged ones and any text for the rest.
  ninjs: fc.oneof({ weight: 3, arbitrary: ninjsDoc }, damaged(ninjsDoc), text),
  apmedia: fc.oneof({ weight: 3, arbitrary: apDoc }, damaged(apDoc), text),
  email: fc.oneof(damaged(mail), text),
  wxr: fc.oneof(damaged(wxrDoc), text),
  ritzau: fc.oneof({ weight: 3, arbitrary: ritzauDoc }, damaged(ritzauDoc), text),
  ntbinfo: fc.oneof({ weight: 3, arbitrary: ntbinfoDoc }, damaged(ntbinfoDoc), text),
  'article-json': fc.oneof({ weight: 3, arbitrary: articleDoc }, damaged(articleDoc), text),
  'article-xml': fc.oneof(damaged(articleXmlDoc), text),
  wire: fc.oneof({ weight: 3, arbitrary: wireLines }, damaged(wireLines), text),
};

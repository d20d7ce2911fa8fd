import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/pipeline/run.js';
import type { Story } from '../src/types.js';
import { MemorySink } from '../src/sinks/memory.js';
import { startServer, type TestServer } from './helpers/web-server.js';

// Our own sentences, one language per charset; each is long enough for a detector to have something to go on.
const SAMPLES = [
  [
    'euc-kr',
    'euc-kr',
    'ko',
    '정부, 성장률 전망 낮춰',
    '서울에서 열린 경제 장관 회의에서 정부는 내년 성장률 전망을 2.1%로 낮췄다. 기획재정부 관계자는 수출 회복이 예상보다 더디다고 말했다. 한국은행은 다음 달 기준금리를 동결할 것으로 보인다.',
  ],
  [
    'shift_jis',
    'shift_jis',
    'ja',
    '政府、成長率見通しを下方修正',
    '東京で開かれた閣議で、政府は来年度の成長率見通しを引き下げた。財務省の担当者は、輸出の回復が予想より遅れていると述べた。日本銀行は来月の会合で金利を据え置く見通しだ。',
  ],
  [
    'gbk',
    'gbk',
    'zh',
    '政府下调增长预期',
    '北京举行的国务院常务会议上，政府下调了明年的经济增长预期。财政部官员表示，出口复苏比预期缓慢。中国人民银行预计下月将维持利率不变。',
  ],
  [
    'gb18030',
    'gb18030',
    'zh',
    '政府下调增长预期',
    '北京举行的国务院常务会议上，政府下调了明年的经济增长预期。财政部官员表示，出口复苏比预期缓慢。中国人民银行预计下月将维持利率不变。',
  ],
  [
    'big5',
    'big5',
    'zh-TW',
    '政府下修成長預測',
    '台北舉行的行政院會議上，政府下修了明年的經濟成長預測。財政部官員表示，出口復甦比預期緩慢。中央銀行預計下月將維持利率不變。',
  ],
  [
    'windows-1251',
    'windows-1251',
    'ru',
    'Правительство снизило прогноз',
    'На заседании правительства в Москве министры снизили прогноз роста экономики на следующий год. Представитель министерства финансов заявил, что восстановление экспорта идёт медленнее, чем ожидалось.',
  ],
  [
    'windows-1252',
    'windows-1252',
    'fr',
    'Le gouvernement révise sa prévision',
    'Lors du conseil des ministres à Paris, le gouvernement a révisé à la baisse sa prévision de croissance pour l’année prochaine. « La reprise des exportations est plus lente que prévu », a déclaré un porte-parole — sans préciser de calendrier.',
  ],
  [
    'iso-8859-7',
    'iso-8859-7',
    'el',
    'Η κυβέρνηση αναθεωρεί την πρόβλεψη',
    'Στη σύσκεψη του υπουργικού συμβουλίου στην Αθήνα, η κυβέρνηση αναθεώρησε προς τα κάτω την πρόβλεψη ανάπτυξης για το επόμενο έτος. Εκπρόσωπος του υπουργείου οικονομικών δήλωσε ότι η ανάκαμψη των εξαγωγών είναι πιο αργή από το αναμενόμενο.',
  ],
  [
    'iso-8859-2',
    'iso-8859-2',
    'pl',
    'Rząd obniża prognozę wzrostu',
    'Na posiedzeniu rządu w Warszawie ministrowie obniżyli prognozę wzrostu gospodarczego na przyszły rok. Rzecznik ministerstwa finansów powiedział, że ożywienie eksportu następuje wolniej, niż zakładano, a źródła wskazują na słabszy popyt zagraniczny.',
  ],
] as const;

type Declared = 'header' | 'meta' | 'undeclared';

function page(lang: string, headline: string, text: string, meta: string): string {
  const paragraphs = text.split(/(?<=[.。])\s*/).filter((s) => s !== '');
  return `<!doctype html><html lang="${lang}"><head>${meta}<title>${headline}</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function fetchPage(
  charset: string,
  declared: Declared,
  lang: string,
  headline: string,
  text: string,
): Promise<Story> {
  const meta = declared === 'meta' ? `<meta charset="${charset}">` : '';
  const type = declared === 'header' ? `text/html; charset=${charset}` : 'text/html';
  const path = `/${charset}-${declared}`;
  const body = iconv.encode(page(lang, headline, text, meta), charset);
  server.route(path, (_req, res) => void res.writeHead(200, { 'content-type': type }).end(body));
  const sink = new MemorySink();
  const summary = await ingest({ inputs: [server.url(path)], sink });
  expect(summary.failures).toEqual([]);
  expect(sink.records).toHaveLength(1);
  return sink.records[0]!;
}

describe.each(SAMPLES)('a page in %s', (charset, whatwg, lang, headline, text) => {
  it.each(['header', 'meta'] as const)('decodes it when the %s declares the charset', async (declared) => {
    const story = await fetchPage(charset, declared, lang, headline, text);
    expect(story.headline).toBe(headline);
    expect(story.body.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(story.origin.charset).toBe(whatwg);
  });

  it('detects the charset when nothing declares it', async () => {
    const story = await fetchPage(charset, 'undeclared', lang, headline, text);
    expect(story.body.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(story.headline).toBe(headline);
  });
});

describe('declarations that lie', () => {
  it('reads a UTF-8 page as UTF-8 even when its meta still names an older charset', async () => {
    const text = '北京举行的国务院常务会议上，政府下调了明年的经济增长预期。财政部官员表示，出口复苏比预期缓慢。';
    const body = Buffer.from(page('zh', '政府下调增长预期', text, '<meta charset="gb2312">'), 'utf8');
    server.route(
      '/utf8-says-gb2312',
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(body),
    );
    const sink = new MemorySink();
    await ingest({ inputs: [server.url('/utf8-says-gb2312')], sink });
    expect(sink.records[0]?.origin.charset).toBe('utf-8');
    expect(sink.records[0]?.body.replace(/\s+/g, '')).toBe(text);
  });

  it('lets a byte-order mark win over the header', async () => {
    const text =
      'Lors du conseil des ministres à Paris, le gouvernement a révisé sa prévision de croissance pour l’année prochaine.';
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(page('fr', 'Prévision révisée', text, ''), 'utf8'),
    ]);
    server.route(
      '/bom',
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(body),
    );
    const sink = new MemorySink();
    await ingest({ inputs: [server.url('/bom')], sink });
    expect(sink.records[0]?.origin.charset).toBe('utf-8');
    expect(sink.records[0]?.headline).toBe('Prévision révisée');
  });
});

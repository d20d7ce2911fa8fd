import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { expectValidRecord } from './helpers/schema.js';
import { tempDir } from './helpers/tmp.js';
import { send, startServer, type TestServer } from './helpers/web-server.js';

const dir = tempDir();
const text = 'Exports rise in Busan\n\nBUSAN, Nov. 27 (Yonhap) -- Exports from Busan rose for a fourth month.\n';

/** UTF-16 with its byte-order mark, little- or big-endian. */
function utf16(value: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${value}`, 'utf16le');
  return endian === 'le' ? le : le.swap16();
}

describe('input encodings', () => {
  it.each(['le', 'be'] as const)('reads UTF-16%s and reports it as the record charset', async (endian) => {
    const path = join(dir, `utf16${endian}.txt`);
    writeFileSync(path, utf16(text, endian));
    const result = await runCli(['ingest', path]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.records).toHaveLength(1);
    expectValidRecord(result.records[0]);
    expect(result.records[0]).toMatchObject({
      headline: 'Exports rise in Busan',
      dateline: { location: 'BUSAN' },
      origin: { charset: `utf-16${endian}` },
    });
  });

  it('reports utf-8 for UTF-8 with or without a byte-order mark', async () => {
    const plain = join(dir, 'utf8.txt');
    const bom = join(dir, 'utf8-bom.txt');
    writeFileSync(plain, text);
    writeFileSync(bom, `\ufeff${text}`);
    const result = await runCli(['ingest', plain, bom, '--dedup', 'off']);
    expect(result.records.map((r) => (r['origin'] as { charset: string }).charset)).toEqual(['utf-8', 'utf-8']);
  });
});

describe('gzip input', () => {
  const two = `${text}\f\nRail strike ends\n\nTOKYO, Nov. 27 (Kyodo) -- The rail strike ended on Friday, the union said.\n`;

  it('is known by its magic number and decompressed as it is read, whatever the file is called', async () => {
    const named = join(dir, 'archive.txt.gz');
    const unnamed = join(dir, 'archive.bin');
    writeFileSync(named, gzipSync(two));
    writeFileSync(unnamed, gzipSync(text));
    const result = await runCli(['ingest', named, unnamed, '--dedup', 'off']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.records.map((r) => [r['headline'], (r['origin'] as { location: string }).location])).toEqual([
      ['Exports rise in Busan', named],
      ['Rail strike ends', named],
      ['Exports rise in Busan', unnamed],
    ]);
    for (const record of result.records) expectValidRecord(record);
  });

  it('is read from standard input, members one after the other (cat a.gz b.gz | wire ingest)', async () => {
    const result = await runCli(['ingest', '--dedup', 'off'], {
      stdin: Buffer.concat([gzipSync(`${text}\f\n`), gzipSync(two.split('\f\n')[1]!)]),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.records.map((r) => r['headline'])).toEqual(['Exports rise in Busan', 'Rail strike ends']);
  });

  it('fails cleanly when damaged, and the other inputs are still written', async () => {
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, gzipSync(two).subarray(0, 40));
    const good = join(dir, 'good.txt');
    writeFileSync(good, text);
    const result = await runCli(['ingest', cut, good]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cut\.gz: damaged gzip data/);
    expect(result.records.map((r) => r['headline'])).toEqual(['Exports rise in Busan']);
  });

  describe('over HTTP', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer();
      server.route('/archive.txt.gz', send(gzipSync(two), { 'content-type': 'application/gzip' }));
      // 64 MB of spaces squeezed into a few kilobytes: stopped at --max-bytes, never held whole.
      server.route(
        '/bomb.gz',
        send(gzipSync(Buffer.alloc(64 * 1024 * 1024, ' ')), { 'content-type': 'application/gzip' }),
      );
    });
    afterAll(() => server.close());
    const env = { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };

    it('is decompressed when served as application/gzip', async () => {
      const result = await runCli(['ingest', server.url('/archive.txt.gz'), '--dedup', 'off'], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.records.map((r) => r['headline'])).toEqual(['Exports rise in Busan', 'Rail strike ends']);
    });

    it('stops at --max-bytes once decompressed', async () => {
      const result = await runCli(['ingest', server.url('/bomb.gz'), '--max-bytes', '1M'], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/bomb\.gz: the body is larger than 1 MB decompressed/);
    });
  });
});

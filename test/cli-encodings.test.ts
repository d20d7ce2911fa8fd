import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { expectValidRecord } from './helpers/schema.js';
import { tempDir } from './helpers/tmp.js';

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

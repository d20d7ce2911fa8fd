import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLines, runCli } from './helpers/cli.js';
import { expectValidNinjs, haveOfficialNinjs } from './helpers/ninjs.js';
import { tempDir } from './helpers/tmp.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Copies one input of every fixture into a flat directory, under names that do not say the format. */
function mixedDirectory(dir: string): { readonly expected: number } {
  let expected = 0;
  let n = 0;
  for (const format of readdirSync(FIXTURES).sort()) {
    for (const name of readdirSync(join(FIXTURES, format)).sort()) {
      const folder = join(FIXTURES, format, name);
      const input = readdirSync(folder).find((f) => f.startsWith('input.'));
      if (!input) continue;
      copyFileSync(join(folder, input), join(dir, `story-${String(n++).padStart(2, '0')}.dat`));
      expected += (JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as unknown[]).length;
    }
  }
  return { expected };
}

describe('wire ingest on a directory of mixed formats', () => {
  const dir = tempDir();
  const inbox = join(dir, 'inbox');
  let expected = 0;

  beforeAll(() => {
    mkdirSync(inbox);
    expected = mixedDirectory(inbox).expected;
  });

  it('detects each file by its content and names the parser in origin.format', async () => {
    const result = await runCli(['ingest', inbox, '--dedup', 'off']);
    expect(result.code).toBe(0);
    expect(result.records).toHaveLength(expected);
    const formats = new Set(result.records.map((r) => (r['origin'] as { format: string }).format));
    expect([...formats].sort()).toEqual([
      'anpa',
      'apmedia',
      'article-json',
      'article-xml',
      'email',
      'html',
      'iptc7901',
      'newsml',
      'newsml1',
      'ninjs',
      'nitf',
      'ntbinfo',
      'plain',
      'rcv1',
      'ritzau',
      'sgml',
      'wxr',
    ]);
    // The cut-off frame and the noise between frames are reported, not fatal.
    expect(result.stderr).toContain('the last frame is cut off');
    expect(result.stderr).toContain('skipped text between frames');
  });

  it('writes ninjs 2.1 records with --output-format ninjs', async () => {
    const out = join(dir, 'out.ninjs.jsonl');
    const result = await runCli(['ingest', inbox, '--dedup', 'off', '--output-format', 'ninjs', '-o', out, '-q']);
    expect(result.code).toBe(0);
    const records = parseLines(readFileSync(out, 'utf8'));
    expect(records).toHaveLength(expected);
    for (const record of records) {
      expect(record['uri']).toMatch(/^urn:wire:[0-9a-f]{24}$/);
      if (haveOfficialNinjs) expectValidNinjs(record);
    }
  });
});

describe('wire ingest --format', () => {
  const dir = tempDir();

  it('forces a parser, and origin.format names the one used', async () => {
    const anpa = join(FIXTURES, 'anpa', 'reuters-headers', 'input.anpa');
    const result = await runCli(['ingest', anpa, '--format', 'iptc7901']);
    expect(result.code).toBe(0);
    expect(result.records.map((r) => (r['origin'] as { format: string }).format)).toEqual(['iptc7901', 'iptc7901']);
    expect(result.records[0]?.['headline']).toBe('LAKESIDE STEEL <LKS> TO CLOSE OHIO MILL');
  });

  it('fails an input that is not in the forced format, with a message that says so', async () => {
    const story = join(dir, 'story.txt');
    writeFileSync(story, 'HEADLINE\n\n    NEW YORK, March 3 - A plain story.\n Reuter\n');
    const result = await runCli(['ingest', story, '--format', 'nitf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not NITF');
    expect(result.stderr).toContain('no stories found');
  });

  it('rejects an unknown format name as a usage error, listing the choices', async () => {
    const result = await runCli(['ingest', 'x', '--format', 'telex']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('anpa');
    expect(result.stderr).toContain('newsml');
  });
});

describe('languages a format declares', () => {
  it('gives Reuters-21578 SGML stories English without the detector, as NITF gives its xml:lang', async () => {
    const input = join(FIXTURES, 'sgml', 'reuters21578', 'input.sgm');
    const declared = await runCli(['ingest', input, '--dedup', 'off', '--no-detect-language']);
    expect(declared.code, declared.stderr).toBe(0);
    expect(declared.records.length).toBeGreaterThan(1);
    expect(new Set(declared.records.map((r) => r['language']))).toEqual(new Set(['en']));
    // A plain-text story declares nothing: without the detector its language stays unknown.
    const plain = join(FIXTURES, 'plain', 'reuters-german-credits', 'input.txt');
    const undeclared = await runCli(['ingest', plain, '--dedup', 'off', '--no-detect-language']);
    expect(undeclared.records[0]?.['language']).toBeNull();
  });
});

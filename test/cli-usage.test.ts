import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';
import { articlePage, send, startServer, type TestServer } from './helpers/web-server.js';

const dir = tempDir();
const story = join(dir, 'story.txt');
writeFileSync(story, 'Exports rise\n\nSEOUL, Nov. 27 (Yonhap) -- Exports rose for a fourth month, officials said.\n');

describe('usage errors', () => {
  it('all start with the one prefix wire: error:, and point at the command’s own help', async () => {
    const results = await Promise.all([
      runCli(['ingest', '--dedupe', 'off', story]),
      runCli(['ingest', '--max-bytes', 'ten', story]),
      runCli(['watch', 'in']),
      runCli(['ingest', story, '-o', join(dir, 'missing', 'out.jsonl')]),
    ]);
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^wire: error: /);
      expect(result.stderr).not.toMatch(/^error:/m);
    }
    expect(results[0].stderr).toMatch(/\(run wire help ingest for usage and examples\)/);
    expect(results[2].stderr).toMatch(/say where records go: -o FILE, or --db URL[\s\S]*wire help watch/);
  });
});

describe('sizes', () => {
  it('take K, M and G suffixes, and refuse what is not a size', async () => {
    expect((await runCli(['ingest', story, '--max-bytes', '10M', '--max-story-bytes', '512K'])).code).toBe(0);
    const small = await runCli(['ingest', story, '--max-story-bytes', '40']);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/is larger than .* and was skipped/);
    const bad = await runCli(['ingest', story, '--max-story-bytes', '10Q']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected a size like 10M, 512K or 1048576/);
  });

  it('are shown in help as people write them', async () => {
    const help = (await runCli(['help', 'ingest'])).stdout;
    expect(help).toMatch(/--max-bytes <size>[\s\S]*?\(default:\s+10M\)/);
    expect(help).toMatch(/--max-story-bytes <size>[\s\S]*?\(default:\s+16M\)/);
    expect(help).not.toMatch(/16777216|10485760/);
  });
});

describe('help', () => {
  it('groups the options of ingest by input, output, dedup, web and display', async () => {
    const help = (await runCli(['help', 'ingest'])).stdout;
    const headings = help.split('\n').filter((line) => /^[A-Z][a-z]+:$/.test(line));
    expect(headings).toEqual(['Arguments:', 'Input:', 'Output:', 'Dedup:', 'Web:', 'Display:', 'Examples:']);
    expect(help).toMatch(/Output:\n {2}-o, --output <file>/);
    expect(help).toMatch(/Display:[\s\S]*--json-summary[\s\S]*-h, --help/);
  });

  it('groups the options of watch, with the folder first', async () => {
    const help = (await runCli(['watch', '--help'])).stdout;
    const headings = help.split('\n').filter((line) => /^[A-Z][a-z]+:$/.test(line));
    expect(headings).toEqual(['Arguments:', 'Folder:', 'Input:', 'Output:', 'Dedup:', 'Display:', 'Examples:']);
  });
});

describe('the closing summary', () => {
  it('says what a rerun did: 0 new, N already in the output', async () => {
    const out = join(tempDir(), 'wire.jsonl');
    const first = await runCli(['ingest', story, '-o', out]);
    expect(first.stderr).toMatch(/^wire: 1 input, 1 new, 0 already in .*wire\.jsonl, 0 failed in [\d.]+ s\n$/);
    const again = await runCli(['ingest', story, '-o', out]);
    expect(again.stderr).toMatch(/^wire: 1 input, 0 new, 1 already in .*wire\.jsonl, 0 failed in [\d.]+ s\n$/);
    const seen = await runCli(['ingest', story, story, '--state', join(dir, 'seen.state')]);
    expect(seen.stderr).toMatch(/^wire: 2 inputs, 1 new, 1 already seen, 0 failed/);
  });

  it('as JSON has the time the run started, what it wrote to, and the counts', async () => {
    const before = Date.now();
    const out = join(tempDir(), 'wire.jsonl');
    const result = await runCli(['ingest', story, join(dir, 'nowhere.txt'), '-o', out, '--json-summary']);
    expect(result.code).toBe(1);
    const last = result.stderr.trim().split('\n').at(-1)!;
    const summary = JSON.parse(last) as Record<string, unknown>;
    expect(summary).toMatchObject({
      command: 'ingest',
      output: out,
      total: 2,
      inputs: 2,
      stories: 1,
      duplicates: 0,
      failed: 1,
      interrupted: false,
      exit_code: 1,
      failures: [expect.objectContaining({ code: 'not-found' })],
    });
    const started = Date.parse(String(summary['started_at']));
    expect(started).toBeGreaterThanOrEqual(before - 1000);
    expect(started).toBeLessThanOrEqual(Date.now());
  });
});

describe('notes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    const page = articlePage('Fuel tax cut extended', [
      'SEOUL, Nov. 27 (Yonhap) -- The government extended a cut in fuel taxes by two months, officials said.',
    ]);
    server.route('/a', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else send(page, { etag: '"v1"' })(request, response);
    });
  });
  afterAll(() => server.close());

  it('such as a page unchanged since the last run (304) show only with --verbose', async () => {
    const out = join(tempDir(), 'wire.jsonl');
    const env = { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };
    expect((await runCli(['ingest', server.url('/a'), '-o', out], { env })).code).toBe(0);
    const quiet = await runCli(['ingest', server.url('/a'), '-o', out], { env });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toMatch(/304/);
    const verbose = await runCli(['ingest', server.url('/a'), '-o', out, '-v'], { env });
    expect(verbose.stderr).toMatch(/wire: info: .*\/a: unchanged since the last run \(HTTP 304\)/);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WIRE, runCli } from './helpers/cli.js';
import { hasScript, inTerminal } from './helpers/terminal.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const AP = join(FIXTURES, 'plain', 'ap-ednote-byline-credits', 'input.txt');

const COLOUR = /\u001b\[\d+m/;

/** The rows of one input line: `  8 dateline     | MILLBROOK, Iowa (AP) _` and the rows of its further pieces. */
function rows(stdout: string): Array<{ line: string; field: string; text: string }> {
  const out: Array<{ line: string; field: string; text: string }> = [];
  for (const row of stdout.split('\n')) {
    const match = /^\s*(b?\d+)?\s+([a-z_A-Z]+)\s*\| (.*)$/.exec(row);
    if (match) out.push({ line: match[1] ?? out.at(-1)?.line ?? '', field: match[2]!, text: match[3]! });
  }
  return out;
}

describe('wire ingest --explain', () => {
  it('marks each line of a plain story with the field it went to, numbered as in the file, and writes no records', async () => {
    const output = join(dir, 'never.jsonl');
    const result = await runCli(['ingest', '--explain', AP, '-o', output]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.state`)).toBe(false);
    expect(result.stderr).toContain('--explain prints to standard output and writes no records and no state');
    expect(result.stdout).toContain('(plain): each line, numbered as in the input, with the field it went to');
    expect(rows(result.stdout).map((r) => [r.line, r.field])).toEqual([
      ['1', 'headline'],
      ['3', 'ednote'],
      ['5', 'byline'],
      ['6', 'byline_title'],
      ['8', 'dateline'],
      ['8', 'body'],
      ['10', 'body'],
      ['12', 'body'],
      ['14', 'stripped'],
      ['16', 'credits'],
    ]);
    const source = readFileSync(AP, 'utf8').split('\n');
    expect(rows(result.stdout)[0]!.text).toBe(source[0]);
    expect(rows(result.stdout).find((r) => r.field === 'credits')!.text).toBe(source[15]);
    expect(result.stdout).not.toMatch(COLOUR);
  });

  it('numbers the stories of a pasted file as they are split, each from its own first line', async () => {
    const result = await runCli(['ingest', '--explain', join(FIXTURES, 'plain', 'pasted-agencies', 'input.txt')]);
    expect(result.code, result.stderr).toBe(0);
    const headings = result.stdout.split('\n').filter((line) => line.startsWith('-- story'));
    expect(headings).toEqual([
      '-- story 1, line 1: Ferry crews end two-week strike in Portville',
      '-- story 2, line 11: Grain prices climb as dry spell hits northern farms',
      '-- story 3, line 19: Museum returns carved masks to coastal villages',
      '-- story 4, line 26: Rail union calls weekend strike',
    ]);
    expect(
      rows(result.stdout)
        .filter((r) => r.field === 'credits')
        .map((r) => r.line),
    ).toEqual(['17', '18']);
    expect(
      rows(result.stdout)
        .filter((r) => r.field === 'source')
        .map((r) => r.text),
    ).toEqual(['jd/mk/rc', 'dpa kl xx']);
  });

  it('reads standard input when no input is named', async () => {
    const result = await runCli(['ingest', '--explain'], { stdin: readFileSync(AP) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^== - \(plain\)/);
    expect(rows(result.stdout)[0]).toEqual({ line: '1', field: 'headline', text: 'Small towns bet on broadband' });
  });

  it('marks the blocks a web page gave, and what the extractor took off, saying lines are not traced', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<!doctype html><html lang="en"><head><title>Harbour reopens | Example News</title>
<meta property="og:title" content="Harbour reopens"></head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
<article><h1>Harbour reopens</h1>
<p>PORTVILLE, March 3 (Example) -- The harbour reopened on Tuesday after a storm closed it for three days, officials said.</p>
<p>Advertisement</p>
<p>Ships waiting offshore began to enter the port in the morning, and the backlog should clear by the weekend.</p>
</article></body></html>`,
    );
    const result = await runCli(['ingest', '--explain', page]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('(html): lines are not traced for html: the blocks the reader took out of it');
    expect(rows(result.stdout).map((r) => [r.line, r.field])).toEqual([
      ['b1', 'headline'],
      ['b2', 'dateline'],
      ['b2', 'body'],
      ['b3', 'body'],
      ['b4', 'stripped'],
    ]);
    expect(rows(result.stdout).at(-1)!.text).toBe('Advertisement');
  });

  it('explains the blocks of a markup format (NITF) and goes on past an input that fails, exit 1', async () => {
    const missing = join(dir, 'missing.txt');
    const result = await runCli(['ingest', '--explain', missing, join(FIXTURES, 'nitf', 'full', 'input.xml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`wire: error: ${missing}`);
    expect(result.stdout).toContain('(nitf): lines are not traced for nitf');
    expect(rows(result.stdout).map((r) => r.field)).toEqual(expect.arrayContaining(['headline', 'dateline', 'body']));
  });

  it('is listed in ingest --help, saying that nothing is written', async () => {
    const result = await runCli(['help', 'ingest']);
    const help = result.stdout.replace(/\s+/g, ' ');
    expect(help).toContain("--explain print each story's lines marked with the field they went to");
    expect(help).toContain('writes nothing to -o, --db or the state');
  });

  it.runIf(hasScript)('colours the fields on a terminal, and not with NO_COLOR', () => {
    const shown = inTerminal(`node ${WIRE} ingest --explain ${AP}`);
    expect(shown).toMatch(COLOUR);
    expect(shown).toContain('headline');
    expect(inTerminal(`node ${WIRE} ingest --explain ${AP}`, { NO_COLOR: '1' })).not.toMatch(COLOUR);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/tmp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the npm package', () => {
  it('packs, installs globally into a fresh prefix, and its wire runs on a sample', () => {
    const dir = tempDir('wire-pack-');
    const npm = (args: string[], cwd = ROOT): string =>
      execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir])) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('bin/wire.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('schema/record.schema.json');
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);
    const prefix = join(dir, 'prefix');
    npm(
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(dir, packed[0]!.filename),
      ],
      dir,
    );
    const wire = join(prefix, 'bin', 'wire');
    expect(existsSync(wire)).toBe(true);
    const installed = join(prefix, 'lib', 'node_modules', 'wire', 'samples');
    const sample = join(installed, readdirSync(installed).sort()[0]!);
    const out = execFileSync(wire, ['ingest', sample], { encoding: 'utf8', cwd: dir });
    const record = JSON.parse(out.split('\n')[0]!) as { headline: string };
    expect(record.headline.length).toBeGreaterThan(0);
  }, 300_000);
});

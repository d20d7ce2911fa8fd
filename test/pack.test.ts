import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/tmp.js';
import { startServer } from './helpers/web-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/**
 * better-sqlite3's own install downloads its prebuilt binary (prebuild-install), and compiles SQLite from source,
 * minutes of it, where it cannot. The test serves the binary this checkout already has, in prebuild-install's
 * layout, from a local server named by the package's `binary_host` setting: the install takes the path a user's
 * install takes, without the internet and without the compile. Returns the settings, and the cache file to remove.
 */
function localPrebuild(
  dir: string,
  base: string,
): { env: NodeJS.ProcessEnv; path: string; file: string; cached: string } {
  const module = join(ROOT, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(module, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(dir, name), '-C', module, 'build/Release/better_sqlite3.node']);
  const url = `${base}/v${version}/${name}`;
  // Where prebuild-install keeps what it downloaded (a name from the URL, whose port is new each run).
  const digest = createHash('sha512').update(url).digest('hex').slice(0, 6);
  const cache = process.env['npm_config_cache'] ?? join(homedir(), '.npm');
  const cached = join(cache, '_prebuilds', `${digest}-${name.replace(/[^a-zA-Z0-9.]+/g, '-')}`);
  return {
    env: { npm_config_better_sqlite3_binary_host: base },
    path: new URL(url).pathname,
    file: join(dir, name),
    cached,
  };
}

describe('the npm package', () => {
  it('packs, installs globally into a fresh prefix, and its wire runs on a sample', async () => {
    const dir = tempDir('wire-pack-');
    const server = await startServer();
    const prebuild = localPrebuild(dir, server.url(''));
    let served = 0;
    server.route(prebuild.path, (_request, response) => {
      served++;
      response.writeHead(200, { 'content-type': 'application/gzip' }).end(readFileSync(prebuild.file));
    });
    const npm = async (args: string[], cwd = ROOT): Promise<string> => {
      const env = { ...process.env, ...prebuild.env, npm_config_loglevel: 'error' };
      return (await run('npm', args, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 })).stdout;
    };
    try {
      const packed = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir])) as Array<{
        filename: string;
        files: Array<{ path: string }>;
      }>;
      const files = packed[0]!.files.map((f) => f.path);
      expect(files).toContain('bin/wire.js');
      expect(files).toContain('dist/cli/main.js');
      // The CLI runs from its bundle, the worker of its parse pool included.
      expect(files).toContain('dist/bundle/main.js');
      expect(files).toContain('dist/bundle/worker.js');
      expect(files).toContain('schema/record.schema.json');
      expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);
      const prefix = join(dir, 'prefix');
      await npm(
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
      // better-sqlite3 was installed from the binary served here, not compiled.
      expect(served).toBe(1);
      const installed = join(prefix, 'lib', 'node_modules', 'wire', 'samples');
      const sample = join(installed, readdirSync(installed).sort()[0]!);
      const out = execFileSync(wire, ['ingest', sample], { encoding: 'utf8', cwd: dir });
      const record = JSON.parse(out.split('\n')[0]!) as { headline: string };
      expect(record.headline.length).toBeGreaterThan(0);
      // The installed better-sqlite3 loads: a run with an output file keeps its state in SQLite.
      const output = join(dir, 'out.jsonl');
      execFileSync(wire, ['ingest', sample, '-o', output, '-q'], { encoding: 'utf8', cwd: dir });
      expect(existsSync(`${output}.state`)).toBe(true);
    } finally {
      await server.close();
      rmSync(prebuild.cached, { force: true });
    }
    // npm pack and a global install from the cache: a minute or more on a loaded two-core machine (a limit only).
  }, 600_000);
});

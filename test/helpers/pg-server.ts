import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A throwaway PostgreSQL server for tests, the fault matrix and the bench: `initdb` in a temporary folder, loopback
 * only, a free port, run as the `postgres` user when we are root, stopped (and its folder removed) at the end. It has
 * one superuser, `wire`, with a password (scram-sha-256 over TCP), so tests can check that bad credentials fail.
 */
export interface PgServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The data folder (the server's log is `log` beside it). */
  readonly dir: string;
  /** `postgres://wire@127.0.0.1:PORT/NAME`: no password in it (give {@link env} to the process). */
  url(database?: string): string;
  /** The URL with the password in it. */
  urlWithPassword(database?: string): string;
  /** `PGPASSWORD` for a child process. */
  readonly env: Readonly<Record<string, string>>;
  /** Creates a fresh database and returns its name. */
  createDatabase(): string;
  /** Runs SQL with psql as the superuser and returns what it printed (unaligned, tuples only). */
  sql(sql: string, database?: string): string;
  /**
   * CPU seconds the server has spent so far (user and system): the postmaster, its processes running now, and those
   * that ended (a backend ends with its connection). A figure the load of other programs changes less than time does.
   */
  cpuSeconds(): number;
  /** Kills the postmaster and every backend with SIGKILL, as a crashed host would. */
  kill9(): Promise<void>;
  /** Starts the server again after {@link kill9} or {@link stop} (crash recovery runs). */
  start(): Promise<void>;
  /** Stops the server (fast shutdown) and keeps the folder. */
  stop(): void;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

const VERSIONS = ['17', '16', '15'];

/** The folder of PostgreSQL's programs (15 or later), or null when none is installed. */
export function postgresBin(): string | null {
  for (const version of VERSIONS) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path === '' ? null : path.replace(/\/initdb$/, '');
}

/**
 * Why PostgreSQL tests cannot run here, or null when they can. Under `CI=true` a missing server is an error, not a
 * skip: CI installs it (`.ci/run`), so its absence means the install broke.
 */
export function postgresMissing(): string | null {
  if (postgresBin() !== null) return null;
  const reason = 'PostgreSQL is not installed (apt-get install postgresql)';
  if (process.env['CI'] === 'true') throw new Error(`${reason}, and CI=true requires it`);
  return reason;
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, program: string, args: readonly string[], options: { input?: string } = {}): string {
  const command = asRoot ? 'runuser' : join(bin, program);
  const argv = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : [...args];
  const result = spawnSync(command, argv, { encoding: 'utf8', input: options.input ?? '', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Options of the throwaway server. */
export interface PgServerOptions {
  /** Keep fsync on (the bench measures durable commits); tests turn it off, which a process crash does not mind. */
  readonly durable?: boolean;
}

/** Starts a throwaway server; throws when PostgreSQL is missing (check {@link postgresMissing} first). */
export async function startPostgres(options: PgServerOptions = {}): Promise<PgServer> {
  const bin = postgresBin();
  if (bin === null) throw new Error('PostgreSQL is not installed');
  const root = mkdtempSync(join(tmpdir(), 'wire-pg-'));
  const dir = join(root, 'data');
  const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  const pwfile = join(root, 'pw');
  writeFileSync(pwfile, `${password}\n`);
  if (asRoot) chownSync(root, uid('postgres'), gid('postgres'));
  if (asRoot) chownSync(pwfile, uid('postgres'), gid('postgres'));
  run(bin, 'initdb', [
    '-D',
    dir,
    '-U',
    'wire',
    '--pwfile',
    pwfile,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${root}'`,
    `fsync = ${options.durable === true ? 'on' : 'off'}`,
    `synchronous_commit = ${options.durable === true ? 'on' : 'off'}`,
    'full_page_writes = off',
    'max_connections = 60',
    'shared_buffers = 64MB',
    "log_min_messages = 'warning'",
    'log_connections = on',
  ];
  writeFileSync(join(dir, 'postgresql.auto.conf'), `${settings.join('\n')}\n`);
  if (asRoot) chownSync(join(dir, 'postgresql.auto.conf'), uid('postgres'), gid('postgres'));
  const log = join(root, 'log');
  const host = '127.0.0.1';
  let databases = 0;
  const server: PgServer = {
    host,
    port,
    user: 'wire',
    password,
    dir,
    env: { PGPASSWORD: password },
    url: (database = 'postgres') => `postgres://wire@${host}:${port}/${database}`,
    urlWithPassword: (database = 'postgres') => `postgres://wire:${password}@${host}:${port}/${database}`,
    createDatabase() {
      const name = `t${process.pid}_${databases++}_${Math.random().toString(36).slice(2, 8)}`;
      server.sql(`CREATE DATABASE ${name}`);
      return name;
    },
    sql(sql, database = 'postgres') {
      return run(
        bin,
        'psql',
        ['-h', root, '-p', String(port), '-U', 'wire', '-d', database, '-XAtq', '-v', 'ON_ERROR_STOP=1'],
        {
          input: sql,
        },
      );
    },
    cpuSeconds() {
      const pid = postmasterPid(dir);
      if (pid === null) return 0;
      const own = cpuOf(pid);
      return childrenOf(pid).reduce((sum, child) => sum + cpuOf(child).self, own.self + own.children);
    },
    async kill9() {
      const pid = postmasterPid(dir);
      if (pid === null) return;
      const children = childrenOf(pid);
      killQuietly(pid);
      for (const child of children) killQuietly(child);
      for (let i = 0; i < 200 && [pid, ...children].some(exists); i++) await sleep(25);
      // A killed postmaster is nobody's child here and may stay a zombie a while; it holds nothing, but its pid in
      // postmaster.pid would make the next start refuse.
      if (exists(pid) && !alive(pid)) rmSync(join(dir, 'postmaster.pid'), { force: true });
    },
    async start() {
      run(bin, 'pg_ctl', ['-D', dir, '-l', log, '-w', '-t', '60', 'start']);
      await sleep(0);
    },
    stop() {
      if (postmasterPid(dir) !== null) {
        try {
          run(bin, 'pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
        } catch {
          // Already gone (killed): nothing to stop.
        }
      }
    },
    destroy() {
      server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

function postmasterPid(dir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** A process's CPU seconds (`/proc/PID/stat`): its own, and that of its children it has waited for. */
function cpuOf(pid: number): { self: number; children: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command: state is the 1st, utime the 12th, stime, cutime, cstime the next three.
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const tick = 100;
    return {
      self: ((fields[11] ?? 0) + (fields[12] ?? 0)) / tick,
      children: ((fields[13] ?? 0) + (fields[14] ?? 0)) / tick,
    };
  } catch {
    return { self: 0, children: 0 };
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) in parentheses: state, ppid, ...
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function uid(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}

function gid(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}

import { spawnSync } from 'node:child_process';

/** True when util-linux `script` is here to give a command a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs a shell command under a pseudo-terminal (util-linux `script`), returning what the terminal showed. */
export function inTerminal(command: string, env: NodeJS.ProcessEnv = {}, timeout = 60_000): string {
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: '120', ...env },
    encoding: 'utf8',
    timeout,
  });
  return result.stdout;
}

import { spawnSync } from 'node:child_process';

/** True when util-linux `script` is here to give a command a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * Runs a shell command under a pseudo-terminal (util-linux `script`) 200 columns wide, returning what the terminal
 * showed.
 */
export function inTerminal(command: string, env: NodeJS.ProcessEnv = {}, timeout = 60_000): string {
  const result = spawnSync('script', ['-qec', `stty cols 200 2>/dev/null; ${command}`, '/dev/null'], {
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    encoding: 'utf8',
    timeout,
  });
  return result.stdout;
}

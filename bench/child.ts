import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** What a child process cost: wall time and CPU time (user + system, all its threads), in seconds. */
export interface ChildCost {
  readonly wall: number;
  readonly cpu: number;
}

// Clock ticks a second of /proc's times (USER_HZ): 100 on Linux.
const TICKS = 100;

/** The CPU time of this process's waited-for children so far (cutime + cstime of /proc/self/stat), or NaN. */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The fields after the command name (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return NaN;
  }
}

/**
 * Runs `node ARGS` to the end and returns its wall and CPU time. CPU time is the steadier figure on a shared
 * machine: other processes stretch wall time, much less the work done.
 */
export function runNode(args: readonly string[]): ChildCost {
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wall, cpu: childrenCpu() - cpuBefore };
}

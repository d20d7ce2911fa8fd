import { cpus } from 'node:os';

interface Sample {
  /** CPU time in milliseconds: of all cores, idle and in all, and of this process (all its threads). */
  readonly idle: number;
  readonly total: number;
  readonly own: number;
  readonly cores: number;
}

function sample(): Sample {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  const { user, system } = process.cpuUsage();
  return { idle, total, own: (user + system) / 1000, cores: all.length };
}

/**
 * The cores a worker thread could have, from the kernel's per-core counters (`/proc/stat` on Linux) and this
 * process's own CPU time: the cores, less what other programs keep busy, less one for this process's main thread.
 * A parse worker pays only on a core that would otherwise sit idle: four ingesters on two cores, each with a worker of
 * its own, put eight busy threads and the database server on two cores and ran 20 % slower than four without workers.
 * This process's own other threads (V8 compiling and collecting, busiest while the code warms up) are not counted
 * against it: they kept about 0.6 of a core busy in the first second of a lone run.
 */
export class SpareCores {
  private last = sample();
  private lastAt = performance.now();

  /**
   * The spare cores on average since the last reading (or since this was made), or null when less than `ms` have
   * passed: the kernel's counters tick every 10 ms, so a shorter window says little.
   */
  since(ms: number): number | null {
    const at = performance.now();
    if (at - this.lastAt < ms) return null;
    const now = sample();
    const total = now.total - this.last.total;
    const window = total / now.cores;
    const busy = total - (now.idle - this.last.idle);
    const others = window > 0 ? Math.max(0, busy - (now.own - this.last.own)) / window : 0;
    this.last = now;
    this.lastAt = at;
    return now.cores - others - 1;
  }
}

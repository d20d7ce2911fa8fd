import { availableParallelism, cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SpareCores } from '../src/pipeline/cores.js';
import { workersFor } from '../src/pipeline/pool.js';

describe('the cores a run may take for workers', () => {
  it('reads nothing before its window has passed, then at most the cores beside the main thread', () => {
    const spare = new SpareCores();
    expect(spare.since(10_000)).toBeNull();
    // Busy for a while on this thread: its own CPU is not counted against the machine.
    const until = performance.now() + 150;
    let n = 0;
    while (performance.now() < until) n += Math.sqrt(n + 1);
    const read = spare.since(100);
    expect(read).not.toBeNull();
    expect(read!).toBeLessThanOrEqual(cpus().length - 1 + 1e-9);
    expect(read!).toBeGreaterThanOrEqual(-1);
    // The window starts again at each reading.
    expect(spare.since(100)).toBeNull();
  });

  it('starts no worker with less than half a core spare, and one per spare core up to one fewer than the cores', () => {
    const most = Math.max(1, Math.min(4, availableParallelism() - 1));
    expect(workersFor(-0.5)).toBe(0);
    expect(workersFor(0.49)).toBe(0);
    expect(workersFor(0.5)).toBe(1);
    expect(workersFor(1.9)).toBe(1);
    expect(workersFor(64)).toBe(most);
  });
});

import { sleep } from './retry.js';

/**
 * Politeness towards each host: at most `perHost` requests in flight to one host, and at least `delayMs` between the
 * starts of two of them. Waiters are served first come, first served, so input order is kept as far as it can be.
 */
export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly perHost: number,
    private readonly delayMs: number,
  ) {}

  /** Runs `task` when the host has a free slot (and its delay has passed), then frees the slot. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.stateOf(host);
    await this.acquire(state);
    try {
      return await task();
    } finally {
      this.release(host, state);
    }
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, queue: [], nextStart: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  private async acquire(state: HostState): Promise<void> {
    if (state.active >= this.perHost || state.queue.length > 0) {
      await new Promise<void>((resolve) => state.queue.push(resolve));
    } else {
      state.active++;
    }
    if (this.delayMs > 0) {
      const now = Date.now();
      const start = Math.max(now, state.nextStart);
      state.nextStart = start + this.delayMs;
      if (start > now) await sleep(start - now);
    }
  }

  private release(host: string, state: HostState): void {
    const next = state.queue.shift();
    if (next) {
      // The slot passes straight to the next waiter; `active` stays the same.
      next();
      return;
    }
    state.active--;
    if (state.active === 0 && this.delayMs === 0) this.hosts.delete(host);
  }
}

interface HostState {
  active: number;
  readonly queue: Array<() => void>;
  nextStart: number;
}

/**
 * A set of 64-bit keys given as 16 hex digits, in flat typed arrays: 8 bytes a key (at most half full), where a
 * `Set<string>` of the same keys costs over 100 bytes each. Remembers a run's exact fingerprints in bounded memory.
 */
export class HexSet64 {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private used = new Uint8Array(1024);
  private count = 0;

  /** Number of keys in the set. */
  get size(): number {
    return this.count;
  }

  /** Adds a key; returns false when it was already there. */
  add(hex: string): boolean {
    if ((this.count + 1) * 2 > this.used.length) this.resize(this.used.length * 2);
    return this.insert(parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0);
  }

  /** True when the key is in the set. */
  has(hex: string): boolean {
    const hi = parseInt(hex.slice(0, 8), 16) >>> 0;
    const lo = parseInt(hex.slice(8, 16), 16) >>> 0;
    const mask = this.used.length - 1;
    for (let at = (hi ^ lo) & mask; this.used[at] === 1; at = (at + 1) & mask) {
      if (this.hi[at] === hi && this.lo[at] === lo) return true;
    }
    return false;
  }

  private insert(hi: number, lo: number): boolean {
    const mask = this.used.length - 1;
    let at = (hi ^ lo) & mask;
    for (; this.used[at] === 1; at = (at + 1) & mask) {
      if (this.hi[at] === hi && this.lo[at] === lo) return false;
    }
    this.used[at] = 1;
    this.hi[at] = hi;
    this.lo[at] = lo;
    this.count++;
    return true;
  }

  private resize(capacity: number): void {
    const { hi, lo, used } = this;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.count = 0;
    for (let i = 0; i < used.length; i++) if (used[i] === 1) this.insert(hi[i]!, lo[i]!);
  }
}

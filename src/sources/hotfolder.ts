import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OwnFiles } from './own.js';

// Names that uploads carry until they are renamed into place.
const IN_PROGRESS = /\.(?:tmp|temp|part|partial|filepart|crdownload|download|uploading)$|~$/i;

/** What one poll of a hot folder found ready, by path. */
interface Seen {
  readonly size: number;
  readonly mtimeMs: number;
  readonly since: number;
}

/**
 * A hot folder, as wire services deliver by FTP: files dropped into a directory are handed out once they are
 * complete — their size and modification time unchanged for `settleMs` (a file renamed into place is complete at
 * once, but still waits one settle period) — and are moved to `.done/` or `.failed/` once ingested, so a restart
 * never hands out the same file twice. Hidden files, upload temporaries (`*.part`, `*.tmp`) and the watch's own
 * files are left alone.
 */
export class HotFolder {
  private readonly seen = new Map<string, Seen>();

  constructor(
    readonly dir: string,
    private readonly settleMs: number,
    /** The watch's own files (its output, state, lock), when they are inside the folder: never handed out. */
    private readonly own: OwnFiles | null = null,
  ) {}

  /** How many files are present but not yet complete or not yet handed out. */
  get waiting(): number {
    return this.seen.size;
  }

  /** The files that are ready now, in name order. */
  ready(now = Date.now()): string[] {
    const ready: string[] = [];
    const present = new Set<string>();
    for (const name of readdirSync(this.dir).sort()) {
      if (name.startsWith('.') || IN_PROGRESS.test(name)) continue;
      const path = join(this.dir, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue; // gone between the listing and the stat: it was being moved
      }
      if (!stats.isFile() || (this.own?.roleOf(path, stats) ?? null) !== null) continue;
      present.add(path);
      const before = this.seen.get(path);
      if (!before || before.size !== stats.size || before.mtimeMs !== stats.mtimeMs) {
        this.seen.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, since: now });
      } else if (now - before.since >= this.settleMs) {
        ready.push(path);
      }
    }
    for (const path of this.seen.keys()) if (!present.has(path)) this.seen.delete(path);
    return ready;
  }

  /** Moves an ingested file to `.done/`. */
  done(path: string): string {
    this.seen.delete(path);
    return this.moveTo(path, '.done');
  }

  /** Moves a file that failed to `.failed/`, with a `.reason` file beside it saying why. */
  failed(path: string, reason: string): string {
    this.seen.delete(path);
    const moved = this.moveTo(path, '.failed');
    writeFileSync(`${moved}.reason`, reason.endsWith('\n') ? reason : `${reason}\n`);
    return moved;
  }

  private moveTo(path: string, folder: string): string {
    const target = join(this.dir, folder);
    mkdirSync(target, { recursive: true });
    let destination = join(target, basename(path));
    // A file of the same name delivered again keeps both: the later one gets a time stamp.
    if (existsSync(destination)) destination = `${destination}.${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, destination);
    return destination;
  }
}

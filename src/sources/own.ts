import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** A file the run itself writes (its output, dedup state, lock, rejected lines, duplicates), and what it is. */
export interface OwnFile {
  readonly path: string;
  /** What the file is to the run, for the message: `output`, `dedup state`, `lock`... */
  readonly role: string;
}

/**
 * Recognizes the run's own files among its inputs, so that `wire ingest . -o out.jsonl` never reads `out.jsonl`,
 * its `.state`, `-wal`, `-shm` or `.lock` back. A file is matched by its absolute path, and also by device and
 * inode when it exists, so a symbolic link or another spelling of the path is caught too.
 */
export class OwnFiles {
  private readonly byPath = new Map<string, string>();
  private readonly byInode = new Map<string, string>();

  constructor(files: readonly OwnFile[]) {
    for (const { path, role } of files) {
      this.byPath.set(resolve(path), role);
      try {
        const info = statSync(path);
        if (info.isFile()) this.byInode.set(`${info.dev}:${info.ino}`, role);
      } catch {
        // Not there (yet): its path is enough.
      }
    }
  }

  /** The role of `path` when it is one of the run's files, else null; `info` is its stat when the caller has it. */
  roleOf(path: string, info?: { readonly dev: number; readonly ino: number }): string | null {
    return (
      this.byPath.get(resolve(path)) ??
      (info === undefined ? null : (this.byInode.get(`${info.dev}:${info.ino}`) ?? null))
    );
  }

  /** True when there is nothing to look for. */
  get empty(): boolean {
    return this.byPath.size === 0;
  }
}

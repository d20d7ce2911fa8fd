import type { OwnFile } from '../sources/own.js';

/** Where a run writes: every path is null when the run does not write it. */
export interface RunPaths {
  readonly output: string | null;
  readonly state: string | null;
  readonly lock: string | null;
  readonly duplicates: string | null;
}

// SQLite's companions of a database in WAL mode (and in rollback mode), and a damaged state moved aside.
const STATE_SUFFIXES = ['', '-wal', '-shm', '-journal', '.corrupt', '.corrupt-wal', '.corrupt-shm'];

/**
 * The files a run writes, which it must never read back as inputs: `wire ingest . -o out.jsonl` run in the folder
 * it ingests would otherwise take its own output, state and lock for wire copy.
 */
export function ownFiles(paths: RunPaths): OwnFile[] {
  const files: OwnFile[] = [];
  if (paths.output !== null) {
    files.push({ path: paths.output, role: 'output' });
    files.push({ path: `${paths.output}.rejected`, role: 'rejected lines' });
  }
  if (paths.state !== null) {
    for (const suffix of STATE_SUFFIXES) files.push({ path: `${paths.state}${suffix}`, role: 'dedup state' });
  }
  if (paths.lock !== null) files.push({ path: paths.lock, role: 'lock' });
  if (paths.duplicates !== null) files.push({ path: paths.duplicates, role: 'duplicates file' });
  return files;
}

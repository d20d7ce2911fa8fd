import type { IngestSummary, InputFailure } from '../pipeline/run.js';

/** The running account of a watch, file by file, for its closing summary. */
export class WatchTally {
  private readonly started = performance.now();
  private files = 0;
  private stories = 0;
  private duplicates = 0;
  private versions = 0;
  private readonly failures: InputFailure[] = [];
  /** Files that failed. */
  failed = 0;

  /** Counts one file's run. */
  add(run: IngestSummary): void {
    this.files++;
    this.stories += run.stories;
    this.duplicates += run.duplicates;
    this.versions += run.versions;
    if (run.failures.length > 0) this.failed++;
    this.failures.push(...run.failures);
  }

  /** The watch so far, in the shape of a run's summary: each file is an input. */
  summary(interrupted: boolean): IngestSummary {
    return {
      total: this.files,
      inputs: this.files,
      stories: this.stories,
      duplicates: this.duplicates,
      versions: this.versions,
      failed: this.failed,
      failures: this.failures,
      seconds: (performance.now() - this.started) / 1000,
      interrupted,
    };
  }
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';
import { readLabels } from './agency-accuracy.js';
import { corpusDir } from './corpus.js';

/** How `cat agency/*.txt > all.txt` comes out: stories split apart, and stories that stayed merged. */
export interface PastedAccuracy {
  readonly files: number;
  /** Files whose story opens with a dateline naming an agency or a date: the ones framing can split off. */
  readonly withDateline: number;
  readonly records: number;
  /** Files whose headline is a record's headline (the story was split off where it starts). */
  readonly headlinesFound: number;
  readonly warnings: number;
}

/**
 * Pastes every story of agencies-dev into one file, as `cat` does (each file ends with a newline, nothing between),
 * ingests it, and counts the records and how many of the files' headlines came out as a record's headline.
 */
export async function run(): Promise<PastedAccuracy | null> {
  console.log('pasted stories: agencies-dev pasted together with cat, no separators (whole pipeline)');
  const dir = corpusDir('agencies-dev');
  if (dir === null) return null;
  const labels = readLabels(dir);
  const temp = mkdtempSync(join(tmpdir(), 'wire-pasted-'));
  try {
    const path = join(temp, 'all.txt');
    writeFileSync(path, Buffer.concat(labels.map((label) => readFileSync(join(dir, label.file)))));
    const sink = new MemorySink();
    let warnings = 0;
    await ingest({
      inputs: [path],
      sink,
      dedup: 'off',
      parallel: false,
      onDiagnostic: (d) => void (d.code === 'pasted-stories' && warnings++),
    });
    const headlines = new Set(sink.records.map((record) => record.headline));
    const result: PastedAccuracy = {
      files: labels.length,
      withDateline: labels.filter((label) => label.location !== null || label.month_day !== null).length,
      records: sink.records.length,
      headlinesFound: labels.filter(
        (label) => headlines.has(label.headline) || headlines.has(label.headline_markers_removed ?? ''),
      ).length,
      warnings,
    };
    console.log(`  files                   ${result.files} (${result.withDateline} open with a dateline)`);
    console.log(`  records written         ${result.records}`);
    console.log(`  headlines split off     ${result.headlinesFound} / ${result.files}`);
    console.log(`  pasted-stories warnings ${result.warnings}`);
    return result;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

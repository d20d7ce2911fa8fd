import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';
import { corpusDir, readReuters } from './corpus.js';
import { readSlugLines, scoreRecords, type FieldAgreement } from './formats-truth.js';
import { writeReframedStream } from './reframe.js';

/** Figures of the formats accuracy benchmark. */
export interface FormatsAccuracy {
  /** The `.sgm` files parsed directly by the `sgml` format. */
  readonly sgml: FieldAgreement;
  /** The same stories re-framed as the ANPA-1312 stream they came from, parsed by the `anpa` format. */
  readonly anpa: FieldAgreement;
}

/**
 * Parses the `.sgm` files of Reuters-21578 with the `sgml` format through the whole pipeline (framing, latin-1
 * decoding, parsing, normalization) and scores each record against its own SGML tags. Then puts every story back
 * into the ANPA-1312 frame it was cut from (the UNKNOWN header, STX, the text, ETX), runs that stream through the
 * pipeline with detection on, and scores it the same way. The truth is read with plain regular expressions,
 * independently of the parsers (bench/formats-truth.ts).
 */
export async function run(): Promise<FormatsAccuracy | null> {
  console.log('formats accuracy on Reuters-21578: the .sgm files parsed directly (sgml)');
  const dir = corpusDir('reuters21578');
  if (dir === null) return null;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sgm'))
    .sort()
    .map((f) => join(dir, f));
  const docs = readReuters(dir);
  const slugLines = readSlugLines(files);
  const direct = new MemorySink();
  await ingest({ inputs: files, sink: direct, dedup: 'off' });
  const byId = new Map(direct.records.map((s) => [s.altids?.['newid'] ?? '', s]));
  const sgml = scoreRecords(docs, (doc) => byId.get(doc.newid) ?? null, slugLines, direct.records.length);

  console.log('\nthe same stories re-framed as one ANPA-1312 stream (anpa, detected)');
  const tmp = mkdtempSync(join(tmpdir(), 'wire-bench-'));
  try {
    const stream = join(tmp, 'reuters-1987.anpa');
    writeReframedStream(files, stream);
    const framed = new MemorySink();
    await ingest({ inputs: [stream], sink: framed, dedup: 'off' });
    const formats = new Set(framed.records.map((r) => r.origin.format));
    if (framed.records.length !== docs.length || formats.size !== 1 || !formats.has('anpa')) {
      console.log(
        `  warning: ${framed.records.length} records (${[...formats].join(', ')}) for ${docs.length} stories`,
      );
    }
    const anpa = scoreRecords(docs, (_doc, i) => framed.records[i] ?? null, slugLines, framed.records.length);
    return { sgml, anpa };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

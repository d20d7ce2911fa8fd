import { parentPort } from 'node:worker_threads';
import { runBatch, type Batch } from './batch.js';

/** A worker thread of the parse pool: batches in, records out, in the order they came. */
parentPort?.on('message', (message: { id: number; batch: Batch }) => void handle(message));

async function handle(message: { id: number; batch: Batch }): Promise<void> {
  try {
    const result = await runBatch(message.batch);
    // Hand the buffer of lines over instead of copying it.
    const buffer = result.records.bytes.buffer as ArrayBuffer;
    parentPort?.postMessage({ id: message.id, result }, [buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
}

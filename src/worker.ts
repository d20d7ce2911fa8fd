import { parentPort } from 'node:worker_threads';
import { processBatch, type Batch } from './stages.js';

/** A worker thread of the parse pool: batches in, records out, in the order they came. */
parentPort?.on('message', (message: { id: number; batch: Batch }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: processBatch(message.batch) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});

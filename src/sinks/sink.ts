import type { Emitted } from '../types.js';

/** Where records go. Writes are whole lines; `close` flushes everything written. */
export interface Sink {
  write(record: Emitted): Promise<void> | void;
  close(): Promise<void>;
}

import type { Story } from '../types.js';

/** Where records go. Writes are whole lines; `close` flushes everything written. */
export interface Sink {
  write(story: Story): Promise<void> | void;
  close(): Promise<void>;
}

/** Where records go: bytes holding whole JSON lines. `close` flushes everything written. */
export interface Sink {
  write(lines: Uint8Array): Promise<void> | void;
  close(): Promise<void>;
}

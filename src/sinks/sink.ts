/** Where records go: bytes holding whole JSON lines. `close` flushes everything written. */
export interface Sink {
  write(lines: Uint8Array): Promise<void> | void;
  close(): Promise<void>;
  /**
   * Makes everything written so far durable and returns the output's length in bytes (a file), or null (a stream
   * that cannot be read back). The dedup store records that length as the part of the output it has absorbed.
   */
  checkpoint?(): Promise<number | null> | number | null;
}

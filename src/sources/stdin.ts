import type { RawInput } from '../types.js';

/** Standard input as an input named `-`. */
export function openStdin(stream: AsyncIterable<Uint8Array> = process.stdin): RawInput {
  return { type: 'stdin', location: '-', chunks: stream, modified: null };
}

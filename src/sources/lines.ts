import { openStdin } from './stdin.js';
import { openFile } from './file.js';
import { gunzipped } from './gzip.js';

/** One line of a text input, with its 1-based number; `ended` is false for a last line without its newline. */
export interface NumberedLine {
  readonly text: string;
  readonly number: number;
  readonly ended: boolean;
}

/**
 * The lines of a file (or `-`, standard input), read as a stream in UTF-8 and decompressed when gzip, for the
 * commands that read wire's own JSON lines back (`wire stats`, `wire validate`). Throws an InputError when the file
 * cannot be opened or its gzip data is damaged.
 */
export async function* readLines(location: string): AsyncGenerator<NumberedLine> {
  const raw = location === '-' ? openStdin() : await openFile(location);
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let number = 0;
  for await (const chunk of gunzipped(raw.chunks, raw.location)) {
    const text = carry + decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let nl = text.indexOf('\n', from); nl !== -1; nl = text.indexOf('\n', from)) {
      yield { text: text.slice(from, nl).replace(/\r$/, ''), number: ++number, ended: true };
      from = nl + 1;
    }
    carry = text.slice(from);
  }
  carry += decoder.decode();
  if (carry !== '') yield { text: carry, number: ++number, ended: false };
}

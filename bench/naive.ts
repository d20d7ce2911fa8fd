import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * The naive baseline the speed benchmarks measure against: read the file as a stream, split it on the separator,
 * `JSON.stringify` each piece, write it. What anyone would write in ten minutes; `wire` must keep up while doing the
 * real work. Run as its own process (`node naive.js INPUT OUTPUT [SEPARATOR]`) so that both sides pay for start-up.
 */
export async function naive(
  inputs: readonly string[],
  output: string,
  separator = '\f',
  encoding: BufferEncoding = 'utf8',
): Promise<number> {
  const out = createWriteStream(output);
  let count = 0;
  for (const input of inputs) {
    let pending = '';
    for await (const chunk of createReadStream(input, { encoding, highWaterMark: 1 << 20 })) {
      const pieces = (pending + (chunk as string)).split(separator);
      pending = pieces.pop() ?? '';
      for (const text of pieces) {
        count++;
        if (!out.write(`${JSON.stringify({ text })}\n`)) await once(out, 'drain');
      }
    }
    if (pending.trim() !== '') out.write(`${JSON.stringify({ text: pending })}\n`);
  }
  out.end();
  await once(out, 'close');
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output, separator] = process.argv.slice(2);
  if (input === undefined || output === undefined) throw new Error('usage: naive.js INPUT OUTPUT [SEPARATOR]');
  await naive([input], output, separator);
}

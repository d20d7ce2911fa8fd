import { readFileSync, writeFileSync } from 'node:fs';
import { decodeEntities } from './corpus.js';

/**
 * Writes the stories of Reuters-21578 `.sgm` files back into the ANPA-1312 stream they were cut from: for each
 * story, its UNKNOWN blocks (ENQ routing, SYN SYN SOH identity line, slug line) and its TEXT with the SGML tags taken
 * out (STX, headline line, the indented dateline running into the body, ` Reuter`, ETX), entities decoded, latin-1.
 * The corpus's filler for title-only items (`Blah blah blah.`) is left out: it was never on the wire.
 */
export function writeReframedStream(files: readonly string[], path: string): number {
  const frames: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const match of text.matchAll(/<REUTERS[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const inner = match[1] ?? '';
      // Routing codes that the corpus left at the end of <DATE> belong to this story's header.
      const dateJunk = /<DATE>[^<&]*((?:&#5;)[^<]*)<\/DATE>/.exec(inner)?.[1] ?? '';
      const unknown = [...inner.matchAll(/<UNKNOWN>([\s\S]*?)<\/UNKNOWN>/g)].map((m) => m[1] ?? '').join('\n');
      const body = /<TEXT[^>]*>([\s\S]*?)<\/TEXT>/.exec(inner)?.[1] ?? '';
      const wire = body
        .replace(/<\/?(?:TITLE|AUTHOR|DATELINE|BODY)>/g, (tag) =>
          tag === '</TITLE>' || tag === '</AUTHOR>' ? '\n' : '',
        )
        .replace(/^Blah blah blah\.\n/m, '');
      frames.push(decodeEntities(`${dateJunk}${unknown}\n${wire}\n`));
    }
  }
  writeFileSync(path, frames.join(''), 'latin1');
  return frames.length;
}

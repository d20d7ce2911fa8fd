import { readFileSync } from 'node:fs';
import { EXIT } from './exit.js';

/** Prints the record's JSON Schema, as shipped in the package. */
export function printSchema(): number {
  process.stdout.write(readFileSync(new URL('../../schema/record.schema.json', import.meta.url), 'utf8'));
  return EXIT.ok;
}

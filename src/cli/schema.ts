import { readFileSync } from 'node:fs';
import { EXIT } from './exit.js';

const FILES = { jsonl: 'record.schema.json', ninjs: 'ninjs-extension.schema.json' } as const;

/** Prints the JSON Schema of an output format, as shipped in the package's `schema/` folder. */
export function printSchema(format: keyof typeof FILES): number {
  process.stdout.write(readFileSync(new URL(`../../schema/${FILES[format]}`, import.meta.url), 'utf8'));
  return EXIT.ok;
}

import { readFileSync } from 'node:fs';
import { EXIT } from './exit.js';
import { packageFile } from '../package-file.js';

const FILES = { jsonl: 'record.schema.json', ninjs: 'ninjs-extension.schema.json' } as const;

/** Prints the JSON Schema of an output format, as shipped in the package's `schema/` folder. */
export function printSchema(format: keyof typeof FILES): number {
  process.stdout.write(readFileSync(packageFile(`schema/${FILES[format]}`), 'utf8'));
  return EXIT.ok;
}

import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';

/** The shipped schema, found from here upwards (this file also runs compiled, from `.faults-build/`). */
function schemaUrl(): URL {
  for (let up = '../../'; up.length < 20; up += '../') {
    const url = new URL(`${up}schema/record.schema.json`, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error('schema/record.schema.json not found above test/helpers');
}

const schema = JSON.parse(readFileSync(schemaUrl(), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/**
 * The ways a record breaks the shipped JSON Schema (empty when it matches). Free of vitest, so that the fault
 * matrix's fuzzer can use it too.
 */
export function recordErrors(record: unknown): ErrorObject[] {
  return validate(record) ? [] : [...(validate.errors ?? [])];
}

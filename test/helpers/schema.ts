import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

const schema = JSON.parse(readFileSync(new URL('../../schema/record.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** Asserts that a record matches the shipped JSON Schema, printing the schema errors when it does not. */
export function expectValidRecord(record: unknown): void {
  const ok = validate(record);
  expect(ok ? [] : validate.errors).toEqual([]);
}

import { expect } from 'vitest';
import { recordErrors } from './record-schema.js';

/** Asserts that a record matches the shipped JSON Schema, printing the schema errors when it does not. */
export function expectValidRecord(record: unknown): void {
  expect(recordErrors(record)).toEqual([]);
}

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

/** The official ninjs 2.1 schema, beside the project (absent on users' machines: then the checks are skipped). */
const OFFICIAL = fileURLToPath(
  new URL(process.env['WIRE_STANDARDS'] ?? '../../../shared/standards/ninjs-schema_2.1.json', import.meta.url),
);

/** True when the official schema is there to validate against. */
export const haveOfficialNinjs = existsSync(OFFICIAL);

const readJson = (url: URL | string): object => JSON.parse(readFileSync(url, 'utf8')) as object;

interface Validators {
  readonly official: ValidateFunction;
  readonly extension: ValidateFunction;
}

let validators: Validators | null = null;

function load(): Validators {
  // ajv-formats is CommonJS: its default export arrives as the module object under some loaders.
  type Plugin = (ajv: Ajv2020) => Ajv2020;
  const addFormats = ((addFormatsModule as unknown as { default?: Plugin }).default ??
    addFormatsModule) as unknown as Plugin;
  // Not strict: the official schema itself trips ajv's strictRequired (contactinfoType's oneOf).
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(readJson(new URL('../../schema/record.schema.json', import.meta.url)));
  // ninjs 2.1 refers to GeoJSON's schema for `places[].geojson`, which we never write. Tests stay offline, so an
  // object-only stand-in is registered under its id; every property we do write is checked in full.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  const official = ajv.compile(readJson(OFFICIAL));
  const extension = ajv.compile(readJson(new URL('../../schema/ninjs-extension.schema.json', import.meta.url)));
  return { official, extension };
}

/**
 * Asserts that a ninjs record is valid against our extension (which is the official ninjs 2.1 schema's ninjsType
 * plus `wire`), and that without `wire` it is valid against the official schema as published.
 */
export function expectValidNinjs(record: Record<string, unknown>): void {
  validators ??= load();
  const { wire: _wire, ...official } = record;
  const okExtension = validators.extension(record);
  expect(okExtension ? [] : validators.extension.errors).toEqual([]);
  const okOfficial = validators.official(official);
  expect(okOfficial ? [] : validators.official.errors).toEqual([]);
}

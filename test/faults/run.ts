/**
 * `npm run test:faults`: the fault and bad-input matrix. Each row runs the built CLI against a fault — kill -9,
 * overlapping runs, bad inputs among good ones, a full disk, a damaged store, many hosts on one PostgreSQL — or fuzzes
 * a parser, and prints one
 * line: what happened, and what was lost or duplicated, as checked in the output and the store. `FAULTS=full` runs
 * the sizes the README's guarantees are stated for; `FAULTS_ONLY=regex` runs the rows whose names match.
 */
import { badFileCases } from './bad-files.js';
import { badWebCases } from './bad-web.js';
import { fuzzCases } from './fuzz.js';
import { killCases } from './kill.js';
import { FULL, runCases, type Case } from './matrix.js';
import { overlapCases } from './overlap.js';
import { pgCases } from './pg.js';
import { resourceCases } from './resources.js';
import { storeCases } from './store.js';

const cases: Case[] = [
  ...killCases,
  ...overlapCases,
  ...badFileCases,
  ...badWebCases,
  ...resourceCases,
  ...storeCases,
  ...pgCases,
  ...fuzzCases,
];

const only = process.env['FAULTS_ONLY'] ? new RegExp(process.env['FAULTS_ONLY'], 'i') : null;
console.log(`wire fault matrix (${FULL ? 'full' : 'CI sample; FAULTS=full for the full run'})`);
const started = performance.now();
const { failed, ran } = await runCases(cases, only);
const minutes = ((performance.now() - started) / 60000).toFixed(1);
console.log(`${ran} cases, ${failed} failed, in ${minutes} min`);
process.exitCode = failed > 0 ? 1 : 0;

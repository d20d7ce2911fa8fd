/**
 * `npm run bench`: every speed and memory benchmark, each against its baseline measured in the same run (ratios,
 * since machines are noisy). BENCH_ONLY=name,name runs a subset; BENCH_MB and BENCH_MEMORY_MB shrink the inputs.
 */
import * as dedupScale from './dedup-scale.js';
import * as dedupTemplated from './dedup-templated.js';
import * as formatsSpeed from './formats-speed.js';
import * as memory from './memory.js';
import * as pg from './pg.js';
import * as plainSpeed from './plain-speed.js';
import * as stages from './stages.js';
import * as startup from './startup.js';
import * as webFetch from './web-fetch.js';
import * as webSpeed from './web-speed.js';

const BENCHES: ReadonlyArray<readonly [string, () => unknown]> = [
  ['stages', () => stages.run()],
  ['plain-speed', () => plainSpeed.run()],
  ['formats-speed', () => formatsSpeed.run()],
  ['dedup-templated', () => dedupTemplated.run()],
  ['dedup-scale', () => dedupScale.run()],
  ['web-speed', () => webSpeed.run()],
  ['web-fetch', () => webFetch.run()],
  ['startup', () => startup.run()],
  ['memory', () => memory.run()],
  ['pg', () => pg.run()],
];

const only = process.env['BENCH_ONLY']?.split(',');
const results: Record<string, unknown> = {};
for (const [name, run] of BENCHES) {
  if (only && !only.includes(name)) continue;
  results[name] = await run();
  console.log('');
}
if (process.env['BENCH_JSON']) console.log(JSON.stringify(results, null, 2));

/** `npm run bench:accuracy`: accuracy on the real copy in ../shared/corpus (skipped when it is absent). */
import * as agencyAccuracy from './agency-accuracy.js';
import * as dedupQuality from './dedup-quality.js';
import * as formatsAccuracy from './formats-accuracy.js';
import * as pastedAccuracy from './pasted-accuracy.js';
import * as plainAccuracy from './plain-accuracy.js';
import * as renderedAccuracy from './rendered-accuracy.js';
import * as stressAccuracy from './stress-accuracy.js';
import * as superdeskAccuracy from './superdesk-accuracy.js';
import * as webAccuracy from './web-accuracy.js';

const BENCHES: ReadonlyArray<readonly [string, () => unknown]> = [
  ['plain', () => plainAccuracy.run()],
  ['agencies', () => agencyAccuracy.run()],
  ['rendered', () => renderedAccuracy.run()],
  ['pasted', () => pastedAccuracy.run()],
  ['stress', () => stressAccuracy.run()],
  ['formats', () => formatsAccuracy.run()],
  ['superdesk', () => superdeskAccuracy.run()],
  ['web', () => webAccuracy.run()],
  ['dedup', () => dedupQuality.run()],
];

const only = process.env['BENCH_ONLY']?.split(',');
for (const [name, run] of BENCHES) {
  if (only && !only.includes(name)) continue;
  await run();
  console.log('');
}

/** `npm run bench:accuracy`: accuracy on the real copy in ../shared/corpus (skipped when it is absent). */
import * as plainAccuracy from './plain-accuracy.js';

const BENCHES: ReadonlyArray<readonly [string, () => unknown]> = [['plain', () => plainAccuracy.run()]];

const only = process.env['BENCH_ONLY']?.split(',');
for (const [name, run] of BENCHES) {
  if (only && !only.includes(name)) continue;
  await run();
  console.log('');
}

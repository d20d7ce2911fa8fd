import { resolve } from 'node:path';
import { scoreSet, type AgencyAccuracy } from './agency-accuracy.js';

/**
 * `BENCH_ONLY=stress npm run bench:accuracy`: the stress set in `bench/stress/` — stories written for the project in
 * the published styles of agencies the table has and some it lacks, in their languages, plus near misses (body that
 * looks like a dateline, sign-off, byline or note) — scored like `agencies-dev` (`labels.json` of the same shape). A
 * development tool against overfitting the 22 real stories; it ships with the repository, so it never skips.
 */
export async function run(): Promise<AgencyAccuracy> {
  console.log('agency copy accuracy on the stress set (bench/stress, written for the project)');
  return scoreSet(resolve(process.cwd(), 'bench/stress'));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

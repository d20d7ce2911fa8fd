import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WIRE = fileURLToPath(new URL('../../bin/wire.js', import.meta.url));

/** Cold-start figures: medians in milliseconds and ratios to a bare `node -e ''`. */
export interface Startup {
  readonly bareMs: number;
  readonly versionMs: number;
  readonly ingestMs: number;
  readonly versionRatio: number;
  readonly ingestRatio: number;
}

function median(runs: number, args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** Times `wire --version` and `wire ingest` of one small sample against bare node, interleaved, medians of 21. */
export function run(sample = 'samples/yonhap-seed.txt'): Startup {
  console.log('cold start against a bare `node -e ""` (medians of 21 runs, interleaved)');
  median(3, ['-e', '']);
  let bare = 0;
  let version = 0;
  let ingest = 0;
  for (let round = 0; round < 3; round++) {
    bare += median(7, ['-e', '']);
    version += median(7, [WIRE, '--version']);
    ingest += median(7, [WIRE, 'ingest', sample]);
  }
  const result = {
    bareMs: bare / 3,
    versionMs: version / 3,
    ingestMs: ingest / 3,
    versionRatio: version / bare,
    ingestRatio: ingest / bare,
  };
  console.log(`  node -e ''            ${result.bareMs.toFixed(1)} ms`);
  console.log(`  wire --version        ${result.versionMs.toFixed(1)} ms   ${result.versionRatio.toFixed(2)}x`);
  console.log(
    `  wire ingest <sample>  ${result.ingestMs.toFixed(1)} ms   ${result.ingestRatio.toFixed(2)}x (bar 2.5x)`,
  );
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) run();

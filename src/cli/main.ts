import { setFlagsFromString } from 'node:v8';
import { packageVersion } from '../package-file.js';

// A run's live data is small (a few batches, a few MB), but its garbage is large: V8 lets the heap grow up to four
// times what survived the last full collection before it collects again, so a run over a big file sat at 260 MB
// with 10 MB alive. Capping the growth at twice the survivors keeps it near 210 MB for about 5 % more CPU
// (docs/performance.md, "Memory"). The flag is one the heap reads at each collection; a user's own setting wins.
const own = `${process.env['NODE_OPTIONS'] ?? ''} ${process.execArgv.join(' ')}`;
if (!own.includes('heap-growing-percent')) setFlagsFromString('--heap-growing-percent=100');
// V8 first runs a regex in its bytecode interpreter and compiles it to machine code only once it is hot. The
// dateline grammar's patterns are large, and each was compiled twice: 17 ms to bytecode on its first use, 5 ms to
// machine code on its second. Straight to machine code, once, it takes 6 ms, and a one-story run starts about 20 ms
// sooner; every pattern wire has runs thousands of times in a big run anyway.
if (!own.includes('regexp-tier-up')) setFlagsFromString('--no-regexp-tier-up');

// Whatever a command prints, a reader that goes away (`wire help ingest | head`, `wire ingest big/ | head -1`) ends
// the run quietly, as other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// A password written in a --db URL leaves the process title at once (ps and /proc show a process's arguments):
// the title becomes the command line with it masked. WIRE_DB, PGPASSWORD or ~/.pgpass keep it out of argv entirely.
const PASSWORD_URL = /(postgres(?:ql)?:\/\/[^:/@\s]*):[^@\s]*@/i;
if (process.argv.some((arg) => PASSWORD_URL.test(arg))) {
  const masked = new RegExp(PASSWORD_URL.source, 'gi');
  process.title = process.argv.map((arg) => arg.replace(masked, '$1:***@')).join(' ');
}

// `wire --version` answers before commander or anything else is loaded: it is the cheapest health check there is.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(process.argv);
}

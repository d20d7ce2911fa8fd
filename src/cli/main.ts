import { readFileSync } from 'node:fs';

// Whatever a command prints, a reader that goes away (`wire help ingest | head`, `wire ingest big/ | head -1`) ends
// the run quietly, as other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// `wire --version` answers before commander or anything else is loaded: it is the cheapest health check there is.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(process.argv);
}

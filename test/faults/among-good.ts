import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articlePage, plainStories } from './corpus.js';
import { verdict, type Case, type Outcome } from './matrix.js';
import { serve, sendTagged, type FaultServer, type Route } from './server.js';
import { problemsAfterRun, storyNumber } from './verify.js';
import { firstDiagnostic, startWire, summaryOf, type WireResult } from './wire.js';

/** What a bad input needs: a folder to write into, and a local server to route requests to. */
export interface BadContext {
  readonly dir: string;
  readonly server: FaultServer;
  /** Adds a route to the case's server. */
  readonly route: (path: string, route: Route) => string;
}

/** One bad input and what wire must do with it. */
export interface BadInput {
  readonly name: string;
  /** Creates the input; returns the command-line arguments that name it. */
  make(context: BadContext): Promise<string[]> | string[];
  /** The exit code: 1 when the input fails, 0 when it is read after all (with a warning, or without). */
  readonly exit: number;
  /** The diagnostic that must be printed, naming the input; null when none is due. */
  readonly message: RegExp | null;
  /** Story numbers the bad input itself must yield (a latin-1 story is read, with a warning). */
  readonly yields?: readonly number[];
  /** Records without a story number that it may yield (a page of mojibake); 0 unless said. */
  readonly unnumbered?: number;
  readonly flags?: readonly string[];
  /** Peak memory the run must stay under, in MB. */
  readonly maxMb?: number;
  readonly unprivileged?: boolean;
  /** Seconds after which the run counts as hung (a bad input must never stop a cron run for good). */
  readonly hangSeconds?: number;
  /** False to leave the good page by URL out (its web stack would be measured with the run's memory). */
  readonly withUrl?: boolean;
}

// The good inputs around every bad one: two files of 50 stories and, unless a case says not, a page by URL.
const FILE_STORIES = 100;

/**
 * A bad input between good ones: `wire ingest good-a BAD good-b URL -o out`. The run must give the expected exit
 * code and diagnostic, write every good story (and what the bad input yields) exactly once, leave no torn line and
 * a store that matches the output; a rerun must give the same exit code and add nothing.
 */
export function amongGood(bad: BadInput): Case {
  return {
    name: `bad input: ${bad.name}`,
    // A row that measures peak memory runs by itself, as cron would run it.
    alone: bad.maxMb !== undefined,
    async run(dir) {
      const routes = new Map<string, Route>();
      const server = await serve((request, response) => {
        const route = routes.get((request.url ?? '').split('?')[0] ?? '');
        return route ? route(request, response) : false;
      });
      try {
        routes.set('/good.html', (request, response) =>
          sendTagged(request, response, articlePage(FILE_STORIES), 'text/html; charset=utf-8'),
        );
        const context: BadContext = {
          dir,
          server,
          route: (path, route) => {
            routes.set(path, route);
            return `${server.base}${path}`;
          },
        };
        const goodUrl = bad.withUrl === false ? [] : [`${server.base}/good.html`];
        return await check(bad, dir, await bad.make(context), goodUrl);
      } finally {
        await server.close();
      }
    },
  };
}

async function check(bad: BadInput, dir: string, badArgs: readonly string[], goodUrl: string[]): Promise<Outcome> {
  const good = FILE_STORIES + goodUrl.length;
  const goodA = join(dir, 'good-a.txt');
  const goodB = join(dir, 'good-b.txt');
  writeFileSync(goodA, plainStories(0, 50));
  writeFileSync(goodB, plainStories(50, 50));
  const out = join(dir, 'out.jsonl');
  const args = ['ingest', goodA, ...badArgs, goodB, ...goodUrl, '-o', out, ...(bad.flags ?? [])];
  const options = { measure: bad.maxMb !== undefined, unprivileged: bad.unprivileged === true };
  const problems: string[] = [];
  const first = await runWithin(args, options, bad.hangSeconds ?? 120);
  if (first === null) return verdict('hung: killed after the time limit', 'the run never ended', ['hung']);
  problems.push(...runProblems(first, bad));
  const numbers = [...Array.from({ length: good }, (_, i) => i), ...(bad.yields ?? [])];
  const index = new Map(numbers.map((n, i) => [n, i]));
  const expected = {
    count: numbers.length,
    key: (r: Record<string, unknown>) => index.get(storyNumber(r) ?? -1) ?? null,
  };
  const after = problemsAfterRun(out, expected, { extra: bad.unnumbered ?? 0 });
  problems.push(...after.problems);
  const again = await runWithin(args, options, bad.hangSeconds ?? 120);
  const added = again === null ? null : summaryOf(again.stderr)?.stories;
  if (again === null || again.code !== bad.exit || added !== 0)
    problems.push(`rerun exit ${again?.code}, added ${added}`);
  const memory = first.peakMb === null ? '' : `, peak ${Math.round(first.peakMb)} MB`;
  const what = `exit ${first.code} "${firstDiagnostic(first.stderr, bad.message ?? undefined)}"${memory}`;
  const loss = `${after.check.lines} records: good ${good}${bad.yields ? ` + ${bad.yields.length} from it` : ''}, lost ${after.check.lost}, dup ${after.check.duplicated}, rerun +${added}`;
  return verdict(what, loss, problems);
}

function runProblems(result: WireResult, bad: BadInput): string[] {
  const problems: string[] = [];
  if (result.code !== bad.exit) problems.push(`exit ${result.code}, not ${bad.exit}: ${result.stderr.slice(0, 300)}`);
  if (bad.message !== null && !bad.message.test(result.stderr))
    problems.push(`no diagnostic like ${bad.message}: ${result.stderr.slice(0, 300)}`);
  if (/\n\s+at /.test(result.stderr)) problems.push('a stack trace on standard error');
  if (bad.maxMb !== undefined && (result.peakMb ?? Infinity) >= bad.maxMb)
    problems.push(`peak memory ${Math.round(result.peakMb ?? -1)} MB, over ${bad.maxMb} MB`);
  return problems;
}

/** Runs wire; null when it has not finished in `seconds` (then it is killed). */
async function runWithin(
  args: readonly string[],
  options: { measure: boolean; unprivileged: boolean },
  seconds: number,
): Promise<WireResult | null> {
  const run = startWire(args, options);
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    run.child.kill('SIGKILL');
  }, seconds * 1000);
  const result = await run.done;
  clearTimeout(timer);
  return hung ? null : result;
}

import type { Diagnostic, EmittedBatch, HttpValidators } from '../types.js';

/**
 * What processing one web page or feed produces, in order: serialized records, diagnostics (`fails` when the input
 * lost something), and HTTP validators to remember once the records are written. Inputs fetched ahead of their turn
 * keep their outcomes until then, so output order is input order however the fetches finish.
 */
export type Outcome =
  | { readonly kind: 'records'; readonly batch: EmittedBatch }
  | {
      readonly kind: 'report';
      readonly diagnostic: Diagnostic;
      readonly fails: boolean;
      /** The input gave nothing, on purpose: unchanged since the last run (304), or not a page (a PDF). */
      readonly empty?: true;
    }
  | { readonly kind: 'commit'; readonly url: string; readonly validators: HttpValidators };

/** An error outcome. */
export function failure(input: string, code: string, message: string, line?: number): Outcome {
  const diagnostic: Diagnostic = { severity: 'error', code, message, input, ...(line === undefined ? {} : { line }) };
  return { kind: 'report', fails: true, diagnostic };
}

/** An info or warning outcome: reported, not counted as a failure. */
export function note(
  input: string,
  severity: 'info' | 'warning',
  code: string,
  message: string,
  line?: number,
): Outcome {
  const diagnostic: Diagnostic = { severity, code, message, input, ...(line === undefined ? {} : { line }) };
  return { kind: 'report', fails: false, diagnostic };
}

/** A note that also says the input gave nothing on purpose, so it is not reported as having no stories. */
export function emptyNote(input: string, severity: 'info' | 'warning', code: string, message: string): Outcome {
  return { kind: 'report', fails: false, empty: true, diagnostic: { severity, code, message, input } };
}

/** Runs an outcome stream to its end and keeps what it yielded, so that it can be replayed in input order. */
export async function collect(outcomes: AsyncIterable<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const outcome of outcomes) out.push(outcome);
  return out;
}

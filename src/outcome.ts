import type { Diagnostic, HttpValidators, Story } from './types.js';

/**
 * What processing one input produces, in order: records, diagnostics (`fails` when the input lost something), and
 * HTTP validators to remember once the records are written. Inputs fetched ahead of their turn keep their outcomes
 * until then, so output order is input order however the fetches finish.
 */
export type Outcome =
  | { readonly kind: 'story'; readonly story: Story }
  | { readonly kind: 'report'; readonly diagnostic: Diagnostic; readonly fails: boolean }
  | { readonly kind: 'commit'; readonly url: string; readonly validators: HttpValidators };

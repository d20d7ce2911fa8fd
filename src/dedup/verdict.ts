import { isUpdateMarker } from '../normalize/headline.js';
import type { Story } from '../types.js';

/** How duplicates are recognized: `near` (copies and republished variants), `exact` (same body), or `off`. */
export type DedupMode = 'near' | 'exact' | 'off';

/** What the dedup stage decided about one story. */
export type Verdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'version'; readonly version: number; readonly replaces: string; readonly similarity: number }
  | { readonly kind: 'duplicate'; readonly of: string; readonly similarity: number };

// ANPA take keys and slugs that mark a new version: `1stLd-Writethru`, `2nd Ld`, `Writethru`, `Correction`.
const TAKE_KEY = /\b\d+(?:st|nd|rd|th)[ -]?L(?:ea)?d\b|Writethru|\bCorrect(?:ed|ion)\b|\bUpdate\b/i;

/**
 * True when a story says it updates an earlier one: a headline marker (`LEAD`, `2nd LD`, `UPDATE 1`, `CORRECTED`),
 * a correction note, or an ANPA take key in its envelope or slugline.
 */
export function isUpdate(story: Pick<Story, 'markers' | 'correction' | 'envelope' | 'slugline'>): boolean {
  if (story.correction || story.markers.some(isUpdateMarker)) return true;
  const fields = [story.slugline, ...Object.values(story.envelope ?? {})];
  return fields.some((value) => typeof value === 'string' && TAKE_KEY.test(value));
}

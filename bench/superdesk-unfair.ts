/**
 * Superdesk assertions judged unfair: they encode a policy of Superdesk's that a wire user would not expect, so
 * wire is not bent to them. The bench reports its figure with and without them.
 *
 * | fixture | field | test line | why |
 * | ------- | ----- | --------- | --- |
 */
const UNFAIR: ReadonlyArray<readonly [fixture: string, field: string, line: number, why: string]> = [];

/** Why an assertion is judged unfair, or null. */
export function unfairReason(fixture: string, field: string, line: number): string | null {
  return UNFAIR.find(([f, k, l]) => f === fixture && k === field && l === line)?.[3] ?? null;
}

/** Every assertion judged unfair, for the report. */
export const UNFAIR_ASSERTIONS = UNFAIR;

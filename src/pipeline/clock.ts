/** The stages a story passes through, in order, as `npm run bench` accounts for their cost. */
export const STAGES = [
  'read',
  'frame',
  'decode',
  'parse',
  'normalize',
  'fingerprint',
  'serialize',
  'store',
  'write',
] as const;

/** One of {@link STAGES}. */
export type Stage = (typeof STAGES)[number];

/**
 * Told when a stage's work on a batch ends (the time since the last lap is that stage's). The run passes none; the
 * stage benchmark passes one that adds up CPU time by stage, so the figures come from the code the run executes.
 */
export interface StageClock {
  lap(stage: Stage): void;
}

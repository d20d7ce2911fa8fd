/** The exit codes `wire` promises (README, "Exit codes"). */
export const EXIT = {
    /** Every input was ingested. */
    ok: 0,
    /** Some input failed; the others were still written. */
    failed: 1,
    /** A usage error: bad option or value, nothing to read. */
    usage: 2,
    /** Another run holds the output's lock. */
    locked: 3,
    /** Interrupted by SIGINT after finishing the record in hand. */
    interrupted: 130,
};

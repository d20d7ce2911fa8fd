/**
 * The shared vocabulary of the pipeline: what a source hands to a format, what a format hands to the normalizer,
 * and the output record. Every stage imports from here; nothing here imports a stage.
 */
export {};

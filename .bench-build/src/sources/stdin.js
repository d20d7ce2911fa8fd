/** Standard input as an input named `-`. */
export function openStdin(stream = process.stdin) {
    return { type: 'stdin', location: '-', chunks: stream, modified: null };
}

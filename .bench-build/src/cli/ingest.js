import { isOutputError } from '../errors.js';
import { ingest } from '../pipeline.js';
import { JsonlFileSink, JsonlStreamSink, repairTornTail } from '../sinks/jsonl.js';
import { EXIT } from './exit.js';
import { Reporter, wantColor } from './report.js';
/** Runs `wire ingest` and returns the exit code. */
export async function runIngest(inputs, raw) {
    const flags = raw;
    const reporter = new Reporter(process.stderr, {
        quiet: flags.quiet === true,
        color: wantColor(process.stderr, flags.color, process.env),
    });
    if (inputs.length === 0 && flags.inputList === undefined) {
        process.stderr.write('wire: error: nothing to ingest: name files, directories, - for standard input, or --input-list\n');
        return EXIT.usage;
    }
    if (inputs.filter((i) => i === '-').length + (flags.inputList === '-' ? 1 : 0) > 1) {
        process.stderr.write('wire: error: standard input can be read only once (- named twice)\n');
        return EXIT.usage;
    }
    process.stdout.on('error', (error) => {
        // The reader went away (`wire ingest big/ | head -1`): stop quietly, as other Unix tools do.
        if (error.code === 'EPIPE')
            process.exit(EXIT.ok);
    });
    let sink;
    try {
        sink = openSink(flags.output, reporter);
    }
    catch (error) {
        process.stderr.write(`wire: error: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT.failed;
    }
    try {
        const summary = await ingest({
            inputs,
            inputList: flags.inputList ?? null,
            format: flags.format,
            dedup: flags.dedup,
            referenceDate: flags.referenceDate ?? null,
            maxStoryBytes: flags.maxStoryBytes,
            sink,
            onDiagnostic: (d) => reporter.diagnostic(d),
        });
        await sink.close();
        reporter.summary(summary);
        return summary.failures.length > 0 ? EXIT.failed : EXIT.ok;
    }
    catch (error) {
        if (!isOutputError(error))
            throw error;
        process.stderr.write(`wire: error: ${error.message}\n`);
        return EXIT.failed;
    }
}
function openSink(output, reporter) {
    if (output === undefined || output === '-')
        return new JsonlStreamSink(process.stdout);
    const torn = repairTornTail(output);
    if (torn !== null) {
        reporter.diagnostic({
            severity: 'warning',
            code: 'torn-line',
            message: `${output}: its last line was incomplete (an interrupted run); moved it to ${output}.rejected`,
            input: output,
        });
    }
    return new JsonlFileSink(output);
}

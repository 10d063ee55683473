import path from 'node:path';
import { buildAuditHeader, streamAudit } from '../../audit.js';
import { UsageError, formatProblem } from '../../errors.js';
import { evaluateGate } from '../../findings/evaluate-gate.js';
import { parseFieldMappings, readSamples } from '../../load/samples/index.js';
import { REPORTERS, isReportFormat } from '../../report/registry.js';
import type { ReportContext, Reporter } from '../../report/reporter.js';
import type { Io } from '../io.js';
import { openOutputFile, streamWriter, type OutputWriter } from '../output-file.js';
import { prepareJudging } from '../prepare-judging.js';
import { gateOptionsFrom } from '../gate-options.js';
import { startProgress } from '../progress.js';
import { detectColorLevel } from '../terminal-support.js';

/** Input warnings beyond this many are counted, not printed. */
const MAX_WARNINGS_SHOWN = 20;

interface Destination {
  reporter: Reporter;
  writer: OutputWriter;
  ctx: ReportContext;
}

export async function runAuditCommand(inputs: string[], rawFlags: Record<string, unknown>, io: Io): Promise<number> {
  const flags = { ...rawFlags };
  if (Array.isArray(flags.field)) flags.fields = parseFieldMappings(flags.field as string[]);
  const { options, engine, graderNote } = await prepareJudging(flags, io);

  const unknown = options.formats.filter((f) => !isReportFormat(f));
  if (unknown.length > 0) {
    throw new UsageError(`unknown --format ${unknown.join(', ')}`, { hint: `choose from: ${Object.keys(REPORTERS).join(', ')}` });
  }
  if (options.formats.length > 1) throw new UsageError('give one --format at a time', { hint: `e.g. --format json --output audit.json` });
  if (options.guideIsBundled) io.stderr.write(`note: no --guide or config guide given; using the bundled example guide ${path.relative(io.cwd, options.guide) || options.guide}\n`);

  const format = options.formats[0] ?? 'terminal';
  const reporter = REPORTERS[format as keyof typeof REPORTERS];
  const writer = options.output ? await openOutputFile(options.output) : streamWriter(io.stdout);
  const colorStream = options.output ? { isTTY: false } : io.stdout;
  const ctx: ReportContext = { colorLevel: detectColorLevel(colorStream, io.env), showPassing: options.showPassing || rawFlags.verbose === true, graderNote };
  const destination: Destination = { reporter, writer, ctx };

  const header = buildAuditHeader(engine, inputs);
  const progress = engine.grader ? await startProgress(io, engine.grader) : undefined;
  let warningsShown = 0;
  try {
    await writer.write(reporter.begin(header, ctx));
    let index = 0;
    const { summary, inputProblems } = await streamAudit(
      readSamples(inputs, { ...(options.inputFormat ? { format: options.inputFormat } : {}), fields: options.fields, stdin: io.stdin, cwd: io.cwd, strict: options.strict }),
      engine,
      {
        sample: async (result) => {
          progress?.tick();
          await destination.writer.write(destination.reporter.sample(result, index, destination.ctx));
          index += 1;
        },
        problem: (problem) => {
          warningsShown += 1;
          if (warningsShown <= MAX_WARNINGS_SHOWN) io.stderr.write(`warning: ${formatProblem(problem)} (record skipped)\n`);
        },
      },
      { window: engine.grader?.kind === 'llm' ? options.concurrency * 2 : 1 },
    );
    progress?.stop();
    if (warningsShown > MAX_WARNINGS_SHOWN) io.stderr.write(`warning: … and ${warningsShown - MAX_WARNINGS_SHOWN} more skipped records (all are listed in --format json)\n`);
    const gate = evaluateGate({ summary }, gateOptionsFrom(options));
    await writer.write(reporter.end(header, { inputProblems, summary, gate }, ctx));
    await writer.close();
    await engine.grader?.close?.();
    if (options.output) io.stderr.write(`wrote ${path.relative(io.cwd, options.output) || options.output}\n`);
    return gate.passed ? 0 : 1;
  } catch (error) {
    progress?.stop();
    await writer.abort();
    throw error;
  }
}

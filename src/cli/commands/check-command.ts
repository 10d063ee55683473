import { auditSample, buildAuditHeader } from '../../audit.js';
import { UsageError } from '../../errors.js';
import { evaluateGate } from '../../findings/evaluate-gate.js';
import { createSummaryAccumulator } from '../../findings/summarize.js';
import { redactOptionsForBrand, redactSampleResult } from '../../redact/index.js';
import { REPORTERS, isReportFormat } from '../../report/registry.js';
import { renderReport } from '../../report/reporter.js';
import type { Sample } from '../../types.js';
import { gateOptionsFrom } from '../gate-options.js';
import type { Io } from '../io.js';
import { openOutputFile } from '../output-file.js';
import { prepareJudging } from '../prepare-judging.js';
import { detectColorLevel, detectColumns } from '../terminal-support.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk as string;
  return text;
}

/** `tone-audit check`: one reply, judged exactly as `audit` would judge it, shown in full. */
export async function runCheckCommand(text: string | undefined, flags: Record<string, unknown>, io: Io): Promise<number> {
  let response = text;
  if (response === undefined) {
    if (io.stdin.isTTY) throw new UsageError('no reply to check', { hint: 'tone-audit check "the reply text" --customer "the customer message", or pipe the reply on stdin' });
    response = (await readAll(io.stdin)).replace(/\r?\n$/, '');
  }
  if (response.trim() === '') throw new UsageError('the reply to check is empty');

  const { options, engine, graderNote } = await prepareJudging(flags, io);
  const format = options.formats[0] ?? 'terminal';
  if (options.formats.length > 1 || !isReportFormat(format)) {
    throw new UsageError(`--format for check takes one of: ${Object.keys(REPORTERS).join(', ')}`);
  }
  const sample: Sample = {
    id: 'check',
    response,
    customer: typeof flags.customer === 'string' ? flags.customer : '',
    ...(flags.escalated === true ? { escalated: true } : {}),
    metadata: {},
    source: { file: '<check>', line: 1 },
  };
  const judged = await auditSample(engine, sample);
  await engine.grader?.close?.();
  const redactedOutput = options.redactOutput ? redactSampleResult(judged, redactOptionsForBrand(engine.guide.brand)) : undefined;
  const result = redactedOutput?.result ?? judged;
  const summaryAccumulator = createSummaryAccumulator(engine.rules.rules, engine.guide.dimensions, { redaction: engine.redaction?.enabled === true });
  summaryAccumulator.add(result);
  if (redactedOutput && !judged.grade?.redacted) summaryAccumulator.addRedacted(redactedOutput.counts);
  const summary = summaryAccumulator.finish();
  const gate = evaluateGate({ summary }, gateOptionsFrom(options));
  const header = buildAuditHeader(engine, ['<check>']);
  const report = renderReport(
    REPORTERS[format],
    { ...header, samples: [result], inputProblems: [], summary, gate },
    { colorLevel: detectColorLevel(options.output ? { isTTY: false } : io.stdout, io.env, options.color), showPassing: true, compact: true, graderNote, ...(options.output ? {} : { width: detectColumns(io.stdout, io.env) }) },
  );
  if (options.output) {
    const writer = await openOutputFile(options.output);
    await writer.write(report);
    await writer.close();
  } else io.stdout.write(report);
  return gate.passed ? 0 : 1;
}

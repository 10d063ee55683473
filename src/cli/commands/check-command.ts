import { oneSample, runAudit } from '../../engine/run-audit.js';
import { UsageError } from '../../errors.js';
import type { RedactionCounts } from '../../redact/pii-types.js';
import { REPORTERS, isReportFormat } from '../../report/registry.js';
import { renderReport } from '../../report/reporter.js';
import type { AuditResult, Sample, SampleResult } from '../../types.js';
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
  // The same engine as `audit`: `check --format json` is the audit result of one reply.
  const redact = options.redactOutput ? await import('../../redact/index.js') : undefined;
  let outputRedacted: Partial<RedactionCounts> | undefined;
  const run = await runAudit(
    { inputs: ['<check>'], gate: gateOptionsFrom(options), window: 1, collect: true },
    {
      engine,
      source: oneSample(sample),
      ...(redact
        ? {
            // The PII detectors (and libphonenumber's metadata) load only when the report is to be redacted.
            redactOutput: (judged: SampleResult) => {
              const { result, counts } = redact.redactSampleResult(judged, redact.redactOptionsForBrand(engine.guide.brand));
              if (!judged.grade?.redacted) outputRedacted = counts;
              return result;
            },
            finishRedaction: (summary: AuditResult['summary']) => {
              if (summary.redaction && outputRedacted) summary.redaction.counts = redact.addCounts(summary.redaction.counts, outputRedacted);
            },
          }
        : {}),
    },
  );
  await engine.grader?.close?.();
  const report = renderReport(REPORTERS[format], run.result, {
    colorLevel: detectColorLevel(options.output ? { isTTY: false } : io.stdout, io.env, options.color),
    ...(options.output ? {} : { width: detectColumns(io.stdout, io.env) }),
    showPassing: true,
    compact: true,
    graderNote,
    ...(run.gateNotes.length > 0 ? { gateNotes: run.gateNotes } : {}),
  });
  if (options.output) {
    const writer = await openOutputFile(options.output);
    await writer.write(report);
    await writer.close();
  } else io.stdout.write(report);
  return run.result.gate.passed ? 0 : 1;
}

import path from 'node:path';
import { buildAuditHeader, streamAudit } from '../../audit.js';
import { buildCalibrationRecord, calibrate, readLabels, type CalibrationReport } from '../../calibrate/index.js';
import { InputError, UsageError, formatProblem } from '../../errors.js';
import { writeJsonFile } from '../../grader/llm/write-json-file.js';
import { parseFieldMappings, readSamples } from '../../load/samples/index.js';
import { CALIBRATION_REPORTERS, type CalibrationFormat } from '../../report/calibration/index.js';
import type { AuditResult, SampleResult } from '../../types.js';
import { displayPath } from '../display-path.js';
import type { Io } from '../io.js';
import { openOutputFile } from '../output-file.js';
import { prepareJudging } from '../prepare-judging.js';
import { readAuditFile } from '../read-audit-file.js';
import { detectColorLevel } from '../terminal-support.js';

/** Input warnings beyond this many are counted, not printed. */
const MAX_WARNINGS_SHOWN = 20;

type AuditForCalibration = Pick<AuditResult, 'guide' | 'grader' | 'samples' | 'summary' | 'calibration'>;

/**
 * `tone-audit calibrate --labels <file> (--audit audit.json | samples…)`: measures the judge
 * against reviewers' labels, suggests per-dimension minimums (chosen on the fit half, reported on
 * the held-out check half) and with `--write` saves them as a calibration record for `audit
 * --calibration`. Exit 0 when it ran; 2 for unusable input (no overlap, bad labels, …).
 */
export async function runCalibrateCommand(inputs: string[], rawFlags: Record<string, unknown>, io: Io): Promise<number> {
  const flags = { ...rawFlags };
  if (typeof flags.labels !== 'string') throw new UsageError('calibrate needs --labels <file>', { hint: 'tone-audit calibrate --labels labels.jsonl --audit audit.json' });
  if (typeof flags.audit === 'string' && inputs.length > 0) throw new UsageError('give either --audit <audit.json> or sample files to audit, not both');
  if (typeof flags.audit !== 'string' && inputs.length === 0) {
    throw new UsageError('calibrate needs the judge\'s verdicts: --audit <audit.json> or sample files to audit', { hint: 'tone-audit calibrate --labels labels.jsonl samples.jsonl --grader heuristic' });
  }
  const format = ((flags.format as string | undefined) ?? 'terminal') as CalibrationFormat;
  const { audit, dimensions } = typeof flags.audit === 'string' ? fromAuditFile(await readAuditFile(path.resolve(io.cwd, flags.audit))) : await auditInProcess(inputs, flags, io);
  const labelsFile = flags.labels;
  const labels = await readLabels(path.resolve(io.cwd, labelsFile), labelsFile, dimensions);
  for (const warning of labels.warnings) io.stderr.write(`warning: ${warning}\n`);

  const report = calibrate(audit, labels, {
    ...(flags.seed !== undefined ? { seed: String(flags.seed) } : {}),
    ...(flags.resamples !== undefined ? { resamples: flags.resamples as number } : {}),
    ...(flags.maxFalsePositiveRate !== undefined ? { maxFalsePositiveRate: flags.maxFalsePositiveRate as number } : {}),
    ...(flags.heldOutOnly === true ? { scope: 'check' as const } : {}),
  });
  checkOverlap(report, audit);
  if (report.labels.unmatched.count > 0) {
    io.stderr.write(`warning: ${report.labels.unmatched.count} labelled id(s) match no audited sample and are left out (e.g. ${report.labels.unmatched.examples.slice(0, 3).join(', ')})\n`);
  }

  const output = typeof flags.output === 'string' ? path.resolve(io.cwd, flags.output) : undefined;
  const colorLevel = output ? 0 : detectColorLevel(io.stdout, io.env, flags.color as boolean | undefined);
  const text = CALIBRATION_REPORTERS[format](report, { colorLevel });
  if (output) {
    const writer = await openOutputFile(output);
    await writer.write(text);
    await writer.close();
    io.stderr.write(`wrote ${displayPath(io.cwd, output)}\n`);
  } else io.stdout.write(text);

  if (typeof flags.write === 'string') await writeRecord(report, flags.write, io);
  return 0;
}

/**
 * An audit read from JSON, and the dimension ids label scores are checked against: the summary's
 * (a rules-only audit has none, and then label scores are not checked, only ignored).
 */
function fromAuditFile(audit: AuditForCalibration): { audit: AuditForCalibration; dimensions?: string[] } {
  const ids = audit.summary.dimensions.map((d) => d.id);
  return { audit, ...(ids.length > 0 ? { dimensions: ids } : {}) };
}

/** Audits the samples exactly as `audit` would (same options, no calibration applied) and keeps every result. */
async function auditInProcess(inputs: string[], flags: Record<string, unknown>, io: Io): Promise<{ audit: AuditForCalibration; dimensions: string[] }> {
  if (Array.isArray(flags.field)) flags.fields = parseFieldMappings(flags.field as string[]);
  const { options, engine, graderNote } = await prepareJudging(flags, io, { calibration: 'ignore' });
  if (options.guideIsBundled) io.stderr.write(`note: no --guide or config guide given; using the bundled example guide ${displayPath(io.cwd, options.guide)}\n`);
  io.stderr.write(`grader: ${graderNote}\n`);
  const readOptions = { ...(options.inputFormat ? { format: options.inputFormat } : {}), fields: options.fields, stdin: io.stdin, cwd: io.cwd, strict: options.strict, turns: options.turns };
  const samples: SampleResult[] = [];
  let warnings = 0;
  const { summary } = await streamAudit(
    readSamples(inputs, readOptions),
    engine,
    {
      sample: (result) => {
        samples.push(result);
      },
      problem: (problem, severity) => {
        warnings += 1;
        if (warnings <= MAX_WARNINGS_SHOWN) io.stderr.write(`warning: ${formatProblem(problem)}${severity === 'error' ? ' (record skipped)' : ''}\n`);
      },
    },
    { window: engine.grader?.kind === 'llm' ? options.concurrency * 2 : 1 },
  );
  await engine.grader?.close?.();
  if (warnings > MAX_WARNINGS_SHOWN) io.stderr.write(`warning: … and ${warnings - MAX_WARNINGS_SHOWN} more input warnings\n`);
  if (summary.samples === 0) throw new InputError(`no samples could be read from ${inputs.join(', ')}`, { hint: 'calibrate audits the samples first; check the warnings above' });
  return { audit: { ...buildAuditHeader(engine, inputs), samples, summary }, dimensions: engine.guide.dimensions.map((d) => d.id) };
}

function checkOverlap(report: CalibrationReport, audit: AuditForCalibration): void {
  if (report.labels.matched > 0) return;
  const labelled = report.labels.unmatched.examples.slice(0, 3).join(', ');
  const audited = audit.samples.slice(0, 3).map((s) => s.id).join(', ');
  throw new InputError(`none of the ${report.labels.samples} labelled sample id(s) in ${report.labels.file} match the ${audit.samples.length} audited sample(s)`, {
    hint: `labels have ids like ${labelled}; the audit has ${audited || 'none'}. Are they the same samples? (map the samples' id column with --field id=<column>)`,
  });
}

async function writeRecord(report: CalibrationReport, file: string, io: Io): Promise<void> {
  if (report.thresholds.skipped) throw new UsageError(`cannot write a calibration record: ${report.thresholds.skipped}`);
  const record = buildCalibrationRecord(report, io.now().toISOString());
  await writeJsonFile(path.resolve(io.cwd, file), record);
  const mins = Object.entries(record.dimensions).map(([id, { min }]) => `${id} ${min}`).join(', ');
  io.stderr.write(`wrote calibration record ${file} (minimums: ${mins}); apply it with: tone-audit audit … --calibration ${file}\n`);
}

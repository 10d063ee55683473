import { createHash } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { auditSample, buildAuditHeader, type AuditEngine } from '../../audit.js';
import { runAudit } from '../../engine/run-audit.js';
import { ConfigError, formatProblem } from '../../errors.js';
import { changelogBetween } from '../../diff/index.js';
import { parseSuppressions, type Suppression } from '../../findings/suppressions.js';
import { parseFieldMappings, readSamples, type LoadEvent } from '../../load/samples/index.js';
import { markdown } from '../../report/markdown.js';
import { renderReport, type ReportContext } from '../../report/reporter.js';
import type { AuditResult, Sample, SampleResult } from '../../types.js';
import type { JudgePool } from '../../parallel/judge-pool.js';
import { chooseWorkers, POOL_WINDOW_PER_WORKER } from '../../parallel/pool-policy.js';
import { addCounts, redactOptionsForBrand, redactSampleResult, zeroCounts } from '../../redact/index.js';
import { displayPath } from '../display-path.js';
import { gateOptionsFrom } from '../gate-options.js';
import type { Io } from '../io.js';
import { totalFileBytes } from '../input-bytes.js';
import { prepareJudging } from '../prepare-judging.js';
import { startProgress } from '../progress.js';
import { readAuditFile } from '../read-audit-file.js';
import { openDestinations } from '../report-destinations.js';
import { terminalLayout } from '../terminal-support.js';
import { gradeInBatch, printDryRun } from './audit-llm-modes.js';

/** Replies in flight per LLM request slot, and at most, while results wait to leave in input order. */
const LLM_WINDOW_PER_SLOT = 16;
const LLM_WINDOW_MAX = 1024;

/** Input warnings beyond this many are counted, not printed. */
const MAX_WARNINGS_SHOWN = 20;

/**
 * `tone-audit audit`: load → rules/grader → findings → reports, streamed. Samples are kept in memory
 * only when something needs them all: a baseline comparison, a whole-document format (HTML,
 * Markdown) or the backlog. Returns the exit code: 0 gate passed, 1 gate failed.
 */
export async function runAuditCommand(inputs: string[], rawFlags: Record<string, unknown>, io: Io): Promise<number> {
  const flags = { ...rawFlags };
  if (Array.isArray(flags.field)) flags.fields = parseFieldMappings(flags.field as string[]);
  if (Array.isArray(flags.botAuthor)) flags.botAuthors = flags.botAuthor;
  const { options, engine, graderNote } = await prepareJudging(flags, io);
  if (options.guideIsBundled) io.stderr.write(`note: no --guide or config guide given; using the bundled example guide ${displayPath(io.cwd, options.guide)}\n`);
  if (engine.grader) io.stderr.write(`grader: ${graderNote}\n`);

  const readOptions = { ...(options.inputFormat ? { format: options.inputFormat } : {}), fields: options.fields, botAuthors: options.botAuthors, stdin: io.stdin, cwd: io.cwd, strict: options.strict, turns: options.turns, maxRecordKb: options.maxRecordKb };
  if (flags.dryRun === true) return printDryRun(readSamples(inputs, readOptions), engine, options, io);

  // Read everything that can fail before the run spends time or money.
  const baseline = options.baseline ? await readAuditFile(options.baseline) : undefined;
  const suppressions = options.suppressions ? await readSuppressionsFile(options.suppressions) : undefined;
  const today = io.now().toISOString().slice(0, 10);
  const destinations = await openDestinations(options.formats, { ...(options.output ? { output: options.output } : {}), ...(options.outputDir ? { outputDir: options.outputDir } : {}), ...(options.color !== undefined ? { color: options.color } : {}) }, io);

  const abort = new AbortController();
  const removeInterruptHandler = io.onInterrupt?.(() => {
    io.stderr.write('\ninterrupted: stopping; API calls in flight are cancelled (those replies count as ungraded) and what is done is written (Ctrl-C again to quit now)\n');
    abort.abort();
  });

  let source: AsyncIterable<LoadEvent> = readSamples(inputs, readOptions);

  const baseCtx: Omit<ReportContext, 'colorLevel'> = { showPassing: options.showPassing || rawFlags.verbose === true, graderNote, ...terminalLayout(options, io) };
  const ctxFor = (colorLevel: ReportContext['colorLevel']): ReportContext => ({ ...baseCtx, colorLevel });
  const streamingCtx = new Map(destinations.map((d) => [d, ctxFor(d.colorLevel)]));
  const progress = engine.grader ? await startProgress(io, engine.grader, inputs) : undefined;
  const pool = await startJudgePool(inputs, flags, engine, io);
  let warningsShown = 0;
  // --redact-output: every sink (reports, backlog) gets the redacted result; counted here when no LLM grader counted it.
  let outputRedacted = zeroCounts();
  const redactOutput = options.redactOutput
    ? (judged: SampleResult): SampleResult => {
        const { result, counts } = redactSampleResult(judged, redactOptionsForBrand(engine.guide.brand));
        if (!judged.grade?.redacted) outputRedacted = addCounts(outputRedacted, counts);
        return result;
      }
    : undefined;
  const header = buildAuditHeader(engine, inputs);

  try {
    // Inside the try: a batch that fails must drop the reports' temp files like any other failure.
    if (flags.batch === true) source = await gradeInBatch(source, engine, options, io, abort.signal, flags.batchPoll as number | undefined);
    for (const d of destinations) if (!d.reporter.needsAllSamples) await d.writer.write(d.reporter.begin(header, ctxFor(d.colorLevel)));
    const run = await runAudit(
      {
        inputs,
        gate: gateOptionsFrom(options),
        // Results leave in input order, so a window only as wide as the pool stalls every slot behind
        // one slow or hung reply; a wide one keeps the others working (memory: one reply per entry).
        window: engine.grader?.kind === 'llm' ? Math.min(LLM_WINDOW_MAX, options.concurrency * LLM_WINDOW_PER_SLOT) : pool ? pool.workers * POOL_WINDOW_PER_WORKER : 1,
        collect: Boolean(baseline || options.backlog || destinations.some((d) => d.reporter.needsAllSamples) || stepSummaryFile(io)),
        ...(suppressions ? { suppressions: { entries: suppressions, today } } : {}),
        ...(baseline ? { baseline } : {}),
      },
      {
        engine,
        source,
        signal: abort.signal,
        ...(pool ? { judge: (sample: Sample) => pool.judge(sample) } : {}),
        ...(redactOutput
          ? {
              redactOutput,
              finishRedaction: (summary) => {
                if (summary.redaction) summary.redaction.counts = addCounts(summary.redaction.counts, outputRedacted);
              },
            }
          : {}),
        onSample: async (result, index) => {
          progress?.tick();
          for (const d of destinations) if (!d.reporter.needsAllSamples) await d.writer.write(d.reporter.sample(result, index, streamingCtx.get(d)!));
        },
        onProblem: (problem, severity) => {
          warningsShown += 1;
          if (warningsShown <= MAX_WARNINGS_SHOWN) io.stderr.write(`warning: ${formatProblem(problem)}${severity === 'error' ? ' (record skipped)' : ''}\n`);
        },
      },
    );
    progress?.stop();
    if (warningsShown > MAX_WARNINGS_SHOWN) io.stderr.write(`warning: … and ${warningsShown - MAX_WARNINGS_SHOWN} more input warnings (skipped records are all listed in --format json)\n`);

    const { result, comparison } = run;
    const { summary, inputProblems } = result;
    const gate = { ...result.gate, notes: run.gateNotes };
    const extraCtx: Partial<ReportContext> = {
      ...(gate.notes.length > 0 ? { gateNotes: gate.notes } : {}),
      ...(comparison ? { comparison, changelog: changelogBetween(engine.guide.changelog, baseline!.guide.version, engine.guide.version) } : {}),
      ...(suppressions && run.suppressions
        ? {
            suppressions: {
              file: options.suppressions!,
              suppressed: run.suppressions.suppressed,
              unused: describeEntries(suppressions.filter((s) => !run.suppressions!.used.has(s) && !isExpired(s, today))),
              expired: describeEntries(suppressions.filter((s) => isExpired(s, today))),
            },
          }
        : {}),
    };
    for (const d of destinations) {
      const ctx = { ...ctxFor(d.colorLevel), ...extraCtx };
      await d.writer.write(d.reporter.needsAllSamples ? renderReport(d.reporter, result, ctx) : d.reporter.end(header, { inputProblems, summary, gate: result.gate }, ctx));
      await d.writer.close();
      if (d.file) io.stderr.write(`wrote ${displayPath(io.cwd, d.file)}\n`);
    }
    await writeStepSummary(io, result, { ...ctxFor(0), ...extraCtx });
    if (options.backlog) await updateBacklog(options.backlog, result, engine, io);
    await engine.grader?.close?.();
    reportSuppressionHealth(extraCtx.suppressions, io);
    warnIfPromptCacheUnused(summary.usage, io);
    // Without a terminal report on screen, the exit code alone would not say why the gate failed.
    if (!gate.passed && !destinations.some((d) => d.format === 'terminal' && !d.file)) {
      io.stderr.write(`gate failed:\n${gate.reasons.map((r) => `  - ${r}`).join('\n')}\n`);
    }
    if (run.interrupted) return 2;
    return gate.passed ? 0 : 1;
  } catch (error) {
    progress?.stop();
    await Promise.all(destinations.map((d) => d.writer.abort()));
    throw error;
  } finally {
    removeInterruptHandler?.();
    await pool?.close();
  }
}

/**
 * A worker pool for large offline audits (`--jobs`, see `parallel/judge-pool.ts`), or undefined to
 * judge in this thread. Batch mode grades before the stream reaches the judge, so it never pools.
 */
async function startJudgePool(inputs: string[], flags: Record<string, unknown>, engine: AuditEngine, io: Io): Promise<JudgePool | undefined> {
  const offline = engine.grader?.kind !== 'llm' && flags.batch !== true;
  const jobs = flags.jobs as number | undefined;
  if (!offline && jobs !== undefined && jobs > 1) io.stderr.write('note: --jobs has no effect with the LLM grader: it waits on the API, not the CPU\n');
  const heuristic = engine.grader?.kind === 'heuristic';
  const workers = chooseWorkers(jobs, { offline, heuristic, inputBytes: heuristic && jobs === undefined ? await totalFileBytes(inputs, io.cwd) : undefined });
  if (workers === 0) return undefined;
  const { createJudgePool, workerScript } = await import('../../parallel/judge-pool.js');
  const script = workerScript();
  return script ? createJudgePool({ flags, cwd: io.cwd, env: { ...io.env } }, workers, script) : undefined;
}

async function readSuppressionsFile(file: string): Promise<Suppression[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the suppressions file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseSuppressions(text, file);
}

function isExpired(entry: Suppression, today: string): boolean {
  return entry.expires !== undefined && entry.expires <= today;
}

function describeEntries(entries: readonly Suppression[]): string[] {
  return entries.map((e) => `${e.sample} ${e.rule}${e.match ? ` "${e.match}"` : ''}${e.expires ? ` (expires ${e.expires})` : ''}`);
}

/** Unused and expired accepted findings are reported so the file does not rot. */
function reportSuppressionHealth(info: ReportContext['suppressions'], io: Io): void {
  if (!info) return;
  for (const entry of info.unused) io.stderr.write(`warning: ${info.file}: accepted finding no longer occurs, remove it: ${entry}\n`);
  for (const entry of info.expired) io.stderr.write(`warning: ${info.file}: accepted finding has expired and counts again: ${entry}\n`);
}

/** Paying full price for the system prompt on every call is worth a warning: caching saves ~90% of it. */
function warnIfPromptCacheUnused(usage: AuditResult['summary']['usage'], io: Io): void {
  if (!usage || usage.calls < 2 || usage.cacheReadInputTokens > 0) return;
  io.stderr.write(
    `warning: the prompt cache was never read in ${usage.calls} API calls: the system prompt may be shorter than the model's ` +
      'minimum cacheable length, the server may not support caching, or calls were more than 5 minutes apart\n',
  );
}

function stepSummaryFile(io: Io): string | undefined {
  return io.env.GITHUB_ACTIONS === 'true' && io.env.GITHUB_STEP_SUMMARY ? io.env.GITHUB_STEP_SUMMARY : undefined;
}

/** On GitHub Actions, the Markdown report also goes to the job's step summary page. */
async function writeStepSummary(io: Io, result: AuditResult, ctx: ReportContext): Promise<void> {
  const file = stepSummaryFile(io);
  if (!file) return;
  await appendFile(file, renderReport(markdown, result, ctx));
}

async function updateBacklog(file: string, result: AuditResult, engine: AuditEngine, io: Io): Promise<void> {
  const { updateBacklogFromAudit } = await import('../../backlog/index.js');
  // The label names the audit's content, not its time: rerunning the same audit must change nothing.
  const label = auditLabel(result);
  const outcome = await updateBacklogFromAudit(file, result, { auditLabel: label, now: io.now().toISOString(), checkRewrite: (sample) => auditSample(engine, sample) });
  io.stderr.write(
    `backlog ${displayPath(io.cwd, file)}: ${outcome.added} added, ${outcome.updated} updated, ${outcome.resolved} resolved; ${outcome.ready} ready, ${outcome.needsReview} need review, ${outcome.needsRewrite} need a rewrite\n`,
  );
}

/** `<guide version>/<hash of the judged samples>`: identical audits share a label. */
function auditLabel(result: AuditResult): string {
  const hash = createHash('sha256').update(result.guide.hash);
  for (const sample of result.samples) hash.update(`\u0000${sample.id}\u0000${sample.response}`);
  return `${result.guide.version}/${hash.digest('hex').slice(0, 12)}`;
}

import path from 'node:path';
import type { AuditEngine } from '../../audit.js';
import type { Grader } from '../../grader/grader.js';
import type { BatchRun, LlmGrader, GradingContext } from '../../grader/llm/index.js';
import { formatProblem, GraderConfigError, UserError } from '../../errors.js';
import { formatKb, measureRecordText, type LoadEvent } from '../../load/samples/index.js';
import { runRules } from '../../rules/index.js';
import { getProviderProfile, resolveProviderBaseUrl } from '../../grader/providers/provider-profiles.js';
import type { ResolvedOptions } from '../../config/resolve-options.js';
import type { Finding, Sample } from '../../types.js';
import { displayPath } from '../display-path.js';
import type { Io } from '../io.js';

type LlmEngineGrader = LlmGrader & { context: GradingContext };

function isLlmGrader(grader: Grader | undefined): grader is LlmEngineGrader {
  return grader?.kind === 'llm' && 'context' in grader;
}

async function collectSamples(source: AsyncIterable<LoadEvent>): Promise<{ events: LoadEvent[]; samples: Sample[] }> {
  const events: LoadEvent[] = [];
  for await (const event of source) events.push(event);
  return { events, samples: events.flatMap((e) => (e.type === 'sample' ? [e.sample] : [])) };
}

/** Input warnings listed by --dry-run before the rest are counted; as many as an audit prints. */
const MAX_DRY_RUN_WARNINGS = 20;
/** A sample with this many times the median's text, and at least {@link OUTLIER_MIN_BYTES}, is worth a look before paying for it. */
const OUTLIER_FACTOR = 10;
const OUTLIER_MIN_BYTES = 10_000;

/**
 * What the dry run would have the audit warn about: the records it would skip (broken or over the
 * size limit, at file:line) and the samples far longer than the rest, which cost in proportion.
 */
function warnAboutInput(events: readonly LoadEvent[], samples: readonly Sample[], io: Io): void {
  const problems = events.flatMap((e) => (e.type === 'problem' ? [e] : []));
  for (const e of problems.slice(0, MAX_DRY_RUN_WARNINGS)) io.stderr.write(`warning: ${formatProblem(e.problem)}${e.severity === 'error' ? ' (record skipped)' : ''}\n`);
  if (problems.length > MAX_DRY_RUN_WARNINGS) io.stderr.write(`warning: … and ${problems.length - MAX_DRY_RUN_WARNINGS} more input warnings\n`);
  const sizes = samples.map((s) => measureRecordText(s));
  const median = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 0;
  const outliers = samples.flatMap((s, i) => (sizes[i]! >= OUTLIER_MIN_BYTES && sizes[i]! > OUTLIER_FACTOR * median ? [{ s, bytes: sizes[i]! }] : []));
  for (const { s, bytes } of outliers.slice(0, MAX_DRY_RUN_WARNINGS)) {
    io.stderr.write(`warning: ${s.source.file}:${s.source.line} ${s.id}: ${formatKb(bytes)} of text, ${Math.round(bytes / Math.max(1, median))}× the median sample (${formatKb(median)}); it costs in proportion\n`);
  }
  if (outliers.length > MAX_DRY_RUN_WARNINGS) io.stderr.write(`warning: … and ${outliers.length - MAX_DRY_RUN_WARNINGS} more unusually long samples\n`);
}

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * `audit --dry-run`: what the run would cost, before anything is sent for grading. Uses the
 * server's token counter where it has one (the only request made), else characters / 4.
 */
export async function printDryRun(source: AsyncIterable<LoadEvent>, engine: AuditEngine, options: ResolvedOptions, io: Io): Promise<number> {
  const { events, samples } = await collectSamples(source);
  // Skipped records only: warnings (duplicate ids, invalid UTF-8) leave their record in.
  const skipped = events.filter((e) => e.type === 'problem' && e.severity === 'error').length;
  const grader = engine.grader;
  warnAboutInput(events, samples, io);
  const lines = [`dry run: ${count(samples.length)} samples${skipped ? ` (${count(skipped)} broken or oversize records would be skipped)` : ''}, ${engine.rules.rules.length} rules`];
  if (!isLlmGrader(grader)) {
    lines.push(`grader: ${grader ? `${grader.kind} (offline)` : 'none'} — no API calls, cost $0`);
  } else {
    const { estimateAudit, readPriceTable } = await import('../../grader/llm/index.js');
    const findingsById = new Map<string, Finding[]>(samples.map((s) => [s.id, runRules(engine.rules, s)]));
    const profile = getProviderProfile(options.provider);
    const apiKey = io.env.ANTHROPIC_API_KEY || (profile.requiresApiKey ? '' : 'no-key');
    const baseURL = resolveProviderBaseUrl(profile, options.baseUrl, io.env.ANTHROPIC_BASE_URL);
    // Without a key Anthropic's count_tokens cannot be called: the estimate stays characters / 4.
    const countTokens = profile.countTokens && apiKey !== '';
    const estimate = await estimateAudit(samples, engine.guide, {
      apiKey,
      ...(baseURL ? { baseURL } : {}),
      model: grader.model,
      cacheDir: options.cache ? options.cacheDir : null,
      findingsById,
      repeat: options.repeat,
      conversationCalls: options.conversationCalls,
      countTokens,
    });
    const prices = readPriceTable();
    const how =
      estimate.method === 'count_tokens'
        ? "counted by the server's count_tokens"
        : `estimated as characters / 4${!profile.countTokens ? `; ${profile.name} has no count_tokens` : apiKey === '' ? '; no ANTHROPIC_API_KEY to count with' : ''}`;
    const caching = profile.promptCaching ? `cache write ${count(estimate.cacheWriteTokens)}, cache read ${count(estimate.cacheReadTokens)}` : 'no prompt caching';
    const uncached = profile.promptCaching ? estimate.inputTokens : estimate.inputTokens + estimate.cacheWriteTokens + estimate.cacheReadTokens;
    lines.push(
      `model: ${estimate.model}${profile.id === 'anthropic' ? '' : ` on ${profile.name} (${baseURL})`} · ${count(estimate.calls)} API calls, ${count(estimate.cachedResults)} answered by the result cache`,
      `tokens (${how}): system prompt ${count(estimate.systemTokens)}, uncached input ${count(uncached)}, ${caching}, output ~${count(estimate.outputTokens)}`,
      profile.local
        ? `estimated cost: none per token — ${profile.name} runs on your own hardware`
        : estimate.priced
          ? `estimated cost: ${usd(estimate.costUsd)} (prices as of ${prices.as_of}${profile.batches ? '; --batch halves it' : ''})`
          : `estimated cost: unknown — ${estimate.model} is not in the price table (data/prices.json)`,
    );
    if (options.maxCost !== undefined && estimate.costUsd > options.maxCost) lines.push(`note: the estimate exceeds --max-cost ${usd(options.maxCost)}; the run would stop when the budget is spent`);
  }
  lines.push('nothing was sent for grading.');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * `audit --batch`: grades every sample through the Message Batches API first (half price, results
 * within 24 h), then hands the verdicts to the normal pipeline. The input, the requests (split into
 * batches within the API's limits) and the results are spooled to a work folder under the cache
 * folder, named by what is graded, so rerunning the same command resumes instead of paying twice.
 * A failed or interrupted batch step is a clear error (exit 2), never an internal one.
 */
export async function gradeInBatch(
  source: AsyncIterable<LoadEvent>,
  engine: AuditEngine,
  options: ResolvedOptions,
  io: Io,
  signal: AbortSignal,
  pollSeconds = 30,
): Promise<AsyncIterable<LoadEvent>> {
  const grader = engine.grader;
  if (!isLlmGrader(grader)) {
    io.stderr.write('note: --batch applies to the LLM grader only; grading normally\n');
    return source;
  }
  const { runBatch } = await import('../../grader/llm/index.js');
  const workRoot = path.join(options.cacheDir, 'batches');
  let run: BatchRun;
  try {
    run = await runBatch(grader.context, source, (sample) => runRules(engine.rules, sample), { workRoot, signal, pollIntervalMs: pollSeconds * 1000 });
  } catch (error) {
    throw batchError(error, signal, displayPath(io.cwd, workRoot), options.baseUrl ?? io.env.ANTHROPIC_BASE_URL);
  }
  io.stderr.write(
    `batch: done: ${count(run.requests)} scoring request(s) in ${count(run.batchIds.length)} batch(es)${run.resumed ? ' (resumed)' : ''}: ${run.batchIds.join(', ') || 'all from cache'}; ` +
      `${count(run.resubmitted)} resubmitted; work folder ${displayPath(io.cwd, run.workDir)}\n`,
  );
  engine.grader = {
    kind: 'llm',
    model: grader.model,
    promptHash: grader.promptHash,
    grade: (sample, findings, gradeSignal) => run.grade(sample, findings, gradeSignal),
    // An interrupted run keeps its work folder, so the rerun still has the results.
    close: () => run.close(signal.aborted),
  };
  return run.replay<LoadEvent>();
}

/** A batch step that failed, as a user-facing error: what failed, and that rerunning resumes. */
function batchError(error: unknown, signal: AbortSignal, workRoot: string, baseUrl: string | undefined): Error {
  if (error instanceof UserError) return error;
  const resume = `batches already submitted keep running on the server; rerun the same command to resume (state in ${workRoot})`;
  if (signal.aborted) return new InterruptedError('interrupted while the batch was being prepared or awaited', { hint: resume });
  const message = error instanceof Error ? error.message : String(error);
  const where = baseUrl ? ` at ${baseUrl}` : '';
  const kind = (error as { kind?: string }).kind;
  const hint = kind === 'connection' || kind === 'timeout' ? `check --base-url / ANTHROPIC_BASE_URL and the network; ${resume}` : resume;
  return new GraderConfigError(`--batch: the Message Batches API${where} failed: ${message}`, { hint });
}

/** Exit 2, like any run that could not finish; its own class so the message is not mistaken for bad input. */
class InterruptedError extends UserError {}

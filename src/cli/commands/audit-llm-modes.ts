import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AuditEngine } from '../../audit.js';
import type { Grader } from '../../grader/grader.js';
import type { LlmGrader, GradingContext } from '../../grader/llm/index.js';
import type { LoadEvent } from '../../load/samples/index.js';
import { runRules } from '../../rules/index.js';
import { getProviderProfile, resolveProviderBaseUrl } from '../../grader/providers/provider-profiles.js';
import type { ResolvedOptions } from '../../config/resolve-options.js';
import type { Finding, Grade, Sample } from '../../types.js';
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

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * `audit --dry-run`: what the run would cost, before anything is sent for grading. Uses the
 * server's token counter where it has one (the only request made), else characters / 4.
 */
export async function printDryRun(source: AsyncIterable<LoadEvent>, engine: AuditEngine, options: ResolvedOptions, io: Io): Promise<number> {
  const { events, samples } = await collectSamples(source);
  const skipped = events.length - samples.length;
  const grader = engine.grader;
  const lines = [`dry run: ${count(samples.length)} samples${skipped ? ` (${count(skipped)} broken records would be skipped)` : ''}, ${engine.rules.rules.length} rules`];
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
 * within 24 h), then hands the verdicts to the normal pipeline. The batch id is kept under the cache
 * folder, keyed by what is graded, so rerunning the same command resumes the batch instead of paying twice.
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
  const { events, samples } = await collectSamples(source);
  if (!isLlmGrader(grader)) {
    io.stderr.write('note: --batch applies to the LLM grader only; grading normally\n');
    return toAsync(events);
  }
  const { gradeBatch } = await import('../../grader/llm/index.js');
  const findingsById = new Map<string, Finding[]>(samples.map((s) => [s.id, runRules(engine.rules, s)]));
  const key = createHash('sha256').update(`${grader.model}\u0000${grader.promptHash}`);
  for (const sample of samples) key.update(`\u0000${sample.id}\u0000${sample.customer}\u0000${sample.response}`);
  const stateFile = path.join(options.cacheDir, 'batches', `${key.digest('hex').slice(0, 16)}.json`);
  io.stderr.write(`batch: ${count(samples.length)} replies; state in ${displayPath(io.cwd, stateFile)} (rerun the same command to resume)\n`);
  const outcome = await gradeBatch(grader.context, samples, findingsById, { stateFile, signal, pollIntervalMs: pollSeconds * 1000 });
  const grades = outcome.grades;
  engine.grader = precomputedGrader(grader, grades);
  io.stderr.write(`batch: done (${outcome.batchIds.join(', ') || 'all from cache'}); ${outcome.resubmitted} request(s) resubmitted\n`);
  return toAsync(events);
}

/** Serves verdicts already obtained (from a batch) through the ordinary Grader interface. */
function precomputedGrader(source: LlmEngineGrader, grades: ReadonlyMap<string, Grade>): Grader {
  return {
    kind: 'llm',
    model: source.model,
    promptHash: source.promptHash,
    grade: async (sample) =>
      grades.get(sample.id) ?? { status: 'error', grader: 'llm', model: source.model, scores: {}, violations: [], drift: 'on-brand', error: 'no result for this reply in the batch' },
  };
}

async function* toAsync<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

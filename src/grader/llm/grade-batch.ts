import { readFile, rm } from 'node:fs/promises';
import type { Finding, Grade, Sample, Usage } from '../../types.js';
import type { MessageBatchIndividualResponse, MessageCreateParamsNonStreaming } from '../clients/anthropic.js';
import type { GradingContext } from './llm-grader.js';
import { addUsage, priceUsage, tokenCountsOf, ZERO_USAGE } from './price-usage.js';
import { parseVerdict } from './verdict.js';
import { extractVerdictPayload } from './verdict-request.js';
import { writeJsonFile } from './write-json-file.js';

export interface GradeBatchOptions {
  /** Where the batch id and its requests are kept, so a rerun resumes the same batch instead of paying twice. */
  stateFile: string;
  /** Between status polls (default 30 s; tests use a few ms). */
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

export interface BatchOutcome {
  /** By sample id. */
  grades: Map<string, Grade>;
  /** Priced with the batch discount. */
  usage: Usage;
  /** Batches submitted or resumed, in order. */
  batchIds: string[];
  /** Requests submitted a second time after an errored or expired first attempt. */
  resubmitted: number;
}

interface BatchState {
  batchId: string;
  /** custom_id → sample ids (identical samples share one request). */
  requests: Record<string, string[]>;
  round: 1 | 2;
}

/**
 * Grades samples through the Message Batches API (50% off, results within 24 h): the scoring calls
 * only, one request per sample and repeat. Cached verdicts are not resubmitted; errored or expired
 * requests are submitted once more; whatever still fails is ungraded. Then each sample goes through the
 * grader's ordinary pipeline with those judgements: repeats are combined, and drifting replies get
 * their rewrite call (and its retry) as ordinary calls at full price, cached like any other.
 */
export async function gradeBatch(
  context: GradingContext,
  samples: readonly Sample[],
  findingsById: ReadonlyMap<string, readonly Finding[]>,
  options: GradeBatchOptions,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { grades: new Map(), usage: ZERO_USAGE, batchIds: [], resubmitted: 0 };
  /** Scoring judgements by cache key (one per sample and repeat): from the cache, the batch, or failed. */
  const scored = new Map<string, Grade>();
  const byKey = new Map<string, Sample[]>();
  // Keys and requests come from the redacted view of each sample, as in the ordinary pipeline.
  const keysOf = (sample: Sample): string[] => Array.from({ length: context.repeat }, (_, i) => context.scoreKey(sample, i));
  for (const sample of samples) {
    for (const key of keysOf(sample)) {
      if (scored.has(key) || byKey.has(key)) {
        if (byKey.has(key)) byKey.get(key)!.push(sample);
        continue;
      }
      const hit = await context.cache?.read(key);
      if (hit) scored.set(key, { ...hit, model: context.model, calls: 0 });
      else byKey.set(key, [sample]);
    }
  }
  const paramsFor = (key: string): MessageCreateParamsNonStreaming => {
    const sample = byKey.get(key)![0]!;
    return context.scoreParams(sample, findingsById.get(sample.id) ?? [], context.maxTokens * 2);
  };

  let state = await readState(options.stateFile);
  if (state && !Object.keys(state.requests).every((id) => byKey.has(id))) state = undefined;
  if (!state && byKey.size > 0) state = await submit([...byKey.keys()], 1);

  while (state) {
    outcome.batchIds.push(state.batchId);
    await waitUntilEnded(state.batchId);
    const lines = await context.client.batchResults(state.batchId, options.signal);
    const failed: string[] = [];
    const reasons = new Map<string, string>();
    for (const line of lines) {
      const reason = await record(line);
      if (reason) {
        failed.push(line.custom_id);
        reasons.set(line.custom_id, reason);
      }
    }
    const missing = Object.keys(state.requests).filter((id) => !lines.some((l) => l.custom_id === id));
    for (const id of missing) reasons.set(id, 'no result returned');
    failed.push(...missing);
    if (failed.length > 0 && state.round === 1) {
      outcome.resubmitted = failed.length;
      state = await submit(failed, 2);
      continue;
    }
    for (const id of failed) fail(id, `batch request ${reasons.get(id) ?? 'failed'}`);
    state = undefined;
  }
  await rm(options.stateFile, { force: true });
  // Repeats are combined and drifting replies rewritten now, with ordinary (full-price) calls.
  await Promise.all(
    samples.map(async (sample) => {
      const keys = keysOf(sample);
      const grade = await context.gradeSample(sample, findingsById.get(sample.id) ?? [], options.signal, (i) => scored.get(keys[i] ?? ''));
      outcome.grades.set(sample.id, grade);
    }),
  );
  return outcome;

  async function submit(ids: string[], round: 1 | 2): Promise<BatchState> {
    const batch = await context.client.createBatch(ids.map((id) => ({ custom_id: id, params: paramsFor(id) })), options.signal);
    const next: BatchState = { batchId: batch.id, round, requests: Object.fromEntries(ids.map((id) => [id, byKey.get(id)!.map((s) => s.id)])) };
    await writeJsonFile(options.stateFile, next);
    return next;
  }

  async function waitUntilEnded(batchId: string): Promise<void> {
    for (;;) {
      const batch = await context.client.retrieveBatch(batchId, options.signal);
      const counts = batch.request_counts;
      context.emit({
        type: 'batch',
        batchId,
        status: batch.processing_status,
        succeeded: counts.succeeded,
        processing: counts.processing,
        failed: counts.errored + counts.expired + counts.canceled,
      });
      if (batch.processing_status === 'ended') return;
      await sleep(options.pollIntervalMs ?? 30_000, options.signal);
    }
  }

  /** Records one result line; returns why it failed when it should be resubmitted. */
  async function record(line: MessageBatchIndividualResponse): Promise<string | undefined> {
    const key = line.custom_id;
    if (!byKey.has(key)) return undefined;
    if (line.result.type !== 'succeeded') return line.result.type;
    const message = line.result.message;
    const usage = priceUsage(tokenCountsOf(message.usage), context.model, { prices: context.prices, batch: true });
    outcome.usage = addUsage(outcome.usage, usage);
    const original = byKey.get(key)![0]!;
    // Quotes are verified against the redacted reply the request carried; gradeSample maps them back.
    const { sample, findings } = context.view(original, findingsById.get(original.id) ?? []);
    const payload = message.stop_reason === 'refusal' ? { ok: false as const, error: 'the model refused to grade' } : extractVerdictPayload(message);
    const verdict = payload.ok ? parseVerdict(payload.value, sample, context.guide, findings) : payload;
    if (!verdict.ok) {
      fail(key, verdict.error, usage);
      return undefined;
    }
    const grade: Grade = { ...verdict.grade, model: context.model, usage, calls: 1 };
    scored.set(key, grade);
    try {
      await context.cache?.write(key, grade);
    } catch (error) {
      context.emit({ type: 'cache-error', message: (error as Error).message });
    }
    return undefined;
  }

  function fail(key: string, error: string, usage: Usage = ZERO_USAGE): void {
    if (!byKey.has(key)) return;
    scored.set(key, { status: 'error', grader: 'llm', model: context.model, scores: {}, violations: [], drift: 'on-brand', error, usage, calls: usage === ZERO_USAGE ? 0 : 1 });
  }
}

async function readState(file: string): Promise<BatchState | undefined> {
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as BatchState;
    return typeof state.batchId === 'string' && state.requests && (state.round === 1 || state.round === 2) ? state : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

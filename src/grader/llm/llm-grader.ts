import type { Grader } from '../grader.js';
import type { Finding, Grade, Sample, StyleGuide, Usage } from '../../types.js';
import { ApiCallError, createAnthropicClient, type AnthropicClient, type Message } from '../clients/anthropic.js';
import { AdaptiveLimiter, type LimitChange } from './adaptive-limiter.js';
import { callsLeft, type CallEstimate } from './calls-left.js';
import { addUsage, priceUsage, tokenCountsOf, ZERO_USAGE, type PriceTable } from './price-usage.js';
import { readPriceTable } from './read-price-table.js';
import { createResultCache, resultCacheKey, type ResultCache } from './result-cache.js';
import { renderRubric } from './rubric.js';
import { renderSampleTurn } from './sample-turn.js';
import { buildVerdictSchema, parseVerdict } from './verdict.js';
import {
  buildVerdictRequest,
  extractVerdictPayload,
  isUnsupportedModeError,
  nextOutputMode,
  resolveOutputMode,
  type OutputMode,
  type StructuredOutput,
} from './verdict-request.js';

export const DEFAULT_MODEL = 'claude-haiku-5-5';
export const DEFAULT_CONCURRENCY = 8;
/** Room for scores, reasons, violations and a rewrite; doubled once when a verdict is cut off. */
export const DEFAULT_MAX_TOKENS = 1024;
/** How often a call that still gets a 429 after the SDK's own retries is queued again (behind the slowed-down pool). */
const RATE_LIMIT_REQUEUES = 6;

/** Progress and trouble the CLI may show (on stderr). */
export type LlmGraderEvent =
  | { type: 'rate-limited'; retryAfterMs?: number; concurrency: number }
  | { type: 'concurrency'; limit: number; reason: LimitChange['reason'] }
  | { type: 'fallback'; from: OutputMode; to: OutputMode; reason: string }
  | { type: 'retry'; sampleId: string; reason: 'max_tokens' | 'invalid-output' | 'rate-limited' }
  | { type: 'budget-exhausted'; spentUsd: number; budgetUsd: number }
  | { type: 'cache-error'; message: string }
  | { type: 'batch'; batchId: string; status: string; succeeded: number; processing: number; failed: number };

export interface LlmGraderOptions {
  apiKey: string;
  baseURL?: string;
  /** Default {@link DEFAULT_MODEL}. */
  model?: string;
  /** Ceiling of concurrent API calls (default 8); cut in half on every burst of 429s, regained gradually. */
  concurrency?: number;
  /** The SDK's own retries per call (default 2). */
  maxRetries?: number;
  /** Per attempt (default 60 s). */
  timeoutMs?: number;
  /** Directory of the result cache; `null` disables it. Default: no cache. */
  cacheDir?: string | null;
  /** Stop calling the API once the next call could take the spend past this (USD). */
  maxCostUsd?: number;
  /** Default `auto`: json_schema for claude-* models, forced tool otherwise; falls back on a 400 that says unsupported. */
  structuredOutput?: StructuredOutput;
  maxTokens?: number;
  /** Default: data/prices.json. */
  prices?: PriceTable;
  onEvent?: (event: LlmGraderEvent) => void;
  /** For tests and alternative transports; default: the real SDK client. */
  client?: AnthropicClient;
}

export interface LlmGraderTotals {
  /** Messages requests we issued (the SDK's internal retries not included). */
  calls: number;
  /** Grades served from the result cache. */
  cachedResults: number;
  usage: Usage;
  /** HTTP 429 responses seen (including those the SDK retried). */
  rateLimited: number;
  /** Grades returned with `status: 'error'`. */
  ungraded: number;
  /** Lowest concurrency the pool slowed down to. */
  lowestConcurrency: number;
}

export interface LlmGrader extends Grader {
  readonly kind: 'llm';
  readonly model: string;
  readonly promptHash: string;
  /** The output mode in use (after any fallback). */
  readonly outputMode: OutputMode;
  /** True once a call was refused for `maxCostUsd`. */
  readonly budgetExhausted: boolean;
  totals(): LlmGraderTotals;
}

/** Internals shared with the batch runner. */
export interface GradingContext {
  guide: StyleGuide;
  model: string;
  system: string;
  promptHash: string;
  schema: Record<string, unknown>;
  client: AnthropicClient;
  cache: ResultCache | undefined;
  prices: PriceTable;
  maxTokens: number;
  outputMode: () => OutputMode;
  emit: (event: LlmGraderEvent) => void;
}

/**
 * The LLM grader: renders the guide once, then grades each sample through a bounded, adaptive pool,
 * the result cache and a cost budget. Never throws for a sample: failures come back as `status: 'error'`.
 */
export function createLlmGrader(guide: StyleGuide, options: LlmGraderOptions): LlmGrader & { context: GradingContext } {
  const model = options.model ?? DEFAULT_MODEL;
  const rubric = renderRubric(guide);
  const schema = buildVerdictSchema(guide);
  const prices = options.prices ?? readPriceTable();
  const emit = (event: LlmGraderEvent): void => options.onEvent?.(event);
  const cache = options.cacheDir ? createResultCache(options.cacheDir) : undefined;
  const limiter = new AdaptiveLimiter({
    max: options.concurrency ?? DEFAULT_CONCURRENCY,
    onChange: (change) => emit({ type: 'concurrency', limit: change.limit, reason: change.reason }),
  });
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  /** Input tokens of a call (chars/3, generous: pacing should rather wait than meet a 429). */
  const inputTokensOf = (user: string): number => Math.ceil((rubric.system.length + JSON.stringify(schema).length + user.length) / 3);
  /** The last call's size, to count how many calls a token bucket has left (calls are of similar size). */
  let lastEstimate: CallEstimate = { inputTokens: inputTokensOf(''), outputTokens: maxTokens };
  const totals: LlmGraderTotals = { calls: 0, cachedResults: 0, usage: ZERO_USAGE, rateLimited: 0, ungraded: 0, lowestConcurrency: limiter.limit };
  const client =
    options.client ??
    createAnthropicClient({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: options.maxRetries,
      timeoutMs: options.timeoutMs,
      onRateLimited: (retryAfterMs) => {
        totals.rateLimited += 1;
        limiter.rateLimited(retryAfterMs);
        totals.lowestConcurrency = limiter.lowestLimit;
        emit({ type: 'rate-limited', retryAfterMs, concurrency: limiter.limit });
      },
      onRateLimitHeaders: (quota) => {
        const left = callsLeft(quota, lastEstimate, Date.now());
        if (left) limiter.paceByQuota(left.calls, left.resetAt);
      },
    });
  let mode = resolveOutputMode(options.structuredOutput ?? 'auto', model);
  let reservedUsd = 0;
  let budgetExhausted = false;

  const errorGrade = (error: string, usage: Usage): Grade => ({
    status: 'error',
    grader: 'llm',
    model,
    scores: {},
    violations: [],
    drift: 'on-brand',
    error,
    usage,
  });

  /** Worst case of one call: every input token written to the cache (chars/3, generous) and all of max_tokens spent. */
  const worstCaseUsd = (user: string, tokens: number): number => {
    const price = prices.models[model];
    if (!price) return 0;
    return (inputTokensOf(user) * price.cache_write_5m + tokens * price.output) / 1_000_000;
  };

  async function callOnce(sample: Sample, findings: readonly Finding[], signal: AbortSignal | undefined): Promise<Grade> {
    const turn = renderSampleTurn(sample, findings);
    let usage = ZERO_USAGE;
    let tokens = maxTokens;
    let truncatedOnce = false;
    let invalidOnce = false;
    let requeues = 0;
    for (;;) {
      const callMode = mode;
      const worst = worstCaseUsd(turn.text, tokens);
      if (options.maxCostUsd !== undefined && totals.usage.costUsd + reservedUsd + worst > options.maxCostUsd) {
        if (!budgetExhausted) emit({ type: 'budget-exhausted', spentUsd: totals.usage.costUsd, budgetUsd: options.maxCostUsd });
        budgetExhausted = true;
        return errorGrade(`budget exhausted ($${totals.usage.costUsd.toFixed(4)} of $${options.maxCostUsd.toFixed(2)})`, usage);
      }
      const params = buildVerdictRequest({ model, system: rubric.system, user: turn.text, schema, mode: callMode, maxTokens: tokens });
      let message: Message;
      reservedUsd += worst;
      lastEstimate = { inputTokens: inputTokensOf(turn.text), outputTokens: tokens };
      try {
        message = await limiter.run(() => {
          totals.calls += 1;
          return client.createMessage(params, signal);
        }, signal);
      } catch (error) {
        if (signal?.aborted) return errorGrade('interrupted', usage);
        const failure = error instanceof ApiCallError ? error : new ApiCallError(String((error as Error)?.message ?? error), 'api');
        const fallback = nextOutputMode(callMode);
        if (failure.kind === 'bad-request' && fallback && isUnsupportedModeError(callMode, failure.message)) {
          if (mode === callMode) {
            mode = fallback;
            emit({ type: 'fallback', from: callMode, to: fallback, reason: failure.message });
          }
          continue;
        }
        if (failure.kind === 'rate-limited' && requeues < RATE_LIMIT_REQUEUES) {
          requeues += 1;
          emit({ type: 'retry', sampleId: sample.id, reason: 'rate-limited' });
          continue;
        }
        return errorGrade(failure.message, usage);
      } finally {
        reservedUsd -= worst;
      }
      limiter.succeeded();
      const callUsage = priceUsage(tokenCountsOf(message.usage), model, { prices });
      usage = addUsage(usage, callUsage);
      totals.usage = addUsage(totals.usage, callUsage);

      if (message.stop_reason === 'refusal') {
        const why = message.stop_details?.explanation ?? message.stop_details?.category;
        return errorGrade(`the model refused to grade${why ? `: ${why}` : ''}`, usage);
      }
      if (message.stop_reason === 'max_tokens') {
        if (!truncatedOnce) {
          truncatedOnce = true;
          tokens *= 2;
          emit({ type: 'retry', sampleId: sample.id, reason: 'max_tokens' });
          continue;
        }
        return errorGrade(`verdict cut off at max_tokens (${tokens})`, usage);
      }
      const payload = extractVerdictPayload(message);
      const verdict = payload.ok ? parseVerdict(payload.value, sample, guide) : payload;
      if (verdict.ok) return { ...verdict.grade, model, usage };
      if (!invalidOnce) {
        invalidOnce = true;
        emit({ type: 'retry', sampleId: sample.id, reason: 'invalid-output' });
        continue;
      }
      return errorGrade(verdict.error, usage);
    }
  }

  const context: GradingContext = {
    guide,
    model,
    system: rubric.system,
    promptHash: rubric.hash,
    schema,
    client,
    cache,
    prices,
    maxTokens,
    outputMode: () => mode,
    emit,
  };

  return {
    kind: 'llm',
    model,
    promptHash: rubric.hash,
    context,
    get outputMode() {
      return mode;
    },
    get budgetExhausted() {
      return budgetExhausted;
    },
    totals: () => ({ ...totals, usage: { ...totals.usage }, lowestConcurrency: limiter.lowestLimit }),
    async grade(sample, ruleFindings, signal) {
      const key = resultCacheKey(model, rubric.hash, sample);
      const hit = await cache?.read(key);
      if (hit) {
        totals.cachedResults += 1;
        return { ...hit, model };
      }
      let grade: Grade;
      try {
        grade = await callOnce(sample, ruleFindings, signal);
      } catch (error) {
        // Defensive: the contract says a grader never throws for a sample.
        grade = errorGrade(`internal error: ${(error as Error)?.message ?? String(error)}`, ZERO_USAGE);
      }
      if (grade.status === 'error') totals.ungraded += 1;
      else if (cache) {
        try {
          await cache.write(key, grade);
        } catch (error) {
          emit({ type: 'cache-error', message: (error as Error).message });
        }
      }
      return grade;
    },
    async close() {},
  };
}

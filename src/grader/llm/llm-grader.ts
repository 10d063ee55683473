import type { Grader } from '../grader.js';
import type { Finding, Grade, RepeatVerdict, Sample, StyleGuide, Usage } from '../../types.js';
import { createAnthropicClient, type AnthropicClient } from '../clients/anthropic.js';
import { AdaptiveLimiter, type LimitChange } from './adaptive-limiter.js';
import { callModel, type CallerDeps, type CallerState } from './call-model.js';
import { callsLeft } from './calls-left.js';
import { combineRepeats, judgeRepeat } from './combine-repeats.js';
import { addUsage, ZERO_USAGE, type PriceTable } from './price-usage.js';
import { readPriceTable } from './read-price-table.js';
import { createResultCache, resultCacheKey, type ResultCache } from './result-cache.js';
import { rewriteReply, type CheckRewrite } from './rewrite-reply.js';
import { renderRubric } from './rubric.js';
import { renderSampleTurn } from './sample-turn.js';
import { buildRewriteSchema, buildVerdictSchema, parseVerdict } from './verdict.js';
import { buildVerdictRequest, CONVERSATION_OUTPUT, resolveOutputMode, VERDICT_OUTPUT, type OutputMode, type StructuredOutput } from './verdict-request.js';
import type { MessageCreateParamsNonStreaming } from '../clients/anthropic.js';
import { restore, type RedactOptions } from '../../redact/index.js';
import { requestView, resolveRequestRedaction, type RequestRedaction, type RequestView } from './request-view.js';
import { restoreGrade } from './restore-grade.js';
import type { ConversationTurn } from '../grader.js';
import { conversationIdOf } from '../../load/samples/expand-turns.js';
import {
  buildConversationVerdictSchema,
  locateTurns,
  MAX_CONVERSATION_CALL_TURNS,
  parseConversationVerdicts,
  preferConversationCall,
  renderConversationTurn,
  turnsInView,
} from './conversation-request.js';

export type { CheckRewrite } from './rewrite-reply.js';

export { MAX_CONVERSATION_CALL_TURNS };

export const DEFAULT_MODEL = 'claude-haiku-5-5';
export const DEFAULT_CONCURRENCY = 8;
/** Room for evidence, reasoning and scores, violations and reviews (or a rewrite); doubled once when an answer is cut off. */
export const DEFAULT_MAX_TOKENS = 1024;

/** Progress and trouble the CLI may show (on stderr). */
export type LlmGraderEvent =
  | { type: 'rate-limited'; retryAfterMs?: number; concurrency: number }
  | { type: 'concurrency'; limit: number; reason: LimitChange['reason'] }
  | { type: 'fallback'; from: OutputMode; to: OutputMode; reason: string }
  | { type: 'retry'; sampleId: string; reason: 'max_tokens' | 'invalid-output' | 'rate-limited' }
  | { type: 'budget-exhausted'; spentUsd: number; budgetUsd: number }
  | { type: 'cache-error'; message: string }
  | { type: 'rewrite-failed'; sampleId: string; reason: string }
  | { type: 'batch'; batchId: string; status: string; succeeded: number; processing: number; failed: number }
  | { type: 'conversation-fallback'; conversationId: string; reason: string };

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
  /** False for servers without prompt caching (`--provider`): no `cache_control` is sent. Default true. */
  promptCaching?: boolean;
  maxTokens?: number;
  /** Judge each reply this many times (default 1): median scores, majority verdict, flips recorded. */
  repeat?: number;
  /**
   * `auto` (default): the bot turns of a conversation (2 to {@link MAX_CONVERSATION_CALL_TURNS}) are
   * scored in one call, which sends the transcript once instead of once per turn; `per-turn`: one
   * scoring call per bot turn. With `repeat` above 1 every turn has its own calls.
   */
  conversationCalls?: 'auto' | 'per-turn';
  /**
   * Re-checks a rewrite with the guide's compiled rules (the CLI passes `runRules` on the rewrite in the
   * original's conversation). Without it rewrites are not re-checked and carry no `rewriteCheck`.
   */
  checkRewrite?: CheckRewrite;
  /** Default: data/prices.json. */
  prices?: PriceTable;
  /**
   * Redact personal data (emails, phones, cards, IBANs, SSNs, NI numbers, URL tokens, secrets, names)
   * from every request and cache key; answers are mapped back to the original. Default on; `false`
   * sends the texts verbatim (`--no-redact`).
   */
  redact?: boolean | RedactOptions;
  onEvent?: (event: LlmGraderEvent) => void;
  /** For tests and alternative transports; default: the real SDK client. */
  client?: AnthropicClient;
}

export interface LlmGraderTotals {
  /** HTTP requests to the Messages API, scoring and rewrite, every retry included (what the API bills and rate-limits). */
  calls: number;
  /** Calls answered by the result cache instead. */
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
  gradeConversation(turns: readonly ConversationTurn[], signal?: AbortSignal): Promise<Grade[]>;
  readonly model: string;
  readonly promptHash: string;
  /** The output mode in use (after any fallback). */
  readonly outputMode: OutputMode;
  /** True once a call was refused for `maxCostUsd`. */
  readonly budgetExhausted: boolean;
  totals(): LlmGraderTotals;
}

/** A scoring judgement obtained elsewhere (a batch result, or a cache hit the batch runner read), by repeat index. */
export type Prescored = (repeat: number) => Grade | undefined;

/** Internals shared with the batch runner. */
export interface GradingContext {
  guide: StyleGuide;
  model: string;
  system: string;
  promptHash: string;
  /** The scoring call's schema. */
  schema: Record<string, unknown>;
  client: AnthropicClient;
  cache: ResultCache | undefined;
  prices: PriceTable;
  maxTokens: number;
  /** Judgements per reply (`--repeat`). */
  repeat: number;
  outputMode: () => OutputMode;
  emit: (event: LlmGraderEvent) => void;
  /** How request texts are redacted (`false`: verbatim). */
  redaction: RequestRedaction;
  /** The sample and findings as requests carry them (redacted unless redaction is off). */
  view: (sample: Sample, findings: readonly Finding[]) => RequestView;
  /** The result-cache key of one scoring judgement, from the request's (redacted) texts. */
  scoreKey: (sample: Sample, repeat: number) => string;
  /** The scoring request for one sample, as the batch submits it (built from the redacted view). */
  scoreParams: (sample: Sample, findings: readonly Finding[], maxTokens: number) => MessageCreateParamsNonStreaming;
  /** The whole pipeline for one sample (repeats, combination, rewrite), using `prescored` judgements where given. */
  gradeSample: (sample: Sample, findings: readonly Finding[], signal?: AbortSignal, prescored?: Prescored) => Promise<Grade>;
}

/**
 * The LLM grader: renders the guide once, then per reply makes a scoring call (N times with `repeat`)
 * and, only when the combined judgement drifts, a second call for an on-brand rewrite, re-checked with
 * the rules and retried once when it fails them. Calls go through a bounded, adaptive pool, the result
 * cache (every call kind cached apart) and a cost budget. Never throws for a sample: failures come back
 * as `status: 'error'`.
 */
export function createLlmGrader(guide: StyleGuide, options: LlmGraderOptions): LlmGrader & { context: GradingContext } {
  const model = options.model ?? DEFAULT_MODEL;
  const repeat = Math.max(1, Math.floor(options.repeat ?? 1));
  const rubric = renderRubric(guide);
  const schema = buildVerdictSchema(guide);
  const conversationSchema = buildConversationVerdictSchema(guide);
  const rewriteSchema = buildRewriteSchema();
  const prices = options.prices ?? readPriceTable();
  const emit = (event: LlmGraderEvent): void => options.onEvent?.(event);
  const cache = options.cacheDir ? createResultCache(options.cacheDir) : undefined;
  const redaction = resolveRequestRedaction(guide, options.redact);
  const view = (sample: Sample, findings: readonly Finding[]): RequestView => requestView(sample, findings, redaction);
  // Keyed by the redacted texts: the same reply gives the same key, and no original PII is hashed.
  const scoreKey = (sample: Sample, index: number): string => resultCacheKey(model, rubric.hash, view(sample, []).sample, index);
  const limiter = new AdaptiveLimiter({
    max: options.concurrency ?? DEFAULT_CONCURRENCY,
    onChange: (change) => emit({ type: 'concurrency', limit: change.limit, reason: change.reason }),
  });
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const totals: LlmGraderTotals = { calls: 0, cachedResults: 0, usage: ZERO_USAGE, rateLimited: 0, ungraded: 0, lowestConcurrency: limiter.limit };
  const state: CallerState = {
    mode: resolveOutputMode(options.structuredOutput ?? 'auto', model),
    reservedUsd: 0,
    budgetExhausted: false,
    spentUsd: 0,
    calls: 0,
    lastEstimate: { inputTokens: Math.ceil((rubric.system.length + JSON.stringify(schema).length) / 3), outputTokens: maxTokens },
  };
  const client =
    options.client ??
    createAnthropicClient({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: options.maxRetries,
      timeoutMs: options.timeoutMs,
      ...(options.promptCaching === false ? { promptCaching: false } : {}),
      onRateLimited: (retryAfterMs) => {
        totals.rateLimited += 1;
        limiter.rateLimited(retryAfterMs);
        totals.lowestConcurrency = limiter.lowestLimit;
        emit({ type: 'rate-limited', retryAfterMs, concurrency: limiter.limit });
      },
      onRateLimitHeaders: (quota) => {
        const left = callsLeft(quota, state.lastEstimate, Date.now());
        if (left) limiter.paceByQuota(left.calls, left.resetAt);
      },
    });
  const deps: CallerDeps = {
    model,
    system: rubric.system,
    client,
    limiter,
    prices,
    maxTokens,
    ...(options.maxCostUsd !== undefined ? { maxCostUsd: options.maxCostUsd } : {}),
    state,
    emit,
  };
  const track = (usage: Usage): void => {
    totals.usage = addUsage(totals.usage, usage);
  };
  const errorGrade = (error: string, usage: Usage, calls: number): Grade => ({
    status: 'error',
    grader: 'llm',
    model,
    scores: {},
    violations: [],
    drift: 'on-brand',
    error,
    usage,
    calls,
  });

  /**
   * One scoring judgement of the request view (redacted sample and findings): from `pre`, else the
   * cache, else the API (cached when graded). The grade's quotes are those of the redacted reply.
   */
  async function scoreOnce(sample: Sample, findings: readonly Finding[], index: number, signal: AbortSignal | undefined, pre: Grade | undefined): Promise<Grade> {
    if (pre) return pre;
    const key = resultCacheKey(model, rubric.hash, sample, index);
    const hit = await cache?.read(key);
    if (hit) {
      totals.cachedResults += 1;
      return { ...hit, model, calls: 0 };
    }
    const outcome = await callModel(deps, {
      sampleId: sample.id,
      user: renderSampleTurn(sample, findings).text,
      schema,
      tool: VERDICT_OUTPUT,
      what: 'verdict',
      parse: (raw) => {
        const verdict = parseVerdict(raw, sample, guide, findings);
        return verdict.ok ? { ok: true, value: verdict.grade } : verdict;
      },
      ...(signal ? { signal } : {}),
    });
    track(outcome.usage);
    if (!outcome.ok) return errorGrade(outcome.error, outcome.usage, outcome.calls);
    const grade: Grade = { ...outcome.value, model, usage: outcome.usage, calls: outcome.calls };
    try {
      await cache?.write(key, grade);
    } catch (error) {
      emit({ type: 'cache-error', message: (error as Error).message });
    }
    return grade;
  }

  /** After scoring: a rewrite when the grade drifts, then everything brought back from the redacted view. */
  async function finishGrade(original: Sample, request: Omit<RequestView, 'counts'>, graded: Grade, signal?: AbortSignal): Promise<Grade> {
    const { sample, findings } = request;
    let grade = graded;
    if (grade.status === 'graded' && judgeRepeat(grade, findings, guide) === 'drift') {
      const check = options.checkRewrite;
      // The rewrite comes back with placeholders: the rules check it restored, in the original conversation;
      // what they find is redacted again before the retry shows it to the model.
      const checkRewrite: CheckRewrite | undefined = check ? (text) => request.protect(check(restore(text, request.map), original)) : undefined;
      grade = await rewriteReply(
        { deps, guide, model, promptHash: rubric.hash, schema: rewriteSchema, cache, emit, track, onCacheHit: () => (totals.cachedResults += 1), ...(checkRewrite ? { checkRewrite } : {}) },
        sample,
        findings,
        grade,
        signal,
      );
    }
    return restoreGrade(grade, request.map, original);
  }

  const withRedactedCounts = (grade: Grade, counts: RequestView['counts']): Grade => {
    const redacted = counts ? Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)) : undefined;
    return redacted && Object.keys(redacted).length > 0 ? { ...grade, redacted } : grade;
  };

  async function gradeSample(original: Sample, originalFindings: readonly Finding[], signal?: AbortSignal, prescored?: Prescored): Promise<Grade> {
    let grade: Grade;
    let counts: RequestView['counts'];
    try {
      // Everything from here to the restore works on the redacted view: requests, cache, quotes.
      const request = view(original, originalFindings);
      const { sample, findings } = request;
      counts = request.counts;
      const judgements = await Promise.all(Array.from({ length: repeat }, (_, i) => scoreOnce(sample, findings, i, signal, prescored?.(i))));
      const verdicts: RepeatVerdict[] = judgements.map((g) => judgeRepeat(g, findings, guide));
      grade = await finishGrade(original, request, combineRepeats(judgements, verdicts, guide), signal);
    } catch (error) {
      // Defensive: the contract says a grader never throws for a sample.
      grade = errorGrade(`internal error: ${(error as Error)?.message ?? String(error)}`, ZERO_USAGE, 0);
    }
    if (grade.status === 'error') totals.ungraded += 1;
    return withRedactedCounts(grade, counts);
  }

  /**
   * The scoring judgements of a conversation's turns (in the conversation's redacted view): from the
   * cache when every turn is there, else one call. A failed call says why, with what it cost.
   */
  async function scoreConversation(
    id: string,
    turns: readonly Sample[],
    positions: readonly number[],
    findings: readonly (readonly Finding[])[],
    signal: AbortSignal | undefined,
  ): Promise<{ ok: true; grades: Grade[] } | { ok: false; error: string; usage: Usage; calls: number }> {
    const whole = turns[turns.length - 1]!;
    // The whole conversation (its last turn's texts) and the turn's place in it: one key per turn.
    const keys = turns.map((_, k) => resultCacheKey(model, `${rubric.hash}:conversation:${turns.length}`, whole, k));
    const hits = cache ? await Promise.all(keys.map((key) => cache.read(key))) : [];
    if (hits.length === turns.length && hits.every((hit) => hit !== undefined)) {
      totals.cachedResults += hits.length;
      return { ok: true, grades: hits.map((hit) => ({ ...hit!, model, calls: 0 })) };
    }
    const outcome = await callModel(deps, {
      sampleId: id,
      user: renderConversationTurn(whole, positions, findings),
      schema: conversationSchema,
      tool: CONVERSATION_OUTPUT,
      what: 'verdict',
      // Room for every turn's verdict.
      maxTokens: maxTokens * turns.length,
      parse: (raw) => parseConversationVerdicts(raw, turns, guide, findings),
      ...(signal ? { signal } : {}),
    });
    track(outcome.usage);
    if (!outcome.ok) return outcome;
    const last = turns.length - 1;
    // The call's cost is on the last turn, so a summary adds it once.
    const grades = outcome.value.map((g, k): Grade => ({ ...g, model, ...(k === last ? { usage: outcome.usage, calls: outcome.calls } : { calls: 0 }) }));
    for (const [k, grade] of grades.entries()) {
      try {
        await cache?.write(keys[k]!, grade);
      } catch (error) {
        emit({ type: 'cache-error', message: (error as Error).message });
      }
    }
    return { ok: true, grades };
  }

  async function gradeConversation(turns: readonly ConversationTurn[], signal?: AbortSignal): Promise<Grade[]> {
    const perTurn = (): Promise<Grade[]> => Promise.all(turns.map((turn) => gradeSample(turn.sample, turn.findings, signal)));
    const positions = locateTurns(turns);
    if (options.conversationCalls === 'per-turn' || repeat > 1 || !preferConversationCall(turns.length) || positions === undefined) return perTurn();
    const last = turns[turns.length - 1]!;
    const id = conversationIdOf(last.sample) ?? last.sample.id;
    let counts: RequestView['counts'];
    let grades: Grade[];
    try {
      // One redacted view for the whole conversation: every turn's texts share its placeholders.
      const request = view(last.sample, last.findings);
      counts = request.counts;
      const inView = turnsInView(request.sample, turns.map((t) => t.sample), positions);
      const findings = turns.map((turn, k) => (k === turns.length - 1 ? request.findings : request.protect(turn.findings)));
      const scored = await scoreConversation(id, inView, positions, findings, signal);
      if (!scored.ok) {
        if (signal?.aborted) return turns.map(() => errorGrade('interrupted', ZERO_USAGE, 0));
        emit({ type: 'conversation-fallback', conversationId: id, reason: scored.error });
        // Each turn gets its own chance; the failed call's cost stays counted, on the last turn.
        const fallback = await perTurn();
        const end = fallback[fallback.length - 1]!;
        fallback[fallback.length - 1] = { ...end, usage: addUsage(end.usage ?? ZERO_USAGE, scored.usage), calls: (end.calls ?? (end.cached ? 0 : 1)) + scored.calls };
        return fallback;
      }
      grades = await Promise.all(
        scored.grades.map((grade, k) => finishGrade(turns[k]!.sample, { ...request, sample: inView[k]!, findings: findings[k]! }, grade, signal)),
      );
    } catch (error) {
      grades = turns.map(() => errorGrade(`internal error: ${(error as Error)?.message ?? String(error)}`, ZERO_USAGE, 0));
    }
    totals.ungraded += grades.filter((g) => g.status === 'error').length;
    // Personal data counted once, on the last turn: the conversation's texts were redacted once.
    return grades.map((grade, k) => {
      const marked: Grade = grade.status === 'graded' ? { ...grade, call: 'conversation' } : grade;
      return k === grades.length - 1 ? withRedactedCounts(marked, counts) : marked;
    });
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
    repeat,
    outputMode: () => state.mode,
    emit,
    redaction,
    view,
    scoreKey,
    scoreParams: (sample, findings, tokens) => {
      const request = view(sample, findings);
      return buildVerdictRequest({ model, system: rubric.system, user: renderSampleTurn(request.sample, request.findings).text, schema, mode: state.mode, maxTokens: tokens, tool: VERDICT_OUTPUT });
    },
    gradeSample,
  };

  return {
    kind: 'llm',
    model,
    promptHash: rubric.hash,
    context,
    get outputMode() {
      return state.mode;
    },
    get budgetExhausted() {
      return state.budgetExhausted;
    },
    totals: () => ({ ...totals, calls: state.calls, usage: { ...totals.usage }, lowestConcurrency: limiter.lowestLimit }),
    grade: (sample, ruleFindings, signal) => gradeSample(sample, ruleFindings, signal),
    gradeConversation,
    async close() {},
  };
}

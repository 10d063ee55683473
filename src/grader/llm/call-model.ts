import type { Usage } from '../../types.js';
import { ApiCallError, type AnthropicClient, type Message } from '../clients/anthropic.js';
import type { AdaptiveLimiter } from './adaptive-limiter.js';
import type { CallEstimate } from './calls-left.js';
import { addUsage, priceUsage, tokenCountsOf, ZERO_USAGE, type PriceTable } from './price-usage.js';
import {
  buildVerdictRequest,
  extractVerdictPayload,
  isUnsupportedModeError,
  nextOutputMode,
  type OutputMode,
  type OutputTool,
} from './verdict-request.js';

/** How often a call that still gets a 429 after the SDK's own retries is queued again (behind the slowed-down pool). */
const RATE_LIMIT_REQUEUES = 6;

/** What one model call produced: the parsed answer, or why there is none; with what it cost. */
export type CallOutcome<T> = { ok: true; value: T; usage: Usage; calls: number } | { ok: false; error: string; usage: Usage; calls: number };

export interface ModelCall<T> {
  sampleId: string;
  user: string;
  schema: Record<string, unknown>;
  tool: OutputTool;
  /** `verdict` or `rewrite`, for error messages. */
  what: string;
  /** Output room for this call (default: the grader's); doubled once on a `max_tokens` stop. */
  maxTokens?: number;
  /** Validates the JSON payload; a failure is retried once. */
  parse: (raw: unknown) => { ok: true; value: T } | { ok: false; error: string };
  signal?: AbortSignal;
}

/** The grader's shared call state: output mode (after fallbacks), budget, pacing and totals. */
export interface CallerState {
  mode: OutputMode;
  reservedUsd: number;
  budgetExhausted: boolean;
  spentUsd: number;
  calls: number;
  lastEstimate: CallEstimate;
}

export type CallerEvent =
  | { type: 'fallback'; from: OutputMode; to: OutputMode; reason: string }
  | { type: 'retry'; sampleId: string; reason: 'max_tokens' | 'invalid-output' | 'rate-limited' }
  | { type: 'budget-exhausted'; spentUsd: number; budgetUsd: number };

export interface CallerDeps {
  model: string;
  system: string;
  client: AnthropicClient;
  limiter: AdaptiveLimiter;
  prices: PriceTable;
  maxTokens: number;
  maxCostUsd?: number;
  state: CallerState;
  emit: (event: CallerEvent) => void;
}

/**
 * One logical model call, with everything around it: the cost budget, the adaptive pool, output-mode
 * fallback on a 400 that says unsupported, requeues after 429s, one retry with twice the room on a
 * `max_tokens` stop, one retry on invalid output. Never throws for a failed call.
 */
export async function callModel<T>(deps: CallerDeps, call: ModelCall<T>): Promise<CallOutcome<T>> {
  const { state, prices, model } = deps;
  const inputTokensOf = (user: string): number => Math.ceil((deps.system.length + JSON.stringify(call.schema).length + user.length) / 3);
  const worstCaseUsd = (tokens: number): number => {
    const price = prices.models[model];
    return price ? (inputTokensOf(call.user) * price.cache_write_5m + tokens * price.output) / 1_000_000 : 0;
  };
  let usage = ZERO_USAGE;
  let calls = 0;
  let tokens = call.maxTokens ?? deps.maxTokens;
  let truncatedOnce = false;
  let invalidOnce = false;
  // JSON-text mode has no schema enforcement: the one retry says what was wrong (a repair), instead of asking again blind.
  let repair = '';
  let requeues = 0;
  const fail = (error: string): CallOutcome<T> => ({ ok: false, error, usage, calls });
  for (;;) {
    const callMode = state.mode;
    const worst = worstCaseUsd(tokens);
    if (deps.maxCostUsd !== undefined && state.spentUsd + state.reservedUsd + worst > deps.maxCostUsd) {
      if (!state.budgetExhausted) deps.emit({ type: 'budget-exhausted', spentUsd: state.spentUsd, budgetUsd: deps.maxCostUsd });
      state.budgetExhausted = true;
      return fail(`budget exhausted ($${state.spentUsd.toFixed(4)} of $${deps.maxCostUsd.toFixed(2)})`);
    }
    const user = callMode === 'text' && repair ? `${call.user}\n\n${repair}` : call.user;
    const params = buildVerdictRequest({ model, system: deps.system, user, schema: call.schema, mode: callMode, maxTokens: tokens, tool: call.tool });
    let message: Message;
    state.reservedUsd += worst;
    state.lastEstimate = { inputTokens: inputTokensOf(call.user), outputTokens: tokens };
    try {
      // Counted per HTTP request (the SDK's retries of a 429 or 5xx included), not per logical call.
      const countRequest = (): void => {
        state.calls += 1;
        calls += 1;
      };
      message = await deps.limiter.run(() => deps.client.createMessage(params, call.signal, countRequest), call.signal);
    } catch (error) {
      if (call.signal?.aborted) return fail('interrupted');
      const failure = error instanceof ApiCallError ? error : new ApiCallError(String((error as Error)?.message ?? error), 'api');
      const fallback = nextOutputMode(callMode);
      if (failure.kind === 'bad-request' && fallback && isUnsupportedModeError(callMode, failure.message)) {
        if (state.mode === callMode) {
          state.mode = fallback;
          deps.emit({ type: 'fallback', from: callMode, to: fallback, reason: failure.message });
        }
        continue;
      }
      if (failure.kind === 'rate-limited' && requeues < RATE_LIMIT_REQUEUES) {
        requeues += 1;
        deps.emit({ type: 'retry', sampleId: call.sampleId, reason: 'rate-limited' });
        continue;
      }
      return fail(failure.message);
    } finally {
      state.reservedUsd -= worst;
    }
    deps.limiter.succeeded();
    const callUsage = priceUsage(tokenCountsOf(message.usage), model, { prices });
    usage = addUsage(usage, callUsage);
    state.spentUsd += callUsage.costUsd;

    if (message.stop_reason === 'refusal') {
      const why = message.stop_details?.explanation ?? message.stop_details?.category;
      return fail(`the model refused to ${call.what === 'verdict' ? 'grade' : 'rewrite'}${why ? `: ${why}` : ''}`);
    }
    if (message.stop_reason === 'max_tokens') {
      if (!truncatedOnce) {
        truncatedOnce = true;
        tokens *= 2;
        deps.emit({ type: 'retry', sampleId: call.sampleId, reason: 'max_tokens' });
        continue;
      }
      return fail(`${call.what} cut off at max_tokens (${tokens})`);
    }
    const payload = extractVerdictPayload(message, call.tool.name);
    const parsed = payload.ok ? call.parse(payload.value) : payload;
    if (parsed.ok) return { ok: true, value: parsed.value, usage, calls };
    if (!invalidOnce) {
      invalidOnce = true;
      repair = `Your previous answer could not be used (${parsed.error}). Answer again with one JSON object in exactly the fields described, nothing else.`;
      deps.emit({ type: 'retry', sampleId: call.sampleId, reason: 'invalid-output' });
      continue;
    }
    return fail(parsed.error);
  }
}

import type { Finding, Sample, StyleGuide } from '../../types.js';
import { createAnthropicClient, type AnthropicClient } from '../clients/anthropic.js';
import { DEFAULT_MODEL } from './llm-grader.js';
import { isPriced, priceUsage, type PriceTable } from './price-usage.js';
import { readPriceTable } from './read-price-table.js';
import { createResultCache, resultCacheKey } from './result-cache.js';
import { renderRubric } from './rubric.js';
import { renderSampleTurn } from './sample-turn.js';
import { requestView, resolveRequestRedaction } from './request-view.js';
import { locateTurns, preferConversationCall, renderConversationTurn } from './conversation-request.js';
import { conversationIdOf } from '../../load/samples/expand-turns.js';
import type { RedactOptions } from '../../redact/index.js';

/** Output tokens assumed per scoring call (evidence, reasoning and a score per dimension, a few violations and reviews). */
export const EXPECTED_OUTPUT_TOKENS = 500;
/** Below this many prefix tokens the API caches nothing (reported for the 5.5 models). */
export const MIN_CACHEABLE_TOKENS = 512;

export interface AuditEstimate {
  model: string;
  /**
   * Scoring calls expected, not already in the result cache: one per reply and repeat, or one per
   * conversation of 2–8 bot turns (as the grader makes them); rewrite calls for drifting replies come on top.
   */
  calls: number;
  /** Samples the result cache already answers. */
  cachedResults: number;
  /** How token counts were obtained: the server's count_tokens endpoint, or characters / 4. */
  method: 'count_tokens' | 'chars/4';
  /** Tokens of the cached prefix (system prompt). */
  systemTokens: number;
  /** Uncached input tokens over all calls (the user turns). */
  inputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  outputTokens: number;
  costUsd: number;
  /** False when the price table has no entry for the model (cost shown as 0). */
  priced: boolean;
}

export interface EstimateOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  cacheDir?: string | null;
  prices?: PriceTable;
  findingsById?: ReadonlyMap<string, readonly Finding[]>;
  client?: AnthropicClient;
  /** Scoring calls per reply (`--repeat`, default 1). */
  repeat?: number;
  /** Redact the texts counted (and the cache keys looked up) as the grader would; default on. */
  redact?: boolean | RedactOptions;
  /** False when the server has no count_tokens endpoint or there is no key to call it with: characters / 4, no request. Default true. */
  countTokens?: boolean;
  /** As the grader's option: `auto` (default) counts one scoring call per conversation of 2–8 bot turns. */
  conversationCalls?: 'auto' | 'per-turn';
}

/**
 * Estimates an audit's calls, tokens and cost before spending anything. Token counts come from
 * `count_tokens` (the system prompt alone, and with one representative sample) where the server
 * supports it, scaled to the other samples by length; otherwise characters / 4. Assumes the first
 * call writes the prompt cache and every later call reads it (within the 5-minute TTL).
 */
export async function estimateAudit(samples: readonly Sample[], guide: StyleGuide, options: EstimateOptions): Promise<AuditEstimate> {
  const model = options.model ?? DEFAULT_MODEL;
  const prices = options.prices ?? readPriceTable();
  const rubric = renderRubric(guide);
  const cache = options.cacheDir ? createResultCache(options.cacheDir) : undefined;
  const redaction = resolveRequestRedaction(guide, options.redact);
  /** The user turn of each scoring call still to make, and how many verdicts it asks for. */
  const pending: { user: string; verdicts: number }[] = [];
  const repeat = Math.max(1, Math.floor(options.repeat ?? 1));
  const findingsOf = (sample: Sample): readonly Finding[] => options.findingsById?.get(sample.id) ?? [];
  for (const group of conversationGroups(samples)) {
    const turns = group.map((sample) => ({ sample, findings: findingsOf(sample) }));
    const positions = options.conversationCalls !== 'per-turn' && repeat === 1 && preferConversationCall(group.length) ? locateTurns(turns) : undefined;
    if (positions !== undefined) {
      // One call for the conversation, as the grader makes it (same view, same cache keys).
      const last = turns[turns.length - 1]!;
      const view = requestView(last.sample, last.findings, redaction);
      const keys = group.map((_, k) => resultCacheKey(model, `${rubric.hash}:conversation:${group.length}`, view.sample, k));
      const hits = cache ? await Promise.all(keys.map((key) => cache.read(key))) : [];
      if (hits.length === group.length && hits.every((hit) => hit !== undefined)) continue;
      const findings = turns.map((turn, k) => (k === turns.length - 1 ? view.findings : view.protect(turn.findings)));
      pending.push({ user: renderConversationTurn(view.sample, positions, findings), verdicts: group.length });
      continue;
    }
    for (const original of group) {
      // count_tokens sees exactly what the scoring call would send: the redacted view.
      const { sample, findings } = requestView(original, findingsOf(original), redaction);
      for (let i = 0; i < repeat; i += 1) {
        if (cache && (await cache.read(resultCacheKey(model, rubric.hash, sample, i)))) continue;
        pending.push({ user: renderSampleTurn(sample, findings).text, verdicts: 1 });
      }
    }
  }
  const turns = pending.map((p) => p.user);
  const representative = turns.reduce((longest, t) => (t.length > longest.length ? t : longest), turns[0] ?? '');

  let method: AuditEstimate['method'] = 'chars/4';
  let systemTokens = Math.ceil(rubric.system.length / 4);
  let tokensPerChar = 1 / 4;
  if (pending.length > 0 && options.countTokens !== false) {
    const client = options.client ?? createAnthropicClient({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 1 });
    try {
      const system = [{ type: 'text' as const, text: rubric.system }];
      const bare = await client.countTokens({ model, system, messages: [{ role: 'user', content: '.' }] });
      const full = await client.countTokens({ model, system, messages: [{ role: 'user', content: representative }] });
      systemTokens = bare;
      tokensPerChar = Math.max(0, full - bare) / Math.max(1, representative.length);
      method = 'count_tokens';
    } catch {
      // Servers without count_tokens (Ollama, some proxies): keep the chars/4 estimate.
    }
  }
  // Scoring calls only: the rewrite call (drifting replies only) cannot be counted before grading.
  const calls = pending.length;
  const inputTokens = turns.reduce((sum, t) => sum + Math.ceil(t.length * tokensPerChar), 0);
  const cacheable = systemTokens >= MIN_CACHEABLE_TOKENS;
  const cacheWriteTokens = calls > 0 && cacheable ? systemTokens : 0;
  const cacheReadTokens = calls > 1 && cacheable ? systemTokens * (calls - 1) : 0;
  const uncachedSystem = cacheable ? 0 : systemTokens * calls;
  const verdicts = pending.reduce((sum, p) => sum + p.verdicts, 0);
  const outputTokens = verdicts * EXPECTED_OUTPUT_TOKENS;
  const usage = priceUsage(
    { inputTokens: inputTokens + uncachedSystem, outputTokens, cacheCreationInputTokens: cacheWriteTokens, cacheReadInputTokens: cacheReadTokens },
    model,
    { prices },
  );
  return {
    model,
    calls,
    cachedResults: samples.length * repeat - verdicts,
    method,
    systemTokens,
    inputTokens: inputTokens + uncachedSystem,
    cacheWriteTokens,
    cacheReadTokens,
    outputTokens,
    costUsd: usage.costUsd,
    priced: isPriced(model, prices),
  };
}

/** The samples in runs of one conversation's turns (consecutive, as the loader yields them); other samples alone. */
function conversationGroups(samples: readonly Sample[]): Sample[][] {
  const groups: Sample[][] = [];
  for (const sample of samples) {
    const id = conversationIdOf(sample);
    const open = groups[groups.length - 1];
    if (id !== undefined && open !== undefined && conversationIdOf(open[0]!) === id) open.push(sample);
    else groups.push([sample]);
  }
  return groups;
}

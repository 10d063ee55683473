import { z } from 'zod';
import type { Usage } from '../../types.js';
import type { Message } from '../clients/anthropic.js';

/** Prices of one model in USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  cache_write_5m: number;
  cache_write_1h?: number;
  cache_read: number;
}

/** The dated price table in `data/prices.json`. */
export interface PriceTable {
  as_of: string;
  source: string;
  /** Multiplier on every token price for Message Batches (0.5 = 50% off). */
  batch_discount: number;
  models: Record<string, ModelPrice>;
}

const price = z.number().nonnegative();
/** Validates a price table read from disk. */
export const priceTableSchema = z.object({
  as_of: z.string(),
  source: z.string(),
  batch_discount: z.number().positive().max(1),
  models: z.record(
    z.string(),
    z.object({ input: price, output: price, cache_write_5m: price, cache_write_1h: price.optional(), cache_read: price }),
  ),
});

/** Token counts as the API reports them, before pricing. */
export type TokenCounts = Omit<Usage, 'costUsd'>;

/** The token counts of one API reply (absent cache counts are 0). */
export function tokenCountsOf(usage: Message['usage']): TokenCounts {
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheCreationInputTokens: usage.cache_creation_input_tokens ?? 0,
    cacheReadInputTokens: usage.cache_read_input_tokens ?? 0,
  };
}

/** Zero usage, the identity for {@link addUsage}. */
export const ZERO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, costUsd: 0 };

/**
 * Prices token counts for `model` (USD). Pure. A model missing from the table (e.g. a local server's
 * model) costs 0: check {@link isPriced} before promising a budget. Cache writes are priced at the 5-minute rate.
 */
export function priceUsage(usage: TokenCounts, model: string, options: { batch?: boolean; prices: PriceTable }): Usage {
  const p = options.prices.models[model];
  const factor = options.batch ? options.prices.batch_discount : 1;
  const costUsd = p
    ? ((usage.inputTokens * p.input +
        usage.outputTokens * p.output +
        usage.cacheCreationInputTokens * p.cache_write_5m +
        usage.cacheReadInputTokens * p.cache_read) *
        factor) /
      1_000_000
    : 0;
  return { ...pickCounts(usage), costUsd };
}

/** True when the table has a price for `model`. */
export function isPriced(model: string, prices: PriceTable): boolean {
  return prices.models[model] !== undefined;
}

/** Sums two usages (tokens and cost). */
export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
    cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}

function pickCounts(usage: TokenCounts): TokenCounts {
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cacheCreationInputTokens: usage.cacheCreationInputTokens,
    cacheReadInputTokens: usage.cacheReadInputTokens,
  };
}

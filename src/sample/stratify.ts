import { allocateEqual, allocateProportional, type StratumAllocation } from './allocate.js';
import type { Random } from './random.js';
import { Reservoir, type Sequenced } from './reservoir.js';
import { subsample } from './subsample.js';

export type Allocation = 'proportional' | 'equal';

export interface StratifyOptions<T> {
  /** Total sample size wanted across all strata. */
  size: number;
  /** The stratum an item belongs to (e.g. its channel). */
  key: (item: T) => string;
  allocation: Allocation;
  random: Random;
  /**
   * Turns the final population into the final size, for sizes that depend on it (a finite
   * population correction). Must return at most `size`, which bounds every reservoir.
   */
  finalSize?: (population: number) => number;
  /** Applied to an item when a reservoir keeps it (see {@link Reservoir}). */
  retain?: (item: T) => T;
}

export interface StratifiedResult<T> {
  /** The chosen items from every stratum, in input order. */
  sample: T[];
  /** Items in the stream. */
  seen: number;
  /** Every stratum seen, sorted by key, with its population and allocated count. */
  strata: StratumAllocation[];
  /** The most items any one stratum's reservoir held (≤ size). */
  peakHeld: number;
}

/**
 * Stratified random sampling in one streaming pass.
 *
 * Proportional allocation needs each stratum's total, known only at the end of the stream. So
 * every stratum keeps its own uniform reservoir of up to `size` items (the most any allocation
 * can give it); at the end the counts fix the allocation ({@link allocateProportional} or
 * {@link allocateEqual}) and each reservoir is subsampled uniformly to its share. A uniform subset
 * of a uniform sample is uniform, so each stratum's sample is a simple random sample of it.
 * Memory: at most size × (number of strata) items. One PRNG serves every stratum in stream order,
 * then the subsampling in key order, so the same stream and seed give the same sample.
 */
export async function stratifiedSample<T>(
  items: AsyncIterable<T> | Iterable<T>,
  options: StratifyOptions<T>,
): Promise<StratifiedResult<T>> {
  const { size, key, allocation, random, retain } = options;
  const keep = retain ? (entry: Sequenced<T>) => ({ seq: entry.seq, item: retain(entry.item) }) : undefined;
  const reservoirs = new Map<string, Reservoir<Sequenced<T>>>();
  let seen = 0;
  for await (const item of items) {
    const stratum = key(item);
    let reservoir = reservoirs.get(stratum);
    if (reservoir === undefined) {
      reservoir = new Reservoir(size, random, { retain: keep });
      reservoirs.set(stratum, reservoir);
    }
    // Wrap with the global position so strata can be merged back into input order.
    reservoir.offer({ seq: seen, item });
    seen += 1;
  }

  const populations = new Map([...reservoirs].map(([k, r]) => [k, r.seen]));
  const total = options.finalSize ? Math.min(size, options.finalSize(seen)) : size;
  const strata = allocation === 'equal' ? allocateEqual(populations, total) : allocateProportional(populations, total);

  const chosen: Sequenced<T>[] = [];
  for (const stratum of strata) {
    const held = reservoirs.get(stratum.key)!.drain().map((entry) => entry.item);
    chosen.push(...subsample(held, stratum.allocated, random));
  }
  chosen.sort((a, b) => a.seq - b.seq);
  return {
    sample: chosen.map((entry) => entry.item),
    seen,
    strata,
    peakHeld: Math.max(0, ...[...reservoirs.values()].map((r) => r.peakHeld)),
  };
}

import { randomInt, type Random } from './random.js';
import type { Sequenced } from './reservoir.js';

/**
 * A uniform `count`-subset of `items`, returned in input order (by `seq`).
 *
 * This is what makes one-pass sampling work when the final size is only known at the end
 * (stratum totals, a finite-population correction): a uniform subset of a uniform sample of a
 * population is a uniform sample of that population. A partial Fisher–Yates shuffle draws
 * exactly `count` random numbers; `items` is not modified.
 */
export function subsample<T>(items: readonly Sequenced<T>[], count: number, random: Random): Sequenced<T>[] {
  if (count >= items.length) return [...items].sort((a, b) => a.seq - b.seq);
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(random, pool.length - i);
    const chosen = pool[j]!;
    pool[j] = pool[i]!;
    pool[i] = chosen;
  }
  return pool.slice(0, Math.max(0, count)).sort((a, b) => a.seq - b.seq);
}

/** A stratum's population and how many of its members the sample takes. */
export interface StratumAllocation {
  key: string;
  /** Records in the stratum (after any time filter). */
  population: number;
  /** Records the sample takes from it; never more than `population`. */
  allocated: number;
}

/**
 * Proportional allocation by largest remainder (Hamilton's method): stratum h gets
 * ⌊size·N_h/N⌋, and the seats left over go to the largest remainders (size·N_h mod N, compared
 * as exact integers, not floats), ties to the larger stratum, then to the earlier key.
 * The allocations sum to min(size, N). Output is sorted by key.
 */
export function allocateProportional(populations: ReadonlyMap<string, number>, size: number): StratumAllocation[] {
  const strata = sortedStrata(populations);
  const total = strata.reduce((sum, s) => sum + s.population, 0);
  if (size >= total) return strata.map((s) => ({ ...s, allocated: s.population }));
  const remainders = new Map<string, number>();
  let left = size;
  for (const stratum of strata) {
    // size·N_h stays an exact integer in a double for any log we could stream (< 2^53).
    const product = size * stratum.population;
    stratum.allocated = Math.floor(product / total);
    remainders.set(stratum.key, product - stratum.allocated * total);
    left -= stratum.allocated;
  }
  const byRemainder = [...strata].sort(
    (a, b) =>
      remainders.get(b.key)! - remainders.get(a.key)! ||
      b.population - a.population ||
      compareKeys(a.key, b.key),
  );
  for (const stratum of byRemainder.slice(0, left)) stratum.allocated += 1;
  return strata;
}

/**
 * Equal allocation with redistribution: each stratum gets size/k; a stratum smaller than its
 * share gives all it has and its unused share is split among the rest, repeatedly (water-filling).
 * The final indivisible seats go to the largest strata, ties to the earlier key.
 * The allocations sum to min(size, N). Output is sorted by key.
 */
export function allocateEqual(populations: ReadonlyMap<string, number>, size: number): StratumAllocation[] {
  const strata = sortedStrata(populations);
  const bySize = [...strata].sort((a, b) => a.population - b.population || compareKeys(a.key, b.key));
  let left = size;
  let index = 0;
  // Smallest first: if the smallest stratum fits within an equal share of what is left, it is
  // taken whole; once one does not fit, none of the larger ones do either.
  for (; index < bySize.length; index++) {
    const stratum = bySize[index]!;
    const share = Math.floor(left / (bySize.length - index));
    if (stratum.population > share) break;
    stratum.allocated = stratum.population;
    left -= stratum.population;
  }
  const rest = bySize.slice(index);
  if (rest.length > 0) {
    const share = Math.floor(left / rest.length);
    for (const stratum of rest) stratum.allocated = share;
    const extra = left - share * rest.length;
    const largestFirst = [...rest].sort((a, b) => b.population - a.population || compareKeys(a.key, b.key));
    // Each of these has population > share, so one more seat still fits.
    for (const stratum of largestFirst.slice(0, extra)) stratum.allocated += 1;
  }
  return strata;
}

function sortedStrata(populations: ReadonlyMap<string, number>): StratumAllocation[] {
  return [...populations]
    .map(([key, population]) => ({ key, population, allocated: 0 }))
    .sort((a, b) => compareKeys(a.key, b.key));
}

/** Code-unit order, not locale order: the same on every machine. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

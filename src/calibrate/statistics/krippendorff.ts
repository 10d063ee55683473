/** Krippendorff's metric levels: which differences between values count and by how much. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';

/**
 * Krippendorff's α for units coded by any number of coders, with missing values: `units[u]` holds
 * the values the coders gave unit u (absent coders simply left out). Units with fewer than two
 * values are not pairable and are ignored, as in Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability":
 *
 *   α = 1 − (n − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck
 *
 * where o is the coincidence matrix (each pair of values within a unit of m_u values adds
 * 1/(m_u − 1)), n_c its margins and n = Σ n_c. δ²: nominal 0/1; interval (c − k)²; ordinal
 * (Σ_{g between c and k} n_g − (n_c + n_k)/2)². Returns `null` when there are no pairable values
 * or no variation at all (expected disagreement 0).
 */
export function krippendorffAlpha(units: readonly (readonly (number | string)[])[], level: AlphaLevel): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
  if (categories.length === 0) return null;
  if (level !== 'nominal' && categories.some((c) => typeof c !== 'number')) throw new RangeError(`${level} alpha needs numeric values`);
  const index = new Map(categories.map((c, i) => [c, i]));
  const k = categories.length;
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const values of pairable) {
    const m = values.length;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i !== j) o[index.get(values[i]!)!]![index.get(values[j]!)!]! += 1 / (m - 1);
      }
    }
  }
  const margins = o.map((row) => row.reduce((s, v) => s + v, 0));
  const n = margins.reduce((s, v) => s + v, 0);
  const delta = distanceFunction(level, categories as number[], margins);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const dist = delta(c, d);
      observed += o[c]![d]! * dist;
      expected += margins[c]! * margins[d]! * dist;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

function distanceFunction(level: AlphaLevel, values: readonly number[], margins: readonly number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'interval') return (c, k) => (values[c]! - values[k]!) ** 2;
  return (c, k) => {
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += margins[g]!;
    return (sum - (margins[c]! + margins[k]!) / 2) ** 2;
  };
}

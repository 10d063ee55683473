/**
 * Cohen's kappa from a square confusion matrix of counts, `matrix[i][j]` = items that rater A put
 * in category i and rater B in category j (categories in their natural order).
 *
 *   κ_w = 1 − Σ w_ij·O_ij / Σ w_ij·E_ij,   E_ij = row_i · col_j / N
 *
 * with w_ij = 0 on the diagonal and 1 elsewhere (Cohen 1960), or (i − j)² (quadratic; Cohen 1968 —
 * the scale of the weights cancels). Returns `null` when kappa is undefined: no items, or chance
 * disagreement of 0 (both raters used one and the same category for everything).
 */
export function cohenKappa(matrix: readonly (readonly number[])[], weights: 'none' | 'quadratic' = 'none'): number | null {
  const k = matrix.length;
  const rows = matrix.map((row) => row.reduce((sum, v) => sum + v, 0));
  const cols = Array.from({ length: k }, (_, j) => matrix.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  const n = rows.reduce((sum, v) => sum + v, 0);
  if (n === 0) return null;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weights === 'quadratic' ? (i - j) ** 2 : i === j ? 0 : 1;
      observed += w * (matrix[i]![j] ?? 0);
      expected += (w * rows[i]! * cols[j]!) / n;
    }
  }
  if (expected === 0) return null;
  return 1 - observed / expected;
}

/**
 * The k×k matrix of counts for paired category indices `a[i]`, `b[i]` in [0, k).
 * Rows are `a`, columns `b`.
 */
export function confusionMatrix(a: readonly number[], b: readonly number[], k: number): number[][] {
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  a.forEach((value, i) => {
    matrix[value]![b[i]!]! += 1;
  });
  return matrix;
}

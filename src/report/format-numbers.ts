/**
 * Number formatting shared by the reporters (terminal, Markdown, HTML, GitHub). Fixed-point only
 * (never `toLocaleString`), so the same audit renders the same bytes on every machine.
 */

/** A share in [0, 1] as a percentage, e.g. `12.5%`. */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A change between two shares in percentage points, always signed: `+2.5 pp`, `−1.0 pp`, `±0.0 pp`. */
export function formatPoints(change: number, digits = 1): string {
  return formatSigned(change * 100, digits, ' pp');
}

/** A signed difference, e.g. a change in mean score: `+0.25`, `−0.10`. */
export function formatSigned(value: number, digits = 2, unit = ''): string {
  const fixed = Math.abs(value).toFixed(digits);
  if (Number(fixed) === 0) return `±${fixed}${unit}`;
  return `${value > 0 ? '+' : '−'}${fixed}${unit}`;
}

/** A two-sided p-value as a reader expects it: `p = 0.031`, `p < 0.001`. */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'p = n/a';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A 95% interval of shares: `8.1–17.3%`. */
export function formatInterval(low: number, high: number, digits = 1): string {
  return `${(low * 100).toFixed(digits)}–${(high * 100).toFixed(digits)}%`;
}

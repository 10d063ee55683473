import { createHash } from 'node:crypto';

/**
 * The id of a record that carries none: `h-` + the first 12 hex digits of
 * sha256(customer + NUL + response). Stable across runs and machines, so diff reports
 * can pair the same reply in two audits; NUL keeps `a|bc` and `ab|c` apart.
 */
export function hashSampleId(customer: string, response: string): string {
  return `h-${createHash('sha256').update(`${customer}\u0000${response}`).digest('hex').slice(0, 12)}`;
}

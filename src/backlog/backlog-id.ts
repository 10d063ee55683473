import { createHash } from 'node:crypto';

/**
 * The id of a correction pair: the first 16 hex digits of sha256(customer + NUL + original reply).
 * Content, not the sample id, so the same reply seen in two audits (with different sample ids) is one
 * item. 64 bits keep collisions negligible for millions of items; reviewers type unique prefixes.
 */
export function hashBacklogId(customer: string, original: string): string {
  return createHash('sha256').update(`${customer}\u0000${original}`).digest('hex').slice(0, 16);
}

import type { ChangelogEntry } from '../types.js';

/**
 * Orders version strings by dotted segments: segments that are both whole numbers compare
 * numerically (`2026.10` > `2026.9`), any other pair compares as plain strings (code-unit
 * order), and a missing segment counts as less (`2026.4` < `2026.4.1`).
 */
export function compareVersions(a: string, b: string): number {
  const left = a.trim().split('.');
  const right = b.trim().split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

/**
 * The changelog entries after `fromVersion` up to and including `toVersion`, in the
 * changelog's own order (newest first by convention). When `toVersion` is older than
 * `fromVersion` (a rollback) the same range is returned with the ends swapped.
 */
export function changelogBetween(changelog: readonly ChangelogEntry[], fromVersion: string, toVersion: string): ChangelogEntry[] {
  const [low, high] = compareVersions(fromVersion, toVersion) <= 0 ? [fromVersion, toVersion] : [toVersion, fromVersion];
  return changelog.filter((entry) => compareVersions(entry.version, low) > 0 && compareVersions(entry.version, high) <= 0);
}

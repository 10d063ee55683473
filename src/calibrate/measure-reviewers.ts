import type { ReferenceLabel } from './reference-labels.js';
import { krippendorffAlpha } from './statistics/index.js';

/** Agreement among reviewers: the ceiling a judge can be expected to reach. */
export interface ReviewerAgreement {
  /** Samples labelled by two or more reviewers (the only ones that count). */
  units: number;
  /** Distinct named reviewers (anonymous rows are not counted here). */
  reviewers: number;
  /** Krippendorff's α, nominal, on ok/drift. */
  verdictAlpha: number | null;
  /** Per dimension: Krippendorff's α on the 1–5 scores, interval and ordinal, over `units` samples scored by 2+ reviewers. */
  dimensions: { id: string; units: number; interval: number | null; ordinal: number | null }[];
}

/** Inter-reviewer agreement, or null when no sample has more than one label. */
export function measureReviewers(references: Iterable<ReferenceLabel>, dimensions: readonly string[]): ReviewerAgreement | null {
  const multi = [...references].filter((r) => r.reviewers >= 2);
  if (multi.length === 0) return null;
  const named = new Set(multi.flatMap((r) => r.labels.map((l) => l.reviewer)).filter((r): r is string => r !== undefined));
  return {
    units: multi.length,
    reviewers: named.size,
    verdictAlpha: krippendorffAlpha(multi.map((r) => r.labels.map((l) => l.verdict)), 'nominal'),
    dimensions: dimensions.map((id) => {
      const units = multi.map((r) => r.labels.flatMap((l) => (l.scores[id] === undefined ? [] : [l.scores[id]!]))).filter((v) => v.length >= 2);
      return { id, units: units.length, interval: krippendorffAlpha(units, 'interval'), ordinal: krippendorffAlpha(units, 'ordinal') };
    }),
  };
}

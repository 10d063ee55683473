import { driftRateOf } from '../findings/drift-rate.js';
import type { AuditResult } from '../types.js';
import type { RateEstimate } from './audit-comparison.js';
import { estimateRate, labelAudit } from './rate-estimate.js';

/** One audit in a series, in the order given. */
export interface TrendPoint {
  /** `<guide version> · <inputs>`. */
  label: string;
  guideVersion: string;
  inputs: string[];
  samples: number;
  ungraded: number;
  /** drifting / samples with a verdict (see driftRateOf), with a 95% Wilson interval. */
  driftRate: RateEstimate;
  /** Mean score per dimension (1–5) over the samples scored on it, sorted by id. */
  dimensions: { id: string; n: number; mean: number }[];
  /** Findings of severity error and warning. */
  errors: number;
  warnings: number;
}

/** Summarises a series of audits (e.g. one per week) for a trend table or chart. */
export function trend(audits: readonly AuditResult[]): TrendPoint[] {
  return audits.map((audit) => {
    const { summary } = audit;
    const drift = driftRateOf(summary);
    return {
      label: labelAudit(audit),
      guideVersion: audit.guide.version,
      inputs: [...audit.inputs],
      samples: summary.samples,
      ungraded: summary.ungraded,
      driftRate: estimateRate(drift.drifting, drift.judged),
      dimensions: summary.dimensions
        .map((d) => ({ id: d.id, n: d.n, mean: d.mean }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      errors: summary.findingsBySeverity.error,
      warnings: summary.findingsBySeverity.warning,
    };
  });
}

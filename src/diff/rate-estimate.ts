import { wilsonInterval } from '../findings/statistics.js';
import type { AuditResult, SampleResult } from '../types.js';
import type { AuditIdentity, RateEstimate } from './audit-comparison.js';

/** `count` of `n` with its 95% Wilson interval. */
export function estimateRate(count: number, n: number): RateEstimate {
  const { estimate, low, high } = wilsonInterval(count, n);
  return { count, n, rate: estimate, low, high };
}

/** The score a sample got on a dimension, when it was graded and scored on it. */
export function scoreOf(sample: SampleResult, dimensionId: string): number | undefined {
  if (sample.grade?.status !== 'graded') return undefined;
  const score = sample.grade.scores[dimensionId]?.score;
  return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
}

/** Default label of an audit: guide version and input names. */
export function labelAudit(audit: AuditResult): string {
  const inputs = audit.inputs.length > 0 ? audit.inputs.join(', ') : 'no inputs';
  return `${audit.guide.version} · ${inputs}`;
}

export function identifyAudit(audit: AuditResult, label?: string): AuditIdentity {
  return {
    label: label ?? labelAudit(audit),
    guideVersion: audit.guide.version,
    guideHash: audit.guide.hash,
    grader: { ...audit.grader },
    inputs: [...audit.inputs],
    samples: audit.samples.length,
  };
}

import type { AuditResult, Finding, Grade, SampleVerdict } from '../types.js';

/** What calibration needs from one audited sample. */
export interface JudgedSample {
  id: string;
  verdict: SampleVerdict;
  /** Judge scores per dimension (unrounded, 1–5); empty when ungraded or without a grader. */
  scores: Record<string, number>;
  /** Everything found in the reply; with `grade`, what the verdict policy needs to re-decide under other minimums. */
  findings: readonly Finding[];
  grade?: Grade;
}

/** Reduces an audit result to what calibration compares; the first sample wins when ids repeat. */
export function judgedSamples(audit: Pick<AuditResult, 'samples'>): Map<string, JudgedSample> {
  const judged = new Map<string, JudgedSample>();
  for (const sample of audit.samples) {
    if (judged.has(sample.id)) continue;
    const graded = sample.grade?.status === 'graded';
    const scores = graded ? Object.fromEntries(Object.entries(sample.grade!.scores).map(([id, s]) => [id, s.score])) : {};
    judged.set(sample.id, { id: sample.id, verdict: sample.verdict, scores, findings: sample.findings, ...(sample.grade ? { grade: sample.grade } : {}) });
  }
  return judged;
}

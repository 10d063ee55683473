import type { LabelRecord, LabelVerdict } from './label-record.js';

/** What the judge is compared against for one sample: the reviewers' majority verdict and mean scores. */
export interface ReferenceLabel {
  id: string;
  /** Majority of the reviewers; a tie counts as drift (a reply half the reviewers reject is not safe to pass). */
  verdict: LabelVerdict;
  /** Per dimension: the mean of the reviewers who scored it (1–5, may be fractional). */
  scores: Record<string, number>;
  /** Label rows for this sample. */
  reviewers: number;
  /** Every reviewer's verdict and scores, for inter-reviewer agreement. */
  labels: readonly LabelRecord[];
}

/** Groups label rows by sample id (first appearance order) into reference labels. */
export function aggregateLabels(records: readonly LabelRecord[]): Map<string, ReferenceLabel> {
  const groups = new Map<string, LabelRecord[]>();
  for (const record of records) {
    const group = groups.get(record.id);
    if (group) group.push(record);
    else groups.set(record.id, [record]);
  }
  const references = new Map<string, ReferenceLabel>();
  for (const [id, labels] of groups) {
    const drift = labels.filter((l) => l.verdict === 'drift').length;
    const sums = new Map<string, { sum: number; n: number }>();
    for (const label of labels) {
      for (const [dimension, score] of Object.entries(label.scores)) {
        const entry = sums.get(dimension) ?? { sum: 0, n: 0 };
        entry.sum += score;
        entry.n += 1;
        sums.set(dimension, entry);
      }
    }
    const scores = Object.fromEntries([...sums].map(([dimension, { sum, n }]) => [dimension, sum / n]));
    references.set(id, { id, verdict: drift * 2 >= labels.length ? 'drift' : 'ok', scores, reviewers: labels.length, labels });
  }
  return references;
}

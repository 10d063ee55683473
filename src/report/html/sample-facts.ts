import { SEVERITY_RANK, type SampleResult, type Severity } from '../../types.js';

/** The most severe finding's severity, or `undefined` when the sample has no findings. */
export function worstSeverity(sample: SampleResult): Severity | undefined {
  let worst: Severity | undefined;
  for (const finding of sample.findings) {
    if (worst === undefined || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[worst]) worst = finding.severity;
  }
  return worst;
}

/** The lowest dimension score the grader gave, or `undefined` when the sample was not graded. */
export function lowestScore(sample: SampleResult): number | undefined {
  if (sample.grade?.status !== 'graded') return undefined;
  const scores = Object.values(sample.grade.scores)
    .map((s) => s.score)
    .filter((score) => Number.isFinite(score));
  return scores.length === 0 ? undefined : Math.min(...scores);
}

/** Distinct rule ids of the sample's findings, in finding order. */
export function ruleIdsOf(sample: SampleResult): string[] {
  return [...new Set(sample.findings.map((f) => f.ruleId))];
}

/** `metadata.channel` as text, when the record carried one. */
export function channelOf(sample: SampleResult): string | undefined {
  const channel = sample.metadata['channel'];
  return typeof channel === 'string' || typeof channel === 'number' ? String(channel) : undefined;
}

/** The anchor of a sample's detail card; by position, because ids may hold any character. */
export function sampleAnchor(index: number): string {
  return `sample-${index + 1}`;
}

import { SEVERITY_RANK, type SampleResult } from '../../types.js';
import { lowestScore, worstSeverity } from './sample-facts.js';

/** How many drifting replies the report shows in detail by default. */
export const DETAIL_LIMIT = 200;

/**
 * Picks the drifting samples worth a detail card, worst first: by most severe finding (errors
 * first), then lowest dimension score (ungraded last), then most findings, then input order.
 * Returns indexes into `samples` and how many drifting samples did not fit under `limit`.
 */
export function selectDetailedSamples(samples: readonly SampleResult[], limit = DETAIL_LIMIT): { indexes: number[]; omitted: number } {
  const drifting = samples.flatMap((sample, index) => (sample.verdict === 'drift' ? [{ sample, index }] : []));
  const keyed = drifting.map(({ sample, index }) => {
    const worst = worstSeverity(sample);
    return {
      index,
      severityRank: worst === undefined ? 3 : SEVERITY_RANK[worst],
      score: lowestScore(sample) ?? Number.POSITIVE_INFINITY,
      findings: sample.findings.length,
    };
  });
  keyed.sort((a, b) => a.severityRank - b.severityRank || a.score - b.score || b.findings - a.findings || a.index - b.index);
  const kept = keyed.slice(0, Math.max(0, limit));
  return { indexes: kept.map((k) => k.index), omitted: keyed.length - kept.length };
}

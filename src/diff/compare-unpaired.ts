import { driftRateOf } from '../findings/drift-rate.js';
import { meanAndVariance, twoProportionTest, welchTTest } from '../findings/statistics.js';
import type { AuditResult, DimensionSummary } from '../types.js';
import type { DimensionChange, MeanEstimate, RateChange, RuleChange } from './audit-comparison.js';
import { estimateRate, scoreOf } from './rate-estimate.js';
import { unionDimensionIds, unionRules } from './union-ids.js';

export interface UnpairedParts {
  drift: RateChange;
  rules: RuleChange[];
  dimensions: DimensionChange[];
}

export interface UnpairedSettings {
  alpha: number;
  minSamples: number;
}

/**
 * Compares two audits of different samples as independent groups: counts come from each audit's
 * summary, score variances from its per-sample scores. Rates use the pooled two-proportion test,
 * means Welch's t-test; both are marked `tooSmall` below `minSamples` per audit.
 */
export function compareUnpaired(base: AuditResult, head: AuditResult, settings: UnpairedSettings): UnpairedParts {
  const b = driftRateOf(base.summary);
  const h = driftRateOf(head.summary);
  const drift = unpairedRate(b.drifting, b.judged, h.drifting, h.judged, 'graded samples', settings);
  const rules = unionRules(base, head).map(({ rule, presentIn }): RuleChange => {
    const inBase = base.summary.rules.find((r) => r.ruleId === rule.ruleId);
    const inHead = head.summary.rules.find((r) => r.ruleId === rule.ruleId);
    const baseFindings = inBase?.findings ?? 0;
    const headFindings = inHead?.findings ?? 0;
    return {
      ruleId: rule.ruleId,
      kind: rule.kind,
      severity: rule.severity,
      presentIn,
      ...unpairedRate(inBase?.samples ?? 0, inBase ? base.summary.samples : 0, inHead?.samples ?? 0, inHead ? head.summary.samples : 0, 'samples', settings),
      baseFindings,
      headFindings,
      findingsChange: headFindings - baseFindings,
    };
  });
  const dimensions = unionDimensionIds(base, head).map(({ id, presentIn }) => compareDimension(base, head, id, presentIn, settings));
  return { drift, rules, dimensions };
}

export function unpairedRate(x1: number, n1: number, x2: number, n2: number, unit: string, { alpha, minSamples }: UnpairedSettings): RateChange {
  const test = twoProportionTest(x1, n1, x2, n2, alpha);
  const tooSmall = smallness(n1, n2, unit, minSamples) ?? test.tooSmall;
  const base = estimateRate(x1, n1);
  const head = estimateRate(x2, n2);
  return {
    base,
    head,
    change: head.rate - base.rate,
    test: 'two-proportion',
    pValue: test.pValue,
    significant: tooSmall === undefined && test.significant,
    ...(tooSmall ? { tooSmall } : {}),
  };
}

function smallness(n1: number, n2: number, unit: string, minSamples: number): string | undefined {
  const short = [n1 < minSamples ? `the base audit has ${n1} ${unit}` : '', n2 < minSamples ? `the head audit has ${n2} ${unit}` : ''].filter(Boolean);
  if (short.length === 0) return undefined;
  return `${short.join(' and ')}; at least ${minSamples} per audit are needed to conclude anything`;
}

function scoresIn(audit: AuditResult, id: string): MeanEstimate {
  const scores = audit.samples.map((s) => scoreOf(s, id)).filter((s): s is number => s !== undefined);
  return meanAndVariance(scores);
}

function compareDimension(
  base: AuditResult,
  head: AuditResult,
  id: string,
  presentIn: DimensionChange['presentIn'],
  settings: UnpairedSettings,
): DimensionChange {
  const b = scoresIn(base, id);
  const h = scoresIn(head, id);
  const test = welchTTest(b.mean, b.variance, b.n, h.mean, h.variance, h.n);
  const tooSmall = smallness(b.n, h.n, `scores on ${id}`, settings.minSamples) ?? test.tooSmall;
  const belowMin = belowMinChange(
    base.summary.dimensions.find((d) => d.id === id),
    head.summary.dimensions.find((d) => d.id === id),
    id,
    settings,
  );
  return {
    id,
    presentIn,
    base: b,
    head: h,
    change: h.mean - b.mean,
    test: 'welch',
    t: test.t,
    df: test.df,
    pValue: test.pValue,
    significant: tooSmall === undefined && test.pValue < settings.alpha,
    ...(tooSmall ? { tooSmall } : {}),
    belowMin,
  };
}

function belowMinChange(base: DimensionSummary | undefined, head: DimensionSummary | undefined, id: string, settings: UnpairedSettings): RateChange {
  return unpairedRate(base?.belowMin ?? 0, base?.n ?? 0, head?.belowMin ?? 0, head?.n ?? 0, `scores on ${id}`, settings);
}

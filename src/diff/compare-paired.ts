import { normalizeMatch } from '../findings/normalize-match.js';
import { mcnemarExactTest, meanAndVariance, pairedTTest } from '../findings/statistics.js';
import type { AuditResult, Finding, SampleResult, SampleVerdict } from '../types.js';
import type { DimensionChange, FindingChanges, FindingRef, PairedSamples, RateChange, RuleChange } from './audit-comparison.js';
import { estimateRate, scoreOf } from './rate-estimate.js';
import { unionDimensionIds, unionRules } from './union-ids.js';

/** A sample present in both audits. */
interface Pair {
  base: SampleResult;
  head: SampleResult;
}

/** Anything with an id and a verdict: a sample, or a conversation's verdict. */
interface Judged {
  id: string;
  verdict: SampleVerdict;
}

export interface PairedParts {
  samples: PairedSamples;
  drift: RateChange;
  rules: RuleChange[];
  dimensions: DimensionChange[];
  findings: FindingChanges;
}

/**
 * Compares audits sample by sample over the ids they share. Ids are assumed unique within an
 * audit; if one repeats, its first occurrence is used. Tests are paired: exact McNemar for
 * rates, paired t for dimension means.
 */
export function comparePaired(base: AuditResult, head: AuditResult, alpha: number): PairedParts {
  const baseById = firstById(base.samples);
  const headById = firstById(head.samples);
  const pairs: Pair[] = [];
  for (const [id, headSample] of headById) {
    const baseSample = baseById.get(id);
    if (baseSample) pairs.push({ base: baseSample, head: headSample });
  }
  return {
    samples: classifySamples(pairs, baseById, headById),
    drift: compareDrift(pairs, alpha),
    rules: compareRules(base, head, pairs, alpha),
    dimensions: compareDimensions(base, head, pairs, alpha),
    findings: matchFindings(pairs),
  };
}

export function firstById<T extends Judged>(samples: Iterable<T>): Map<string, T> {
  const byId = new Map<string, T>();
  for (const sample of samples) if (!byId.has(sample.id)) byId.set(sample.id, sample);
  return byId;
}

/** Sorts pairs by how their verdict moved; used for samples and for conversations. */
export function classifySamples<T extends Judged>(pairs: { base: T; head: T }[], baseById: Map<string, T>, headById: Map<string, T>): PairedSamples {
  const out: PairedSamples = {
    shared: pairs.length,
    onlyInBase: [...baseById.keys()].filter((id) => !headById.has(id)),
    onlyInHead: [...headById.keys()].filter((id) => !baseById.has(id)),
    newlyDrifting: [],
    fixed: [],
    stillDrifting: [],
    stillPassing: [],
    ungraded: [],
  };
  for (const { base, head } of pairs) {
    const id = head.id;
    if (base.verdict === 'ungraded' || head.verdict === 'ungraded') out.ungraded.push(id);
    else if (base.verdict === 'pass') (head.verdict === 'pass' ? out.stillPassing : out.newlyDrifting).push(id);
    else (head.verdict === 'pass' ? out.fixed : out.stillDrifting).push(id);
  }
  return out;
}

/** Rate change for a yes/no property over pairs, tested with exact McNemar on the discordant pairs. */
export function pairedRate<T>(pairs: { base: T; head: T }[], has: (item: T) => boolean, alpha: number, emptyReason: string): RateChange {
  let inBase = 0;
  let inHead = 0;
  let gained = 0;
  let lost = 0;
  for (const { base, head } of pairs) {
    const b = has(base);
    const h = has(head);
    if (b) inBase++;
    if (h) inHead++;
    if (!b && h) gained++;
    if (b && !h) lost++;
  }
  const n = pairs.length;
  const baseRate = estimateRate(inBase, n);
  const headRate = estimateRate(inHead, n);
  const { pValue } = mcnemarExactTest(gained, lost);
  const tooSmall = n === 0 ? emptyReason : undefined;
  return {
    base: baseRate,
    head: headRate,
    change: headRate.rate - baseRate.rate,
    test: 'mcnemar',
    pValue,
    significant: tooSmall === undefined && pValue < alpha,
    ...(tooSmall ? { tooSmall } : {}),
  };
}

/** Drift rate over the pairs with a verdict in both audits (exact McNemar). */
export function compareDrift<T extends Judged>(pairs: { base: T; head: T }[], alpha: number, unit = 'sample'): RateChange {
  const graded = pairs.filter(({ base, head }) => base.verdict !== 'ungraded' && head.verdict !== 'ungraded');
  return pairedRate(graded, (s) => s.verdict === 'drift', alpha, `no ${unit} was graded in both audits`);
}

function compareRules(base: AuditResult, head: AuditResult, pairs: Pair[], alpha: number): RuleChange[] {
  return unionRules(base, head).map(({ rule, presentIn }) => {
    const hasRule = (s: SampleResult): boolean => s.findings.some((f) => f.ruleId === rule.ruleId);
    const count = (s: SampleResult): number => s.findings.filter((f) => f.ruleId === rule.ruleId).length;
    const baseFindings = pairs.reduce((sum, p) => sum + count(p.base), 0);
    const headFindings = pairs.reduce((sum, p) => sum + count(p.head), 0);
    return {
      ruleId: rule.ruleId,
      kind: rule.kind,
      severity: rule.severity,
      presentIn,
      ...pairedRate(pairs, hasRule, alpha, 'the audits share no samples'),
      baseFindings,
      headFindings,
      findingsChange: headFindings - baseFindings,
    };
  });
}

function compareDimensions(base: AuditResult, head: AuditResult, pairs: Pair[], alpha: number): DimensionChange[] {
  return unionDimensionIds(base, head).map(({ id, presentIn }) => {
    const baseScores: number[] = [];
    const headScores: number[] = [];
    for (const pair of pairs) {
      const b = scoreOf(pair.base, id);
      const h = scoreOf(pair.head, id);
      if (b !== undefined && h !== undefined) {
        baseScores.push(b);
        headScores.push(h);
      }
    }
    const test = pairedTTest(headScores.map((h, i) => h - baseScores[i]!));
    const baseMean = meanAndVariance(baseScores);
    const headMean = meanAndVariance(headScores);
    return {
      id,
      presentIn,
      base: { n: baseMean.n, mean: baseMean.mean, variance: baseMean.variance },
      head: { n: headMean.n, mean: headMean.mean, variance: headMean.variance },
      change: headMean.mean - baseMean.mean,
      test: 'paired-t' as const,
      t: test.t,
      df: test.df,
      pValue: test.pValue,
      significant: test.tooSmall === undefined && test.pValue < alpha,
      ...(test.tooSmall ? { tooSmall: `${baseScores.length} sample(s) scored on ${id} in both audits: ${test.tooSmall}` } : {}),
    };
  });
}

/**
 * Keys each finding by rule, normalised matched text and occurrence number among findings with
 * the same rule and text, so two identical matches in one reply are two findings, and a finding
 * without matched text is identified by its rule and position in the list of such findings.
 */
function keyFindings(findings: readonly Finding[]): Map<string, Finding> {
  const seen = new Map<string, number>();
  const keyed = new Map<string, Finding>();
  for (const finding of findings) {
    const identity = `${finding.ruleId}\u0000${normalizeMatch(finding.match)}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    keyed.set(`${identity}\u0000${occurrence}`, finding);
  }
  return keyed;
}

function matchFindings(pairs: Pair[]): FindingChanges {
  const out: FindingChanges = { new: [], resolved: [], unchanged: 0 };
  for (const { base, head } of pairs) {
    const baseKeys = keyFindings(base.findings);
    const headKeys = keyFindings(head.findings);
    for (const [key, finding] of headKeys) {
      if (baseKeys.has(key)) out.unchanged++;
      else out.new.push(refOf(head.id, finding));
    }
    for (const [key, finding] of baseKeys) if (!headKeys.has(key)) out.resolved.push(refOf(base.id, finding));
  }
  return out;
}

function refOf(sampleId: string, f: Finding): FindingRef {
  return { sampleId, ruleId: f.ruleId, kind: f.kind, severity: f.severity, message: f.message, ...(f.match !== undefined ? { match: f.match } : {}) };
}

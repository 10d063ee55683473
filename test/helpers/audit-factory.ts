import type { AuditResult, AuditSummary, DimensionSummary, Finding, Grade, RuleSummary, SampleResult, Severity } from '../../src/types.js';

/** A rule finding; override any field. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'no-jargon',
    kind: 'banned',
    severity: 'error',
    message: 'Avoid jargon',
    origin: 'rule',
    ...overrides,
  };
}

/** A finding pointing at `match` inside `response` (first occurrence). */
export function findingAt(response: string, match: string, overrides: Partial<Finding> = {}): Finding {
  const start = response.indexOf(match);
  if (start < 0) throw new Error(`"${match}" does not occur in "${response}"`);
  return makeFinding({ match, span: { start, end: start + match.length }, ...overrides });
}

/** A graded verdict with the given dimension scores. */
export function makeGrade(scores: Record<string, number>, overrides: Partial<Grade> = {}): Grade {
  return {
    status: 'graded',
    grader: 'heuristic',
    scores: Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score, reason: `scored ${score}` }])),
    violations: [],
    drift: 'on-brand',
    ...overrides,
  };
}

/** A grader failure. */
export function makeErrorGrade(error = 'timeout after 30s'): Grade {
  return { status: 'error', grader: 'llm', scores: {}, violations: [], drift: 'on-brand', error };
}

export function makeSample(overrides: Partial<SampleResult> = {}): SampleResult {
  return {
    id: 's1',
    source: { file: 'samples.jsonl', line: 1 },
    customer: 'Where is my order?',
    response: 'Your order ships tomorrow.',
    metadata: {},
    findings: [],
    verdict: 'pass',
    ...overrides,
  };
}

/** `count` samples with ids `<prefix>1..`, each built by `build(i)` (0-based). */
export function makeSamples(count: number, build: (i: number) => Partial<SampleResult> = () => ({}), prefix = 's'): SampleResult[] {
  return Array.from({ length: count }, (_, i) => makeSample({ id: `${prefix}${i + 1}`, source: { file: 'samples.jsonl', line: i + 1 }, ...build(i) }));
}

export interface AuditSpec extends Partial<Omit<AuditResult, 'samples' | 'summary'>> {
  samples: SampleResult[];
  /** Rules of the guide; rules seen in findings are added automatically. */
  rules?: Pick<RuleSummary, 'ruleId' | 'kind' | 'severity'>[];
  /** Dimensions of the guide and their `min`. */
  dimensions?: { id: string; min: number }[];
  summary?: Partial<AuditSummary>;
}

/**
 * An AuditResult whose summary is computed from its samples the simple, obvious way
 * (a test double for the lead's summarize step), so tests only state samples.
 */
export function makeAudit(spec: AuditSpec): AuditResult {
  const { samples, rules = [], dimensions = [], summary: summaryOverrides, ...rest } = spec;
  return {
    schemaVersion: 2,
    tool: { name: 'tone-audit', version: '0.1.0' },
    guide: { brand: 'Northwind', version: '2026.4', hash: 'a'.repeat(64), file: 'styleguide/brand.yaml' },
    grader: { kind: 'heuristic', promptHash: 'b'.repeat(64) },
    inputs: ['samples.jsonl'],
    inputProblems: [],
    gate: { passed: true, reasons: [] },
    ...rest,
    samples,
    summary: { ...summarizeForTest(samples, rules, dimensions), ...summaryOverrides },
  };
}

function summarizeForTest(
  samples: SampleResult[],
  ruleSpecs: Pick<RuleSummary, 'ruleId' | 'kind' | 'severity'>[],
  dimensions: { id: string; min: number }[],
): AuditSummary {
  const findingsBySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const rules = new Map<string, RuleSummary>(ruleSpecs.map((r) => [r.ruleId, { ...r, findings: 0, samples: 0 }]));
  for (const sample of samples) {
    const seen = new Set<string>();
    for (const f of sample.findings) {
      findingsBySeverity[f.severity]++;
      const rule = rules.get(f.ruleId) ?? { ruleId: f.ruleId, kind: f.kind, severity: f.severity, findings: 0, samples: 0 };
      rule.findings++;
      if (!seen.has(f.ruleId)) rule.samples++;
      seen.add(f.ruleId);
      rules.set(f.ruleId, rule);
    }
  }
  const dimensionSummaries: DimensionSummary[] = dimensions.map(({ id, min }) => {
    const scores = samples.flatMap((s) => (s.grade?.status === 'graded' && s.grade.scores[id] ? [s.grade.scores[id].score] : []));
    const histogram = [0, 0, 0, 0, 0];
    for (const score of scores) histogram[Math.round(score) - 1]!++;
    return {
      id,
      n: scores.length,
      mean: scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length,
      min,
      belowMin: scores.filter((s) => s < min).length,
      histogram,
    };
  });
  return {
    samples: samples.length,
    passed: samples.filter((s) => s.verdict === 'pass').length,
    drifting: samples.filter((s) => s.verdict === 'drift').length,
    // As the audit counts it: the grader failed, whatever rules found.
    ungraded: samples.filter((s) => s.grade?.status === 'error').length,
    skippedRecords: 0,
    findingsBySeverity,
    rules: [...rules.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1)),
    dimensions: dimensionSummaries,
  };
}

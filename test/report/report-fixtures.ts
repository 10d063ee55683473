import { compareAudits, trend } from '../../src/diff/index.js';
import type { ReportContext } from '../../src/report/reporter.js';
import type { AuditResult, SampleResult } from '../../src/types.js';
import { findingAt, makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSample, makeSamples } from '../helpers/audit-factory.js';

/** Bot text that tries to break out of every format we write. */
export const HOSTILE_REPLY =
  'Fine | col\n\n# Heading\n<script>alert(1)</script> & ``` fence @octocat \u001b[31mred\u001b[0m \u0001 100% done\n::error::pwned';

export const RULES = [
  { ruleId: 'no-blame', kind: 'banned', severity: 'error' as const },
  { ruleId: 'plain-words', kind: 'prefer', severity: 'warning' as const },
  { ruleId: 'no-emoji', kind: 'limit', severity: 'info' as const },
  { ruleId: 'no-sarcasm', kind: 'judge', severity: 'error' as const },
];
export const DIMENSIONS = [
  { id: 'clarity', min: 4 },
  { id: 'empathy', min: 3 },
];

const BLAME = 'That is your fault. Kindly utilize the reset page.';
const STIFF = 'Kindly restart the agent at this time.';

function spanOf(text: string, match: string): { start: number; end: number } {
  const start = text.indexOf(match);
  return { start, end: start + match.length };
}

/** One sample of every kind a report must handle. */
export function reportSamples(): SampleResult[] {
  return [
    makeSample({ id: 'pass-1', source: { file: 'replies.jsonl', line: 1 }, grade: makeGrade({ clarity: 5, empathy: 4 }) }),
    makeSample({
      id: 'blame-2',
      source: { file: 'replies.jsonl', line: 2 },
      customer: 'My deploy failed again.',
      response: BLAME,
      findings: [
        findingAt(BLAME, 'your fault', { ruleId: 'no-blame', message: 'Blames the customer: “your fault”' }),
        findingAt(BLAME, 'Kindly', { ruleId: 'plain-words', kind: 'prefer', severity: 'warning', message: 'Say “please”', suggestion: { span: spanOf(BLAME, 'Kindly'), replacement: 'Please' } }),
        findingAt(BLAME, 'utilize', { ruleId: 'plain-words', kind: 'prefer', severity: 'warning', message: 'Say “use”', suggestion: { span: spanOf(BLAME, 'utilize'), replacement: 'use' } }),
      ],
      grade: makeGrade({ clarity: 3, empathy: 1 }, { drift: 'major-drift', rewrite: 'Sorry the deploy failed. Please use the reset page.' }),
      verdict: 'drift',
    }),
    makeSample({
      id: 'stiff-3',
      source: { file: 'replies.jsonl', line: 3 },
      customer: 'How do I restart the agent?',
      response: STIFF,
      findings: [
        findingAt(STIFF, 'Kindly', { ruleId: 'plain-words', kind: 'prefer', severity: 'warning', message: 'Say “please”', suggestion: { span: spanOf(STIFF, 'Kindly'), replacement: 'Please' } }),
        findingAt(STIFF, 'at this time', { ruleId: 'plain-words', kind: 'prefer', severity: 'warning', message: 'Say “now”', suggestion: { span: spanOf(STIFF, 'at this time'), replacement: 'now' } }),
      ],
      grade: makeGrade({ clarity: 4, empathy: 3 }),
      verdict: 'drift',
    }),
    makeSample({ id: 'timeout-4', source: { file: 'replies.jsonl', line: 4 }, grade: makeErrorGrade('timeout after 30s'), verdict: 'ungraded' }),
    makeSample({
      id: 'emoji-5',
      source: { file: 'replies.jsonl', line: 5 },
      response: 'Done 🎉',
      findings: [findingAt('Done 🎉', '🎉', { ruleId: 'no-emoji', kind: 'limit', severity: 'info', message: 'No emoji' })],
      grade: makeGrade({ clarity: 4, empathy: 3 }),
    }),
    makeSample({ id: 'flat-6', source: { file: 'replies.jsonl', line: 6 }, response: 'Restart it.', grade: makeGrade({ clarity: 4, empathy: 2 }, { drift: 'minor-drift' }), verdict: 'drift' }),
    makeSample({
      id: 'hostile|7',
      source: { file: 'replies.jsonl', line: 7 },
      customer: 'Hi <b>there</b> | @everyone',
      response: HOSTILE_REPLY,
      findings: [makeFinding({ ruleId: 'no-blame', message: 'Blames: “100%\n::warning::x”', match: '100%' })],
      grade: makeGrade({ clarity: 2, empathy: 2 }, { drift: 'major-drift', rewrite: 'Fine.\n``` still a fence\nDone.' }),
      verdict: 'drift',
    }),
  ];
}

/**
 * The factory's summary predates `DimensionSummary.min`; fill it in from the guide's dimensions.
 * (Harmless once the factory sets it itself.)
 */
export function withMinimums(audit: AuditResult): AuditResult {
  const mins = new Map(DIMENSIONS.map((d) => [d.id, d.min]));
  return { ...audit, summary: { ...audit.summary, dimensions: audit.summary.dimensions.map((d) => ({ ...d, min: d.min ?? mins.get(d.id) ?? 1 })) } };
}

export function reportAudit(overrides: Partial<AuditResult> = {}): AuditResult {
  return withMinimums(makeAudit({
    samples: reportSamples(),
    rules: RULES,
    dimensions: DIMENSIONS,
    inputs: ['replies.jsonl'],
    gate: { passed: false, reasons: ['drift rate 66.7% exceeds --max-drift-rate 20.0%', '1 sample(s) ungraded: timeout after 30s'] },
    inputProblems: [{ location: { file: 'replies.jsonl', line: 9 }, path: 'response', message: 'missing field "response"' }],
    summary: { skippedRecords: 1 },
    ...overrides,
  }));
}

export const CTX: ReportContext = { colorLevel: 0, showPassing: false, graderNote: 'no ANTHROPIC_API_KEY: offline heuristic grader' };

/** A base and a head audit over the same 40 ids: 4 → 14 drifting, so the rise is significant (paired). */
export function pairedAudits(): { base: AuditResult; head: AuditResult } {
  const drifting = (limit: number) => (i: number): Partial<SampleResult> =>
    i < limit
      ? { verdict: 'drift', findings: [makeFinding({ ruleId: 'no-blame', match: `blame ${i}` })], grade: makeGrade({ clarity: 3 }, { drift: 'minor-drift' }) }
      : { grade: makeGrade({ clarity: 5 }) };
  const base = withMinimums(makeAudit({ samples: makeSamples(40, drifting(4)), rules: RULES, dimensions: DIMENSIONS, guide: { brand: 'Northwind', version: '2026.3', hash: 'c'.repeat(64), file: 'g.yaml' } }));
  const head = withMinimums(makeAudit({ samples: makeSamples(40, drifting(14)), rules: RULES, dimensions: DIMENSIONS }));
  return { base, head };
}

export function pairedComparison() {
  const { base, head } = pairedAudits();
  return compareAudits(base, head);
}

/** Independent groups of 10 samples each: too small to conclude anything. */
export function smallUnpairedComparison() {
  const base = makeAudit({ samples: makeSamples(10, (i) => (i < 2 ? { verdict: 'drift' } : {}), 'a') });
  const head = makeAudit({ samples: makeSamples(10, (i) => (i < 5 ? { verdict: 'drift' } : {}), 'b'), inputs: ['week-2.jsonl'] });
  return compareAudits(base, head);
}

export function trendPoints() {
  const { base, head } = pairedAudits();
  return trend([base, head, reportAudit()]);
}

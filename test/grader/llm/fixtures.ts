import type { Sample, StyleGuide } from '../../../src/types.js';

export const API_KEY = 'sk-test-SECRET-0123456789abcdef';

export function makeGuide(overrides: Partial<StyleGuide> = {}): StyleGuide {
  return {
    brand: 'Northwind Cloud Support',
    version: '2026.4',
    changelog: [],
    voice: {
      summary: 'Warm, plain-spoken and confident.',
      traits: [{ id: 'warm', description: 'Sounds like a person', do: ['Acknowledge feelings before solving'], dont: ['Open with a policy citation'] }],
    },
    dimensions: [
      { id: 'empathy', name: 'Empathy', description: 'Validates the customer', scale: { 5: 'Specific, sincere', 1: 'Ignores feelings', 3: 'Generic' }, min: 3, weight: 1 },
      { id: 'clarity', description: 'Plain and direct', scale: { 1: 'Confusing', 5: 'Crystal clear' }, min: 3, weight: 1 },
    ],
    rules: [
      { id: 'no-blame', kind: 'banned', severity: 'error', options: { terms: ['you failed to'] }, index: 0 },
      { id: 'no-condescension', kind: 'judge', severity: 'warning', description: 'Never talk down to the customer', options: {}, index: 1, when: { customer: ['frustrated'] } },
    ],
    escalation: [
      { id: 'commercial-topics', description: 'Contract questions go to an account manager', customerMentions: ['contract'], customerSignals: [], signalsMatch: 'any', customerTopics: [], handoff: ['account manager'], severity: 'error' },
    ],
    signals: [],
    examples: [{ id: 'late-order', customer: 'My order is three weeks late!', bad: 'Per our policy, delivery times vary.', good: "Three weeks is far too long, and I'm sorry.", why: 'Policy-first', catches: [] }],
    source: { file: 'guide.yaml', hash: 'abc' },
    positions: {},
    ...overrides,
  };
}

let counter = 0;
export function makeSample(overrides: Partial<Sample> = {}): Sample {
  counter += 1;
  return {
    id: `s${counter}`,
    response: `Sorry about the wait on order ${counter}. You failed to   enter the code, so I reset it for you.`,
    customer: 'My code does not work!',
    metadata: {},
    source: { file: 'samples.jsonl', line: counter },
    ...overrides,
  };
}

/** One dimension's entry in the verdict schema: evidence and reasoning before the score. */
export function dimensionScore(score: number, reasoning: string, evidence: string[] = []): Record<string, unknown> {
  return { evidence, reasoning, score };
}

/** A valid scoring verdict for {@link makeGuide} (no rewrite: that is the second call). */
export function verdict(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ruleReviews: [],
    scores: { empathy: dimensionScore(4, 'Apologises'), clarity: dimensionScore(5, 'Direct') },
    violations: [],
    drift: 'on-brand',
    ...overrides,
  };
}

/** A verdict whose scores are all `score`, drifting below 3. */
export function verdictScoring(score: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return verdict({
    scores: { empathy: dimensionScore(score, `empathy ${score}`), clarity: dimensionScore(score, `clarity ${score}`) },
    drift: score < 3 ? 'major-drift' : 'on-brand',
    ...overrides,
  });
}

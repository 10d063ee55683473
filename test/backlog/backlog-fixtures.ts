import { auditSample, type AuditEngine } from '../../src/audit.js';
import type { BacklogItem } from '../../src/backlog/index.js';
import { hashBacklogId, type CheckRewrite } from '../../src/backlog/index.js';
import { compileRules } from '../../src/rules/index.js';
import type { SampleResult } from '../../src/types.js';
import { findingAt, makeGrade, makeSample } from '../helpers/audit-factory.js';
import { makeGuide, makeRule, makeRules } from '../helpers/guide-factory.js';

/** A backlog item; override any field. The id follows customer + original unless given. */
export function makeItem(overrides: Partial<BacklogItem> = {}): BacklogItem {
  const customer = overrides.customer ?? 'Where is my refund?';
  const original = overrides.original ?? 'Per our policy, refunds take 10 days.';
  return {
    id: hashBacklogId(customer, original),
    status: 'ready',
    customer,
    original,
    rewrite: 'Your refund is on its way and should arrive within 10 days.',
    rewriteSource: 'grader',
    findings: [{ ruleId: 'no-policy', severity: 'error', message: 'Do not cite policy', match: 'Per our policy' }],
    guideVersion: '2026.4',
    grader: { kind: 'heuristic' },
    firstSeen: { audit: 'a1' },
    lastSeen: { audit: 'a1' },
    timesSeen: 1,
    audits: ['a1'],
    sampleIds: ['s1'],
    ...overrides,
  };
}

/** A drifting sample: `phrase` in the response is flagged by `no-policy`, with an optional grader rewrite. */
export function driftingSample(id: string, response: string, phrase: string, options: { customer?: string; rewrite?: string; replacement?: string } = {}): SampleResult {
  const finding = findingAt(response, phrase, {
    ruleId: 'no-policy',
    message: 'Do not cite policy',
    ...(options.replacement !== undefined ? { suggestion: { span: { start: response.indexOf(phrase), end: response.indexOf(phrase) + phrase.length }, replacement: options.replacement } } : {}),
  });
  return makeSample({
    id,
    customer: options.customer ?? 'Where is my refund?',
    response,
    findings: [finding],
    grade: makeGrade({ empathy: 2, clarity: 4 }, { drift: 'minor-drift', ...(options.rewrite !== undefined ? { rewrite: options.rewrite } : {}) }),
    verdict: 'drift',
  });
}

export function passingSample(id: string, response: string, customer = 'Where is my refund?'): SampleResult {
  return makeSample({ id, customer, response, grade: makeGrade({ empathy: 4, clarity: 4 }), verdict: 'pass' });
}

/** A real rules engine (no grader): `no-policy` and `no-sorry` (banned, error) and `plain-words` (prefer, warning). */
export function makeEngine(): AuditEngine {
  const guide = makeGuide({
    rules: makeRules(
      makeRule('no-policy', 'banned', { terms: ['per our policy'] }, { severity: 'error' }),
      makeRule('no-sorry', 'banned', { terms: ['unfortunately'] }, { severity: 'error' }),
      makeRule('plain-words', 'prefer', { swap: { utilize: 'use' } }, { severity: 'warning' }),
    ),
  });
  return { guide, rules: compileRules(guide) };
}

export function rulesCheck(engine: AuditEngine = makeEngine()): CheckRewrite {
  return (sample) => auditSample(engine, sample);
}

import { describe, expect, it } from 'vitest';
import { applyRuleReviews } from '../../../src/grader/grader.js';
import { combineRepeats, judgeRepeat } from '../../../src/grader/llm/combine-repeats.js';
import { renderRewriteTurn, collectRewriteProblems } from '../../../src/grader/llm/rewrite-turn.js';
import { renderRubric } from '../../../src/grader/llm/rubric.js';
import { renderSampleTurn } from '../../../src/grader/llm/sample-turn.js';
import { buildRewriteSchema, buildVerdictSchema, parseVerdict } from '../../../src/grader/llm/verdict.js';
import type { Finding, Grade, ScoredExample } from '../../../src/types.js';
import { dimensionScore, makeGuide, makeSample, verdict } from './fixtures.js';

const escalationFinding: Finding = { ruleId: 'commercial-topics', kind: 'escalation', severity: 'error', message: 'Customer raised contract but the reply does not hand off', origin: 'rule' };
const bannedFinding: Finding = { ruleId: 'no-blame', kind: 'banned', severity: 'error', message: 'Blames', match: 'You failed to', origin: 'rule' };

const graded = (overrides: Partial<Grade> = {}): Grade => ({
  status: 'graded',
  grader: 'llm',
  scores: { empathy: { score: 4, reason: 'e' }, clarity: { score: 5, reason: 'c' } },
  violations: [],
  drift: 'on-brand',
  ...overrides,
});

describe('the scoring schema', () => {
  it('asks for evidence and reasoning before each score, reviews first and drift last, and no rewrite', () => {
    const schema = buildVerdictSchema(makeGuide()) as any;
    expect(Object.keys(schema.properties)).toEqual(['ruleReviews', 'scores', 'violations', 'drift']);
    expect(schema.required).toEqual(['ruleReviews', 'scores', 'violations', 'drift']);
    const empathy = schema.properties.scores.properties.empathy;
    expect(Object.keys(empathy.properties)).toEqual(['evidence', 'reasoning', 'score']);
    expect(empathy.required).toEqual(['evidence', 'reasoning', 'score']);
    expect(empathy.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.violations.items.properties)).toEqual(['id', 'quote', 'why', 'severity']);
    const review = schema.properties.ruleReviews.items;
    expect(review.additionalProperties).toBe(false);
    expect(review.properties.ruleId.enum).toEqual(['commercial-topics']);
    expect(review.properties.decision.enum).toEqual(['confirm', 'overrule']);
    expect(JSON.stringify(schema)).not.toContain('rewrite');
    expect(Object.keys((buildRewriteSchema() as any).properties)).toEqual(['plan', 'rewrite']);
  });

  it('keeps verified evidence as written in the reply and drops invented quotes', () => {
    const sample = makeSample({ response: 'Sorry about   the wait. Your order ships “today”.' });
    const result = parseVerdict(
      verdict({
        scores: {
          empathy: dimensionScore(4, 'Apologises for the wait', ['Sorry about the wait', 'We value you']),
          clarity: dimensionScore(5, 'Says when', ['ships "today"']),
        },
      }),
      sample,
      makeGuide(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.grade.scores.empathy).toEqual({ score: 4, reason: 'Apologises for the wait', evidence: ['Sorry about   the wait'] });
    expect(result.grade.scores.clarity?.evidence).toEqual(['ships “today”']);
    expect(result.grade.droppedEvidence).toBe(1);
  });

  it('keeps reviews only for reviewable findings of this reply, one per rule', () => {
    const reviews = [
      { ruleId: 'commercial-topics', decision: 'overrule', reason: 'Contractor, not a contract' },
      { ruleId: 'commercial-topics', decision: 'confirm', reason: 'second opinion' },
      { ruleId: 'no-blame', decision: 'overrule', reason: 'not reviewable' },
    ];
    const sample = makeSample();
    const withFinding = parseVerdict(verdict({ ruleReviews: reviews }), sample, makeGuide(), [escalationFinding, bannedFinding]);
    expect(withFinding.ok && withFinding.grade.ruleReviews).toEqual([{ ruleId: 'commercial-topics', decision: 'overrule', reason: 'Contractor, not a contract' }]);
    const without = parseVerdict(verdict({ ruleReviews: reviews }), sample, makeGuide(), [bannedFinding]);
    expect(without.ok && without.grade.ruleReviews).toBeUndefined();
  });
});

describe('applyRuleReviews', () => {
  it('marks reviewed rule findings confirmed or overruled and leaves the rest alone', () => {
    const grade = graded({ ruleReviews: [{ ruleId: 'commercial-topics', decision: 'overrule', reason: 'Contractor, not a contract' }] });
    const [escalation, banned] = applyRuleReviews([escalationFinding, bannedFinding], grade);
    expect(escalation!.review).toEqual({ by: 'llm', decision: 'overruled', reason: 'Contractor, not a contract' });
    expect(banned).toBe(bannedFinding);
    const confirmed = applyRuleReviews([escalationFinding], graded({ ruleReviews: [{ ruleId: 'commercial-topics', decision: 'confirm', reason: 'No handoff' }] }));
    expect(confirmed[0]!.review?.decision).toBe('confirmed');
    expect(applyRuleReviews([escalationFinding], { ...grade, status: 'error' })[0]!.review).toBeUndefined();
  });
});

describe('judgeRepeat and combineRepeats', () => {
  const guide = makeGuide();

  it('calls a judgement drifting for a low score, a violation, the model, or a rule finding not overruled', () => {
    expect(judgeRepeat(graded(), [], guide)).toBe('ok');
    expect(judgeRepeat(graded({ scores: { empathy: { score: 2, reason: '' }, clarity: { score: 5, reason: '' } } }), [], guide)).toBe('drift');
    expect(judgeRepeat(graded({ drift: 'minor-drift' }), [], guide)).toBe('drift');
    expect(judgeRepeat(graded(), [escalationFinding], guide)).toBe('drift');
    expect(judgeRepeat(graded({ ruleReviews: [{ ruleId: 'commercial-topics', decision: 'overrule', reason: 'x' }] }), [escalationFinding], guide)).toBe('ok');
    expect(judgeRepeat(graded(), [{ ...bannedFinding, severity: 'info' }], guide)).toBe('ok');
    expect(judgeRepeat({ ...graded(), status: 'error' }, [], guide)).toBe('ungraded');
  });

  it('takes the median score, the majority verdict and counts flips', () => {
    const a = graded({ scores: { empathy: { score: 4, reason: 'four' }, clarity: { score: 5, reason: 'five' } }, calls: 1, usage: { inputTokens: 1, outputTokens: 1, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, costUsd: 0.1 } });
    const b = graded({ scores: { empathy: { score: 2, reason: 'two' }, clarity: { score: 3, reason: 'three' } }, drift: 'major-drift', calls: 1, droppedEvidence: 2 });
    const c = graded({ scores: { empathy: { score: 5, reason: 'five' }, clarity: { score: 4, reason: 'four' } }, cached: true, calls: 0 });
    const combined = combineRepeats([a, b, c], ['ok', 'drift', 'ok'], guide);
    expect(combined.scores.empathy).toEqual({ score: 4, reason: 'four' });
    expect(combined.scores.clarity).toEqual({ score: 4, reason: 'four' });
    expect(combined.drift).toBe('on-brand');
    expect(combined.repeats).toEqual({ n: 3, flips: 1, verdicts: ['ok', 'drift', 'ok'] });
    expect(combined.calls).toBe(2);
    expect(combined.droppedEvidence).toBe(2);
    expect(combined.cached).toBeUndefined();
    expect(combined.usage?.costUsd).toBeCloseTo(0.1, 10);
  });

  it('counts a tie as drift, ignores ungraded repeats, and returns a single judgement as it is', () => {
    const ok = graded();
    const bad = graded({ drift: 'minor-drift' });
    expect(combineRepeats([ok, bad], ['ok', 'drift'], guide)).toMatchObject({ drift: 'minor-drift', repeats: { n: 2, flips: 1 } });
    const failed: Grade = { ...graded(), status: 'error', error: 'boom', scores: {} };
    expect(combineRepeats([failed, ok, ok], ['ungraded', 'ok', 'ok'], guide)).toMatchObject({ status: 'graded', repeats: { n: 3, flips: 0 } });
    expect(combineRepeats([failed, failed], ['ungraded', 'ungraded'], guide)).toMatchObject({ status: 'error', error: 'boom' });
    expect(combineRepeats([ok], ['ok'], guide)).toEqual({ ...ok, calls: 1, droppedEvidence: 0 });
  });
});

describe('the rubric', () => {
  const scored: ScoredExample[] = [
    { id: 'calm-question', customer: 'How do I rotate a key?', reply: 'Open Settings, then API keys.', verdict: 'ok', scores: { empathy: 3, clarity: 5 }, why: 'A calm question needs no apology.' },
    { id: 'settles-compensation', customer: 'We want a credit.', reply: 'Sure, 20% off.', verdict: 'drift', scores: {}, why: 'Settles a compensation claim itself.' },
  ];

  it('carries the situational anchors, both tasks, and the scored examples inside the cached system prompt', () => {
    const { system } = renderRubric(makeGuide({ scoredExamples: scored }));
    expect(system).toContain('A calm, factual question needs no apology and no empathy statement');
    expect(system).toContain('scores 3-4 on empathy, not low');
    expect(system).toContain('can score 5 on clarity');
    expect(system).toContain('whether or not the reply paraphrases them');
    expect(system).toContain('Style nits are not drift');
    expect(system).toContain('## Task: verdict');
    expect(system).toContain('## Task: rewrite');
    expect(system).toContain('# Scored examples');
    expect(system).toContain('## calm-question\nCustomer: How do I rotate a key?\nReply: Open Settings, then API keys.\nScores: empathy 3, clarity 5\nVerdict: ok');
    expect(system).toContain('## settles-compensation\nCustomer: We want a credit.\nReply: Sure, 20% off.\nVerdict: drift\nWhy: Settles a compensation claim itself.');
    expect(renderRubric(makeGuide({ scoredExamples: scored })).hash).not.toBe(renderRubric(makeGuide()).hash);
    expect(renderRubric(makeGuide()).system).not.toContain('# Scored examples');
  });

  it('lists reviewable findings in their own block of the scoring turn, and problems in the rewrite turn', () => {
    const sample = makeSample({ customer: 'About our contract', response: 'Here is the price list.' });
    const turn = renderSampleTurn(sample, [escalationFinding, bannedFinding]);
    expect(turn.text.startsWith('Task: verdict.')).toBe(true);
    expect(turn.text).toContain(`<findings-to-review-${turn.nonce}>\n- commercial-topics (error): Customer raised contract`);
    expect(turn.text).toContain(`<rule-findings-${turn.nonce}>\n- no-blame (error): Blames`);

    const grade = graded({ scores: { empathy: { score: 2, reason: 'Cold' }, clarity: { score: 5, reason: 'ok' } }, ruleReviews: [{ ruleId: 'commercial-topics', decision: 'overrule', reason: 'x' }] });
    const problems = collectRewriteProblems(makeGuide(), [escalationFinding, bannedFinding], grade);
    expect(problems.ruleFindings.map((f) => f.ruleId)).toEqual(['no-blame']);
    expect(problems.lowScores).toEqual([{ id: 'empathy', score: 2, min: 3, reason: 'Cold' }]);
    const rewrite = renderRewriteTurn(sample, problems, { rewrite: 'You failed to </reply-x> read', findings: [bannedFinding] });
    expect(rewrite.text.startsWith('Task: rewrite.')).toBe(true);
    expect(rewrite.text).toContain('- empathy scored 2 (minimum 3): Cold');
    expect(rewrite.text).toContain(`<previous-rewrite-${rewrite.nonce}>\nYou failed to ‹/reply-x> read\n</previous-rewrite-${rewrite.nonce}>`);
  });
});

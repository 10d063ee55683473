import { describe, expect, it } from 'vitest';
import { acceptItems, assessReadiness, judgeRewrite, RULES_SWAP_NOTE, type CheckRewrite } from '../../src/backlog/index.js';
import { makeErrorGrade, makeGrade, makeSample } from '../helpers/audit-factory.js';
import { makeItem, rulesCheck } from './backlog-fixtures.js';

const original = 'Per our policy, please utilize the portal.';
const failedOriginal = [
  { ruleId: 'no-policy', severity: 'error' as const, message: 'policy', match: 'Per our policy' },
  { ruleId: 'plain-words', severity: 'warning' as const, message: 'plain', match: 'utilize' },
];

describe('assessReadiness (real rules engine)', () => {
  it('makes an item ready when its rewrite passes every rule', async () => {
    const item = makeItem({ original, findings: failedOriginal, status: 'needs-review', notes: 'awaiting', rewrite: 'You can use the portal to request it.' });
    const [assessed] = await assessReadiness([item], rulesCheck());
    expect(assessed!.status).toBe('ready');
    expect(assessed!.notes).toBeUndefined();
  });

  it('keeps an item in review when the rewrite breaks another rule, and says which', async () => {
    const item = makeItem({ original, findings: failedOriginal, status: 'needs-review', rewrite: 'Unfortunately, you must use the portal.' });
    const [assessed] = await assessReadiness([item], rulesCheck());
    expect(assessed!.status).toBe('needs-review');
    expect(assessed!.notes).toBe('rewrite not ready: breaks no-sorry (error) "Unfortunately"');
  });

  it('keeps an item in review when the rewrite still fails a rule the original failed', async () => {
    const item = makeItem({ original, findings: failedOriginal, status: 'ready', rewrite: 'Please utilize the portal.' });
    const [assessed] = await assessReadiness([item], rulesCheck());
    expect(assessed!.status).toBe('needs-review');
    expect(assessed!.notes).toBe('rewrite not ready: still fails plain-words (warning) "utilize"');
  });

  it('needs a rewrite without a usable one, and leaves decided and resolved items alone', async () => {
    const { rewrite: _r, rewriteSource: _s, ...noRewrite } = makeItem({ status: 'needs-review' });
    const same = makeItem({ status: 'needs-review', original, rewrite: `${original} ` });
    const decided = [makeItem({ status: 'accepted', rewrite: 'Unfortunately no.' }), makeItem({ status: 'rejected' }), makeItem({ status: 'resolved' })];
    let calls = 0;
    const check: CheckRewrite = async (sample) => {
      calls += 1;
      return rulesCheck()(sample);
    };
    const assessed = await assessReadiness([noRewrite, same, ...decided], check);
    expect(assessed[0]).toMatchObject({ status: 'needs-rewrite', notes: expect.stringMatching(/^no rewrite/) });
    expect(assessed[1]).toMatchObject({ status: 'needs-rewrite', notes: expect.stringMatching(/^the rewrite is the same as the original reply/) });
    expect(assessed.slice(2)).toEqual(decided);
    expect(calls).toBe(0);
  });

  it('never makes the rules\' word swaps ready, even when they pass every rule', async () => {
    const swap = makeItem({ status: 'needs-review', original: 'Please utilize the portal.', rewrite: 'Please use the portal.', rewriteSource: 'rules', findings: [] });
    let calls = 0;
    const [assessed] = await assessReadiness([swap], async (sample) => {
      calls += 1;
      return rulesCheck()(sample);
    });
    expect(assessed).toMatchObject({ status: 'needs-rewrite', rewrite: 'Please use the portal.', notes: RULES_SWAP_NOTE });
    expect(calls).toBe(0);
    // A person may still take the swap as it is.
    const [accepted] = acceptItems([assessed!], [swap.id], { by: 'ana' });
    expect(accepted!.status).toBe('accepted');
  });

  it('checks the rewrite in the original conversation', async () => {
    const seen: string[] = [];
    const item = makeItem({ customer: 'Refund?', transcript: [{ role: 'customer', text: 'Refund?' }], rewrite: 'On its way.' });
    await assessReadiness([item], async (sample) => {
      seen.push(`${sample.customer}|${sample.response}|${sample.transcript?.length}`);
      return makeSample({ response: sample.response, verdict: 'pass' });
    });
    expect(seen).toEqual(['Refund?|On its way.|1']);
  });
});

describe('judgeRewrite with a grader', () => {
  const item = makeItem();
  it('requires an on-brand grade when graded', () => {
    expect(judgeRewrite(item, makeSample({ grade: makeGrade({ empathy: 4 }) }))).toEqual([]);
    expect(judgeRewrite(item, makeSample({ grade: makeGrade({ empathy: 2 }, { drift: 'minor-drift' }) }))).toEqual(['the grader judged it minor-drift']);
    expect(judgeRewrite(item, makeSample({ grade: makeErrorGrade('timeout after 30s') }))).toEqual(['the grader could not judge it: timeout after 30s']);
  });
  it('ignores info findings', () => {
    expect(judgeRewrite(item, makeSample({ findings: [{ ruleId: 'x', kind: 'length', severity: 'info', message: 'long', origin: 'rule' }] }))).toEqual([]);
  });
});

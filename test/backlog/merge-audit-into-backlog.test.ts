import { describe, expect, it } from 'vitest';
import { AWAITING_CHECK_NOTE, hashBacklogId, mergeAuditIntoBacklog, serializeBacklogItem, type BacklogItem } from '../../src/backlog/index.js';
import { makeAudit, makeErrorGrade, makeSample } from '../helpers/audit-factory.js';
import { driftingSample, makeItem, passingSample } from './backlog-fixtures.js';

const text = (items: BacklogItem[]) => items.map(serializeBacklogItem).join('\n');

describe('mergeAuditIntoBacklog', () => {
  const audit = makeAudit({
    samples: [
      driftingSample('s1', 'Per our policy, refunds take 10 days.', 'Per our policy', { rewrite: 'Your refund arrives within 10 days.' }),
      driftingSample('s2', 'Kindly note per our policy we cannot.', 'per our policy', { customer: 'Can I return it?', replacement: 'as' }),
      driftingSample('s3', 'We cannot do that per our policy.', 'per our policy', { customer: 'Cancel my plan' }),
      passingSample('s4', 'Happy to help!'),
      makeSample({ id: 's5', response: 'Maybe.', grade: makeErrorGrade(), verdict: 'ungraded' }),
    ],
  });

  it('adds one item per drifting reply, keyed by content, with the rewrite source', () => {
    const result = mergeAuditIntoBacklog([], audit, { auditLabel: 'a1', now: '2026-11-23T12:00:00.000Z' });
    expect(result.items).toHaveLength(3);
    expect(result.items.map((i) => i.id)).toEqual([...result.items.map((i) => i.id)].sort());
    const byOriginal = Object.fromEntries(result.items.map((i) => [i.original, i]));
    const graded = byOriginal['Per our policy, refunds take 10 days.']!;
    expect(graded).toMatchObject({
      id: hashBacklogId('Where is my refund?', 'Per our policy, refunds take 10 days.'),
      status: 'needs-review',
      rewrite: 'Your refund arrives within 10 days.',
      rewriteSource: 'grader',
      scores: { empathy: 2, clarity: 4 },
      drift: 'minor-drift',
      guideVersion: '2026.4',
      grader: { kind: 'heuristic' },
      firstSeen: { audit: 'a1', at: '2026-11-23T12:00:00.000Z' },
      timesSeen: 1,
      audits: ['a1'],
      sampleIds: ['s1'],
      notes: AWAITING_CHECK_NOTE,
    });
    expect(graded.findings).toEqual([{ ruleId: 'no-policy', severity: 'error', message: 'Do not cite policy', match: 'Per our policy' }]);
    expect(byOriginal['Kindly note per our policy we cannot.']).toMatchObject({ rewrite: 'Kindly note as we cannot.', rewriteSource: 'rules' });
    const none = byOriginal['We cannot do that per our policy.']!;
    expect(none.rewrite).toBeUndefined();
    expect(none.rewriteSource).toBeUndefined();
    expect(none.notes).toMatch(/no rewrite/);
    expect(result.added).toHaveLength(3);
    // Items without a rewrite have nothing to check.
    expect(result.pending).toEqual([graded.id, byOriginal['Kindly note per our policy we cannot.']!.id].sort());
  });

  it('is idempotent: the same audit twice gives byte-identical items and reports no change', () => {
    const once = mergeAuditIntoBacklog([], audit, { auditLabel: 'a1', now: '2026-11-23T12:00:00.000Z' });
    const twice = mergeAuditIntoBacklog(once.items, audit, { auditLabel: 'a1', now: '2026-11-24T09:00:00.000Z' });
    expect(text(twice.items)).toBe(text(once.items));
    expect(twice).toMatchObject({ added: [], updated: [], resolved: [], pending: [] });
  });

  it('counts a reply seen in a new audit once, and updates what the latest audit said', () => {
    const once = mergeAuditIntoBacklog([], audit, { auditLabel: 'a1' });
    const later = makeAudit({
      guide: { ...audit.guide, version: '2026.5' },
      samples: [
        driftingSample('x9', 'Per our policy, refunds take 10 days.', 'Per our policy', { rewrite: 'Your refund arrives within 10 days.' }),
        // The same reply twice in one audit is still one sighting.
        driftingSample('x10', 'Per our policy, refunds take 10 days.', 'Per our policy', { rewrite: 'Your refund arrives within 10 days.' }),
      ],
    });
    const result = mergeAuditIntoBacklog(once.items, later, { auditLabel: 'a2', now: '2026-12-01T00:00:00.000Z' });
    const item = result.items.find((i) => i.sampleIds.includes('x9'))!;
    expect(item).toMatchObject({ timesSeen: 2, audits: ['a1', 'a2'], sampleIds: ['s1', 'x10', 'x9'], firstSeen: { audit: 'a1' }, lastSeen: { audit: 'a2', at: '2026-12-01T00:00:00.000Z' }, guideVersion: '2026.5' });
    expect(result.updated).toEqual([item.id]);
    // A new guide version means the rewrite must be checked again.
    expect(result.pending).toEqual([item.id]);
    expect(result.items).toHaveLength(3);
  });

  it('resolves an open item whose reply now passes, but not one a person decided on', () => {
    const open = makeItem({ original: 'Per our policy, refunds take 10 days.', status: 'ready' });
    const accepted = makeItem({ customer: 'Cancel my plan', original: 'Happy to help!', status: 'accepted', review: { by: 'ana' } });
    const rejected = makeItem({ customer: 'Hi', original: 'Hello!', status: 'rejected', review: { reason: 'off topic' } });
    const passing = makeAudit({
      samples: [passingSample('p1', open.original), passingSample('p2', accepted.original, accepted.customer), passingSample('p3', rejected.original, rejected.customer)],
    });
    const result = mergeAuditIntoBacklog([open, accepted, rejected], passing, { auditLabel: 'a2' });
    expect(result.resolved).toEqual([open.id]);
    const byId = new Map(result.items.map((i) => [i.id, i]));
    expect(byId.get(open.id)).toMatchObject({ status: 'resolved', notes: 'passed audit a2' });
    expect(byId.get(accepted.id)).toEqual(accepted);
    expect(byId.get(rejected.id)).toEqual(rejected);
    // Resolving is idempotent too.
    expect(text(mergeAuditIntoBacklog(result.items, passing, { auditLabel: 'a2' }).items)).toBe(text(result.items));
  });

  it('keeps human decisions and human rewrites when a reply drifts again', () => {
    const accepted = makeItem({ status: 'accepted', rewrite: 'Accepted text.', review: { by: 'ana', at: '2026-11-01T00:00:00.000Z' } });
    const human = makeItem({ customer: 'Can I return it?', original: 'Kindly note per our policy we cannot.', status: 'ready', rewrite: 'My words.', rewriteSource: 'human' });
    const again = makeAudit({
      samples: [
        driftingSample('n1', accepted.original, 'Per our policy', { rewrite: 'A grader rewrite.' }),
        driftingSample('n2', human.original, 'per our policy', { customer: human.customer, rewrite: 'Another grader rewrite.' }),
      ],
    });
    const result = mergeAuditIntoBacklog([accepted, human], again, { auditLabel: 'a2' });
    const byId = new Map(result.items.map((i) => [i.id, i]));
    expect(byId.get(accepted.id)).toMatchObject({ status: 'accepted', rewrite: 'Accepted text.', review: accepted.review, timesSeen: 2 });
    expect(byId.get(human.id)).toMatchObject({ status: 'ready', rewrite: 'My words.', rewriteSource: 'human', timesSeen: 2 });
    expect(result.pending).toEqual([]);
  });

  it('reopens a resolved item that drifts again and takes a new grader rewrite', () => {
    const resolved = makeItem({ status: 'resolved', notes: 'passed audit a1' });
    const again = makeAudit({ samples: [driftingSample('r1', resolved.original, 'Per our policy', { rewrite: 'Fresh rewrite.' })] });
    const result = mergeAuditIntoBacklog([resolved], again, { auditLabel: 'a3' });
    expect(result.items[0]).toMatchObject({ status: 'needs-review', rewrite: 'Fresh rewrite.', notes: AWAITING_CHECK_NOTE });
    expect(result.pending).toEqual([resolved.id]);
  });

  it('does not resolve an item that drifted in the same audit', () => {
    const drifting = driftingSample('d1', 'Per our policy, refunds take 10 days.', 'Per our policy', { rewrite: 'R.' });
    const result = mergeAuditIntoBacklog([], makeAudit({ samples: [drifting, passingSample('d2', drifting.response)] }), { auditLabel: 'a1' });
    expect(result.resolved).toEqual([]);
    expect(result.items[0]!.status).toBe('needs-review');
  });

  it('takes transcripts from the caller, by sample id', () => {
    const transcripts = new Map([['s1', [{ role: 'customer' as const, text: 'Hi' }, { role: 'bot' as const, text: 'Hello!' }, { role: 'customer' as const, text: 'Where is my refund?' }]]]);
    const result = mergeAuditIntoBacklog([], audit, { auditLabel: 'a1', transcripts });
    expect(result.items.find((i) => i.sampleIds[0] === 's1')!.transcript).toHaveLength(3);
  });
});

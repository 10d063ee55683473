import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBacklog, RULES_SWAP_NOTE, updateBacklogFromAudit } from '../../src/backlog/index.js';
import { makeAudit } from '../helpers/audit-factory.js';
import { tempDir } from '../helpers/temp-dir.js';
import { driftingSample, makeItem, passingSample, rulesCheck } from './backlog-fixtures.js';

const audit = makeAudit({
  samples: [
    // The grader's rewrite fixes the rule: ready.
    driftingSample('s1', 'Per our policy, refunds take 10 days.', 'Per our policy', { rewrite: 'Your refund arrives within 10 days.' }),
    // This rewrite trades one banned phrase for another: needs review.
    driftingSample('s2', 'Per our policy, we cannot.', 'Per our policy', { customer: 'Cancel?', rewrite: 'Unfortunately, we cannot.' }),
    // No rewrite at all: needs a rewrite.
    driftingSample('s3', 'No, per our policy.', 'per our policy', { customer: 'Refund?' }),
    // Only the rules' word swap (it even passes the rules): still needs a rewrite, never ready.
    driftingSample('s4', 'Per our policy, we reviewed it.', 'Per our policy', { customer: 'Status?', replacement: 'So far' }),
  ],
});

describe('updateBacklogFromAudit', () => {
  it('adds items and checks their rewrites against the rules', async () => {
    const file = path.join(tempDir(), 'tone-audit-backlog.jsonl');
    const summary = await updateBacklogFromAudit(file, audit, { auditLabel: 'a1', now: '2026-11-23T12:00:00.000Z', checkRewrite: rulesCheck() });
    expect(summary).toEqual({ added: 4, updated: 0, resolved: 0, ready: 1, needsReview: 1, needsRewrite: 2, total: 4 });
    const items = await readBacklog(file);
    const byOriginal = Object.fromEntries(items.map((i) => [i.original, i]));
    expect(byOriginal['Per our policy, refunds take 10 days.']!.status).toBe('ready');
    expect(byOriginal['Per our policy, we cannot.']).toMatchObject({ status: 'needs-review', notes: 'rewrite not ready: breaks no-sorry (error) "Unfortunately"' });
    expect(byOriginal['No, per our policy.']).toMatchObject({ status: 'needs-rewrite', notes: expect.stringMatching(/^no rewrite/) });
    expect(byOriginal['Per our policy, we reviewed it.']).toMatchObject({ status: 'needs-rewrite', rewrite: 'So far, we reviewed it.', rewriteSource: 'rules', notes: RULES_SWAP_NOTE });
  });

  it('resolves an item waiting for a rewrite when its reply passes later, and a re-run changes nothing', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    await updateBacklogFromAudit(file, audit, { auditLabel: 'a1', checkRewrite: rulesCheck() });
    const later = makeAudit({ samples: [passingSample('p3', 'No, per our policy.', 'Refund?')] });
    expect(await updateBacklogFromAudit(file, later, { auditLabel: 'a2', checkRewrite: rulesCheck() })).toMatchObject({ resolved: 1 });
    const after = readFileSync(file, 'utf8');
    expect((await readBacklog(file)).find((i) => i.original === 'No, per our policy.')!.status).toBe('resolved');
    await updateBacklogFromAudit(file, audit, { auditLabel: 'a1', checkRewrite: rulesCheck() });
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('migrates a file written before needs-rewrite: open items without a real rewrite load as needs-rewrite', async () => {
    const file = path.join(tempDir(), 'old.jsonl');
    const { rewrite: _r, rewriteSource: _s, ...bare } = makeItem({ customer: 'A', original: 'Per our policy, a.', status: 'needs-review', notes: 'no rewrite: the grader gave none and no rule suggested a fix; write one with `backlog edit`' });
    const swap = makeItem({ customer: 'B', original: 'Please utilize it.', status: 'ready', rewrite: 'Please use it.', rewriteSource: 'rules' });
    const graded = makeItem({ customer: 'C', original: 'Per our policy, c.', status: 'ready' });
    writeFileSync(file, [bare, swap, graded].map((item) => JSON.stringify(item)).join('\n') + '\n');
    const byId = new Map((await readBacklog(file)).map((item) => [item.id, item]));
    expect(byId.get(bare.id)).toMatchObject({ status: 'needs-rewrite', notes: bare.notes });
    expect(byId.get(swap.id)).toMatchObject({ status: 'needs-rewrite', notes: RULES_SWAP_NOTE });
    expect(byId.get(graded.id)).toEqual(graded);
  });

  it('is idempotent: the same audit twice leaves the file byte-identical (not even rewritten)', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    await updateBacklogFromAudit(file, audit, { auditLabel: 'a1', now: '2026-11-23T12:00:00.000Z', checkRewrite: rulesCheck() });
    const first = readFileSync(file, 'utf8');
    const mtime = statSync(file).mtimeMs;
    const again = await updateBacklogFromAudit(file, audit, { auditLabel: 'a1', now: '2026-11-24T12:00:00.000Z', checkRewrite: rulesCheck() });
    expect(again).toMatchObject({ added: 0, updated: 0, resolved: 0 });
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('resolves items whose reply passes a later audit', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    await updateBacklogFromAudit(file, audit, { auditLabel: 'a1', checkRewrite: rulesCheck() });
    const later = makeAudit({ samples: [passingSample('p1', 'Per our policy, refunds take 10 days.')] });
    const summary = await updateBacklogFromAudit(file, later, { auditLabel: 'a2', checkRewrite: rulesCheck() });
    expect(summary).toMatchObject({ added: 0, updated: 0, resolved: 1, total: 4 });
    expect((await readBacklog(file)).filter((i) => i.status === 'resolved')).toHaveLength(1);
  });
});

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBacklog, updateBacklogFromAudit } from '../../src/backlog/index.js';
import { makeAudit } from '../helpers/audit-factory.js';
import { tempDir } from '../helpers/temp-dir.js';
import { driftingSample, passingSample, rulesCheck } from './backlog-fixtures.js';

const audit = makeAudit({
  samples: [
    // The grader's rewrite fixes the rule: ready.
    driftingSample('s1', 'Per our policy, refunds take 10 days.', 'Per our policy', { rewrite: 'Your refund arrives within 10 days.' }),
    // This rewrite trades one banned phrase for another: needs review.
    driftingSample('s2', 'Per our policy, we cannot.', 'Per our policy', { customer: 'Cancel?', rewrite: 'Unfortunately, we cannot.' }),
    // No rewrite at all: needs review.
    driftingSample('s3', 'No, per our policy.', 'per our policy', { customer: 'Refund?' }),
  ],
});

describe('updateBacklogFromAudit', () => {
  it('adds items and checks their rewrites against the rules', async () => {
    const file = path.join(tempDir(), 'tone-audit-backlog.jsonl');
    const summary = await updateBacklogFromAudit(file, audit, { auditLabel: 'a1', now: '2026-11-23T12:00:00.000Z', checkRewrite: rulesCheck() });
    expect(summary).toEqual({ added: 3, updated: 0, resolved: 0, ready: 1, needsReview: 2, total: 3 });
    const items = await readBacklog(file);
    const byOriginal = Object.fromEntries(items.map((i) => [i.original, i]));
    expect(byOriginal['Per our policy, refunds take 10 days.']!.status).toBe('ready');
    expect(byOriginal['Per our policy, we cannot.']).toMatchObject({ status: 'needs-review', notes: 'rewrite not ready: breaks no-sorry (error) "Unfortunately"' });
    expect(byOriginal['No, per our policy.']).toMatchObject({ status: 'needs-review', notes: expect.stringMatching(/^no rewrite/) });
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
    expect(summary).toMatchObject({ added: 0, updated: 0, resolved: 1, total: 3 });
    expect((await readBacklog(file)).filter((i) => i.status === 'resolved')).toHaveLength(1);
  });
});

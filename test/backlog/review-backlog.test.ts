import { describe, expect, it } from 'vitest';
import { acceptItems, BacklogError, editRewrite, filterItems, findItems, rejectItems, summarizeBacklog } from '../../src/backlog/index.js';
import { makeItem } from './backlog-fixtures.js';

const a = makeItem({ id: 'aaaa000000000001', status: 'ready', scores: { empathy: 2 } });
const b = makeItem({ id: 'aaaa000000000002', status: 'needs-review', guideVersion: '2026.5', findings: [{ ruleId: 'no-sorry', severity: 'error', message: 'm' }] });
const { rewrite: _r, rewriteSource: _s, ...bare } = makeItem({ id: 'bbbb000000000003', status: 'needs-review', scores: { empathy: 4 } });
const items = [a, b, bare];

describe('findItems', () => {
  it('resolves unique prefixes, case-insensitively', () => {
    expect(findItems(items, ['AAAA000000000001', 'bb'])).toEqual([a, bare]);
  });
  it('rejects ambiguous and unknown prefixes, listing matches', () => {
    const error = (() => {
      try {
        findItems(items, ['aaaa', 'ffff']);
      } catch (e) {
        return e as BacklogError;
      }
    })();
    expect(error).toBeInstanceOf(BacklogError);
    expect(error!.message).toBe('"aaaa" matches 2 items: aaaa000000000001, aaaa000000000002; no item id starts with "ffff"');
  });
});

describe('review decisions', () => {
  const review = { by: 'ana', at: '2026-11-23T12:00:00.000Z' };
  it('accepts with who and when, dropping machine notes', () => {
    const [accepted] = acceptItems(items, ['aaaa000000000002'], { ...review, reason: 'good' });
    expect(accepted).toMatchObject({ status: 'accepted', review: { by: 'ana', at: review.at, reason: 'good' } });
    expect(accepted!.notes).toBeUndefined();
  });
  it('refuses to accept an item without a rewrite', () => {
    expect(() => acceptItems(items, ['bbbb'], review)).toThrow(/no rewrite/);
  });
  it('rejects only with a reason', () => {
    expect(rejectItems(items, ['bbbb'], { ...review, reason: 'wrong facts' })[0]).toMatchObject({ status: 'rejected', review: { reason: 'wrong facts' } });
    expect(() => rejectItems(items, ['bbbb'], { ...review, reason: ' ' })).toThrow(/needs a reason/);
  });
  it('a human edit sets the source, drops the old review and waits for the check', () => {
    const edited = editRewrite({ ...a, status: 'accepted', review }, 'New words.');
    expect(edited).toMatchObject({ rewrite: 'New words.', rewriteSource: 'human', status: 'needs-review' });
    expect(edited.review).toBeUndefined();
    expect(() => editRewrite(a, '  ')).toThrow(/empty/);
  });
});

describe('filterItems and summarizeBacklog', () => {
  it('filters by status, rule, guide version and dimension minimum', () => {
    expect(filterItems(items, { status: 'needs-review' })).toEqual([b, bare]);
    expect(filterItems(items, { rule: 'no-sorry' })).toEqual([b]);
    expect(filterItems(items, { guideVersion: '2026.5' })).toEqual([b]);
    expect(filterItems(items, { dimension: { id: 'empathy', min: 3 } })).toEqual([a]);
  });
  it('counts by status, rule and guide version', () => {
    expect(summarizeBacklog(items)).toEqual({
      total: 3,
      byStatus: { 'needs-rewrite': 0, 'needs-review': 2, ready: 1, accepted: 0, rejected: 0, resolved: 0 },
      byRule: [
        { ruleId: 'no-policy', items: 2 },
        { ruleId: 'no-sorry', items: 1 },
      ],
      byGuideVersion: [
        { version: '2026.4', items: 2 },
        { version: '2026.5', items: 1 },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { changelogBetween, compareVersions } from '../../src/diff/changelog-between.js';

describe('compareVersions', () => {
  it.each([
    ['2026.10', '2026.9', 1],
    ['2026.4', '2026.4', 0],
    ['2026.4', '2026.4.1', -1],
    ['1.2.0', '1.10', -1],
    ['2026.4-beta', '2026.4-alpha', 1],
    ['v2', 'v10', 1], // not numeric: string order
  ])('%s vs %s → %s', (a, b, order) => {
    expect(compareVersions(a, b)).toBe(order);
    expect(compareVersions(b, a)).toBe(-order || 0);
  });
});

describe('changelogBetween', () => {
  const changelog = [
    { version: '2026.10', note: 'Refund wording' },
    { version: '2026.9', date: '2026-09-01', note: 'No more exclamation marks' },
    { version: '2026.4', note: 'Pricing goes to a human' },
    { version: '2026.3', note: 'First version' },
  ];

  it('returns entries after the base version up to the head version, newest first', () => {
    expect(changelogBetween(changelog, '2026.4', '2026.10').map((e) => e.version)).toEqual(['2026.10', '2026.9']);
  });

  it('is empty for the same version and swaps the ends for a rollback', () => {
    expect(changelogBetween(changelog, '2026.4', '2026.4')).toEqual([]);
    expect(changelogBetween(changelog, '2026.10', '2026.4').map((e) => e.version)).toEqual(['2026.10', '2026.9']);
  });
});

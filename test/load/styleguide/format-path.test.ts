import { describe, expect, it } from 'vitest';
import { formatPath, nearestRecorded, parentPath } from '../../../src/load/styleguide/format-path.js';

describe('parentPath', () => {
  it.each([
    ['rules[1].terms[0]', 'rules[1].terms'],
    ['rules[1].terms', 'rules[1]'],
    ['rules[1]', 'rules'],
    ['rules', ''],
    ['[0]', ''],
    ['rules[2].swap["at this time"]', 'rules[2].swap'],
    // A quoted key is one segment, even when it holds brackets, dots or quotes.
    [formatPath(['swap', 'a.b]']), 'swap'],
    [formatPath(['swap', 'say "x"', 0]), formatPath(['swap', 'say "x"'])],
    [formatPath(['swap', 'say "x"']), 'swap'],
  ])('%s → %s', (path, parent) => {
    expect(parentPath(path)).toBe(parent);
  });

  it('has no parent for the root', () => {
    expect(parentPath('')).toBeUndefined();
  });
});

describe('nearestRecorded', () => {
  const table = { '': 'root', rules: 'list', 'rules[1]': 'rule' };

  it('finds the path itself, else its nearest recorded ancestor', () => {
    expect(nearestRecorded(table, 'rules[1]')).toBe('rule');
    expect(nearestRecorded(table, 'rules[1].terms[3]')).toBe('rule');
    expect(nearestRecorded(table, 'rules[7]')).toBe('list');
    expect(nearestRecorded(table, 'tone')).toBe('root');
  });

  it('is undefined when nothing on the way up was recorded', () => {
    expect(nearestRecorded({ rules: 1 }, 'tone.voice')).toBeUndefined();
  });
});

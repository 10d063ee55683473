import { describe, expect, it } from 'vitest';
import { auditLabels } from '../../src/cli/commands/diff-command.js';

describe('diff labels', () => {
  it('names the audits by file name, or by path when the names are the same', () => {
    expect(auditLabels('base.json', 'head.json', '/work')).toEqual({ base: 'base.json', head: 'head.json' });
    expect(auditLabels('q3/tone-audit.json', 'q4/tone-audit.json', '/work')).toEqual({ base: 'q3/tone-audit.json', head: 'q4/tone-audit.json' });
    expect(auditLabels('/data/q3/tone-audit.json', 'q4/tone-audit.json', '/data')).toEqual({ base: 'q3/tone-audit.json', head: 'q4/tone-audit.json' });
  });
});

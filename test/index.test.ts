import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { REPORT_FORMATS } from '../src/report/format-names.js';

describe('programmatic API (src/index.ts)', () => {
  it('exports every stage the CLI wires together', () => {
    for (const name of [
      'streamAudit', 'auditSample', 'buildAuditHeader', 'readStyleGuide', 'parseStyleGuide', 'compileRules', 'runRules',
      'readSamples', 'selectGrader', 'evaluateGate', 'compareAudits', 'renderReport', 'formatProblem',
    ] as const) {
      expect(typeof api[name], name).toBe('function');
    }
    expect(Object.keys(api.REPORTERS).sort()).toEqual([...REPORT_FORMATS].sort());
    expect(new api.ConfigError('x')).toBeInstanceOf(api.UserError);
  });

  it('runs a guide and a sample through the rules with nothing but the public API', () => {
    const guide = api.parseStyleGuide(
      [
        'brand: Acme', 'version: "1"', 'voice: { summary: Warm and plain. }',
        'dimensions:', '  - { id: clarity, description: Clear, scale: { 1: unclear, 3: ok, 5: clear }, min: 3 }',
        'rules:', '  - { id: no-asap, kind: banned, severity: error, terms: [asap] }',
      ].join('\n'),
      'guide.yaml',
    );
    const findings = api.runRules(api.compileRules(guide), {
      id: 's1', customer: 'Hi', response: 'We will fix it ASAP.', metadata: {}, source: { file: '-', line: 1 },
    });
    expect(findings.map((f) => [f.ruleId, f.match])).toEqual([['no-asap', 'ASAP']]);
  });
});

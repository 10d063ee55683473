import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/errors.js';
import { readStyleGuide, RULE_KIND_OPTIONS, RULE_KINDS } from '../../../src/load/styleguide/index.js';
import { compileRules, GUIDE_RULE_KINDS, lintExamples, RULE_MODULES } from '../../../src/rules/index.js';

// The loader checks rule key names and the rule engine checks their values; these tests keep
// the two in step, and show the bundled guide's examples hold up under the real engine.
describe('the loader and the rule engine agree', () => {
  it('on the kinds a guide may use', () => {
    expect([...RULE_KINDS]).toEqual([...GUIDE_RULE_KINDS]);
  });

  it.each(RULE_KINDS.map((kind) => [kind]))('on the option keys of %s', (kind) => {
    const schema = RULE_MODULES[kind].meta.options as unknown as { shape: Record<string, unknown> };
    expect(Object.keys(RULE_KIND_OPTIONS[kind]).sort()).toEqual(Object.keys(schema.shape).sort());
  });

  it('on the bundled guide: every example is caught, no good reply is flagged, every rule is exercised', async () => {
    const guide = await readStyleGuide('styleguide/northwind.yaml');
    const { errors, warnings } = lintExamples(guide, compileRules(guide));
    expect(errors.map(formatProblem)).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([]);
  });
});

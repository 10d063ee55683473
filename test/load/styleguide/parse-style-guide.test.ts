import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStyleGuide, RULE_KINDS } from '../../../src/load/styleguide/index.js';
import { FILE, guideText, positionOf } from './guide-fixtures.js';

const BUNDLED = 'styleguide/northwind.yaml';
const bundledText = readFileSync(BUNDLED, 'utf8');

describe('parseStyleGuide: the bundled Northwind guide', () => {
  const guide = parseStyleGuide(bundledText, BUNDLED);

  it('parses, with every rule kind and the escalation section exercised', () => {
    expect(guide.brand).toBe('Northwind Cloud Support');
    expect(guide.version).toBe('2026.6');
    expect(new Set(guide.rules.map((r) => r.kind))).toEqual(new Set(RULE_KINDS));
    expect(guide.escalation.map((e) => e.id)).toEqual([
      'commercial-topics',
      'compensation',
      'security-incident',
      'repeated-complaint',
      'legal-privacy',
      'cancellation',
      'human-requested',
      'hot-incident',
    ]);
    expect(guide.dimensions.map((d) => d.id)).toEqual(['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice']);
    for (const dimension of guide.dimensions) expect(Object.keys(dimension.scale)).toEqual(['1', '2', '3', '4', '5']);
    expect(guide.voice.traits.length).toBeGreaterThanOrEqual(4);
    expect(guide.changelog.map((c) => c.version)).toEqual(['2026.6', '2026.5', '2026.4', '2026.3', '2026.2', '2026.1']);
    expect(guide.signals.map((s) => s.id)).toEqual(['frustrated', 'urgent', 'confused', 'churn-risk']);
    expect(guide.examples).toHaveLength(18);
  });

  it('names only real rules in every example, and catches at least one', () => {
    const ids = new Set([...guide.rules, ...guide.escalation].map((r) => r.id));
    for (const example of guide.examples) {
      expect(example.catches.length, example.id).toBeGreaterThan(0);
      for (const id of example.catches) expect(ids.has(id), `${example.id} → ${id}`).toBe(true);
    }
  });

  it('records the file and the sha256 of its text', () => {
    expect(guide.source).toEqual({ file: BUNDLED, hash: createHash('sha256').update(bundledText).digest('hex') });
  });

  it('records positions of top-level keys, rule options and list items', () => {
    expect(guide.positions.brand).toEqual({ file: BUNDLED, ...positionOf(bundledText, 'Northwind Cloud Support') });
    const terms = guide.rules.findIndex((r) => r.id === 'no-blame');
    expect(guide.positions[`rules[${terms}].terms[1]`]).toEqual({ file: BUNDLED, ...positionOf(bundledText, 'user error') });
    expect(guide.positions['escalation[0].handoff[1]']).toEqual({
      file: BUNDLED,
      ...positionOf(bundledText, 'account team', 'id: commercial-topics'),
    });
    expect(guide.positions['dimensions[0].scale.5']).toEqual({ file: BUNDLED, ...positionOf(bundledText, 'Names the impact, owns') });
  });
});

describe('parseStyleGuide: the StyleGuide it returns', () => {
  it('keeps versions exactly as written, even when YAML reads them as numbers', () => {
    const guide = parseStyleGuide(
      guideText({ version: 'version: 2026.10', examples: 'changelog:\n  - { version: 2026.10, note: x }\n  - { version: 3, note: y }' }),
      FILE,
    );
    expect(guide.version).toBe('2026.10');
    expect(guide.changelog.map((c) => c.version)).toEqual(['2026.10', '3']);
  });

  it('puts every kind-specific key in options, as written, and applies defaults', () => {
    const text = guideText({
      rules: [
        'rules:',
        '  - id: plain-words',
        '    kind: prefer',
        '    message: "Say {{replacement}}"',
        '    when: { customer: frustrated }',
        '    swap: { utilize: use, "at this time": now }',
        '    extra_for_engine: 3',
      ].join('\n'),
    });
    // An unknown option key is an error (see the error tests); here only the known ones.
    const guide = parseStyleGuide(text.replace('    extra_for_engine: 3\n', ''), FILE);
    expect(guide.rules).toEqual([
      {
        id: 'plain-words',
        kind: 'prefer',
        severity: 'warning',
        message: 'Say {{replacement}}',
        when: { customer: ['frustrated'] },
        options: { swap: { utilize: 'use', 'at this time': 'now' } },
        index: 0,
      },
    ]);
  });

  it('maps escalation, signals and examples to camelCase with defaults', () => {
    const guide = parseStyleGuide(
      guideText({
        escalation: 'escalation:\n  - id: commercial\n    customer_mentions: [price]\n    handoff: [account manager]',
        examples: [
          'signals:',
          '  furious: { any: [livid] }',
          'examples:',
          '  - { customer: "Price?", bad: "b", good: "g", why: "w", catches: [commercial] }',
          '  - { id: named, bad: "b", good: "g", why: "w" }',
        ].join('\n'),
      }),
      FILE,
    );
    expect(guide.escalation).toEqual([
      { id: 'commercial', customerMentions: ['price'], customerSignals: [], customerTopics: [], signalsMatch: 'any', handoff: ['account manager'], severity: 'error' },
    ]);
    expect(guide.signals).toEqual([{ id: 'furious', any: ['livid'] }]);
    expect(guide.examples.map((e) => [e.id, e.customer, e.catches])).toEqual([
      ['example-1', 'Price?', ['commercial']],
      ['named', '', []],
    ]);
    expect(guide.dimensions[0]).toEqual({
      id: 'empathy',
      description: 'Cares about the customer',
      scale: { 1: 'Cold', 3: 'Polite', 5: 'Warm' },
      min: 3,
      weight: 1,
    });
  });

  it('records 1-based positions for nested paths, and the key for an empty value', () => {
    const text = guideText({ rules: 'rules:\n  - id: no-blame\n    kind: banned\n    terms:\n      - your fault\n      - user error\n    patterns:' });
    const guide = parseStyleGuide(text, FILE);
    expect(guide.positions['rules[0].terms[1]']).toEqual({ file: FILE, line: 15, col: 9 });
    expect(guide.positions['rules[0].kind']).toEqual({ file: FILE, line: 12, col: 11 });
    expect(guide.positions['dimensions[0].scale.3']).toEqual({ file: FILE, line: 8, col: 28 });
    expect(guide.positions['rules[0].patterns']).toEqual({ file: FILE, line: 16, col: 5 });
    expect(guide.rules[0]?.options).toEqual({ terms: ['your fault', 'user error'], patterns: null });
  });
});

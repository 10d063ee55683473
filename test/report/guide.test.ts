import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStyleGuide } from '../../src/load/styleguide/index.js';
import { renderGuideHtml, renderGuideMarkdown } from '../../src/report/guide/index.js';
import { describeRule, groupRulesByKind } from '../../src/report/guide/guide-outline.js';
import { mdCell, mdText } from '../../src/report/markdown-syntax.js';
import type { StyleGuide } from '../../src/types.js';
import { makeExample, makeGuide, makeRule, makeRules, makeTrigger } from '../helpers/guide-factory.js';

// Read once at module load: the guide render itself is pure.
const NORTHWIND = parseStyleGuide(readFileSync(new URL('../../styleguide/northwind.yaml', import.meta.url), 'utf8'), 'styleguide/northwind.yaml');

const HOSTILE = '<script>alert(1)</script> | `tick` & "quote" \u001b[31m';

function hostileGuide(): StyleGuide {
  return makeGuide({
    brand: `Brand ${HOSTILE}`,
    voice: { summary: `1. ${HOSTILE}`, traits: [{ id: 'warm', description: HOSTILE, do: [HOSTILE], dont: ['@team <b>x</b>'] }] },
    dimensions: [{ id: 'empathy', description: HOSTILE, scale: { 1: `bad | ${HOSTILE}`, 5: 'good' }, min: 3, weight: 1 }],
    rules: makeRules(makeRule('no-x', 'banned', { terms: ['a|b', '```'] }, { description: HOSTILE, message: HOSTILE }), makeRule('swap', 'prefer', { swap: { '<i>': 'x|y' } })),
    escalation: [makeTrigger('legal', { description: HOSTILE, customerMentions: ['lawyer'], handoff: ['legal team'] })],
    signals: [{ id: 'angry', description: HOSTILE, any: ['|', '<b>'] }],
    examples: [makeExample('ex', { customer: HOSTILE, bad: HOSTILE, good: 'fine', why: HOSTILE, catches: ['no-x', 'legal'] })],
    changelog: [{ version: '2', date: '2026-01-01', note: HOSTILE }],
  });
}

describe('renderGuideMarkdown', () => {
  const md = renderGuideMarkdown(NORTHWIND);

  it('renders the bundled guide (snapshot) deterministically', () => {
    expect(md).toMatchSnapshot();
    expect(renderGuideMarkdown(NORTHWIND)).toBe(md);
  });

  it('covers every trait, dimension anchor, rule, escalation trigger, example and changelog entry', () => {
    for (const trait of NORTHWIND.voice.traits) for (const item of [...trait.do, ...trait.dont]) expect(md).toContain(mdText(item));
    for (const d of NORTHWIND.dimensions) {
      expect(md).toContain(`Minimum **${d.min}** · weight ${d.weight}`);
      expect(Object.keys(d.scale).every((score) => md.includes(`| ${score} | `))).toBe(true);
    }
    for (const rule of NORTHWIND.rules) expect(md).toContain(`#### \`${rule.id}\` · ${rule.severity}`);
    for (const trigger of NORTHWIND.escalation) {
      expect(md).toContain(`### \`${trigger.id}\` · ${trigger.severity}`);
      for (const phrase of trigger.handoff) expect(md).toContain(`\`${phrase}\``);
    }
    for (const example of NORTHWIND.examples) expect(md).toContain(`### \`${example.id}\``);
    for (const entry of NORTHWIND.changelog) expect(md).toContain(`| ${mdCell(entry.version)} | ${mdCell(entry.date ?? '')} | ${mdCell(entry.note)} |`);
  });

  it('shows each example under every rule its catches names', () => {
    const section = md.slice(md.indexOf('#### `plain-words`'), md.indexOf('### What a reply must say'));
    expect(section).toContain('Example `stiff-api-keys`:');
    expect(section).toContain('- ❌ **Bad:** Kindly utilize the Keys tab');
    const escalation = md.slice(md.indexOf('### `commercial-topics`'), md.indexOf('### `legal-privacy`'));
    expect(escalation).toContain('Example `annual-discount`:');
  });

  it('escapes guide text', () => {
    const out = renderGuideMarkdown(hostileGuide());
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('\u001b');
    expect(out).not.toMatch(/^1\. /m);
    expect(out).toContain('@&#8203;team');
    expect(out).toContain('| 1 | bad \\| &lt;script&gt;');
    expect(out).toContain('**Never write:** `a|b`, ```` ``` ````');
  });
});

describe('renderGuideHtml', () => {
  const html = renderGuideHtml(NORTHWIND);

  it('renders the bundled guide as one self-contained page (snapshot)', () => {
    expect(html).toMatchSnapshot();
    expect(renderGuideHtml(NORTHWIND)).toBe(html);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|https?:\/\/|@import|url\(/i);
  });

  it('carries the same rules, triggers and examples as the Markdown', () => {
    for (const rule of NORTHWIND.rules) expect(html).toContain(`id="rule-${rule.id}"`);
    for (const trigger of NORTHWIND.escalation) expect(html).toContain(`id="rule-${trigger.id}"`);
    for (const example of NORTHWIND.examples) expect(html).toContain(`id="example-${example.id}"`);
    expect(html.match(/<tr><td class="num">/g)).toHaveLength(NORTHWIND.dimensions.reduce((n, d) => n + Object.keys(d.scale).length, 0));
  });

  it('escapes guide text', () => {
    const out = renderGuideHtml(hostileGuide());
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<i>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | `tick` &amp; &quot;quote&quot;');
  });
});

describe('guide outline', () => {
  it('groups rules by kind in a fixed order, unknown kinds last', () => {
    const groups = groupRulesByKind(makeRules(makeRule('z', 'custom'), makeRule('l', 'limit'), makeRule('b', 'banned'), makeRule('b2', 'banned')));
    expect(groups.map((g) => [g.kind, g.rules.map((r) => r.id)])).toEqual([
      ['banned', ['b', 'b2']],
      ['limit', ['l']],
      ['custom', ['z']],
    ]);
  });

  it('describes kind options in plain words and lists unknown ones as written', () => {
    expect(describeRule(makeRule('x', 'limit', { count: 'exclamation', max: 0 }))).toEqual([{ type: 'text', text: 'No exclamation marks.' }]);
    expect(describeRule(makeRule('x', 'length', { max_words: 180, max_sentences: 12 }))).toEqual([{ type: 'text', text: 'Replies of at most 180 words, at most 12 sentences.' }]);
    expect(describeRule(makeRule('x', 'require', { any: ['sorry'] }, { when: { customer: ['frustrated', 'urgent'] } }))).toEqual([
      { type: 'text', text: 'Applies only when the customer seems frustrated and urgent.' },
      { type: 'list', label: 'Say at least one of', items: ['sorry'] },
    ]);
    expect(describeRule(makeRule('x', 'custom', { level: 3 }))).toEqual([{ type: 'text', text: 'level: 3' }]);
  });
});

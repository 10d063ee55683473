import { describe, expect, it } from 'vitest';
import { compareAudits, trend } from '../../src/diff/index.js';
import {
  classifyChange,
  describeOutcome,
  formatRate,
  renderComparisonMarkdown,
  renderComparisonTerminal,
  renderTrendMarkdown,
  renderTrendTerminal,
} from '../../src/report/comparison/index.js';
import { formatPValue, formatSigned } from '../../src/report/format-numbers.js';
import { makeAudit, makeFinding, makeSamples } from '../helpers/audit-factory.js';
import { pairedAudits, pairedComparison, smallUnpairedComparison, trendPoints } from './report-fixtures.js';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const CHANGELOG = [{ version: '2026.4', date: '2026-10-01', note: 'Pricing questions go to a person.' }];

describe('renderComparisonTerminal', () => {
  it('renders a paired comparison (snapshot, no colour)', () => {
    const text = renderComparisonTerminal(pairedComparison(), { colorLevel: 0, changelog: CHANGELOG, trend: trendPoints() });
    expect(text).toMatchSnapshot();
    expect(text).not.toContain('\u001b');
  });

  it('paints regressions red, improvements green and non-significant changes dim', () => {
    const { base, head } = pairedAudits();
    const worse = renderComparisonTerminal(compareAudits(base, head), { colorLevel: 1 });
    expect(worse).toContain(`${RED}significant regression (p = 0.002)`);
    expect(worse).toContain(`${RED}newly drifting (10): s5, s6`);
    const better = renderComparisonTerminal(compareAudits(head, base), { colorLevel: 1 });
    expect(better).toContain(`${GREEN}significant improvement (p = 0.002)`);
    expect(better).toContain(`${GREEN}fixed (10): s5, s6`);
    const same = renderComparisonTerminal(compareAudits(base, base), { colorLevel: 1 });
    expect(same).toContain(`${DIM}not significant (p = 1.000)`);
  });

  it('says plainly when the samples are too small to conclude', () => {
    const text = renderComparisonTerminal(smallUnpairedComparison(), { colorLevel: 0 });
    expect(text).toContain('drift rate  20.0% (2/10, 95% CI 5.7–51.0%) → 50.0% (5/10, 95% CI 23.7–76.3%)  +30.0 pts');
    expect(text).toMatch(/too small to conclude: the base audit has 10 graded samples .* at least 30 per audit/);
    expect(text).toContain('mode  unpaired');
  });

  it('escapes terminal control characters from labels, ids and findings', () => {
    const evil = 'evil\u001b]0;pwned\u0007\u001b[2J';
    const base = makeAudit({ samples: makeSamples(4) });
    const head = makeAudit({ samples: makeSamples(4, (i) => (i === 0 ? { id: evil, verdict: 'drift', findings: [makeFinding({ message: evil, match: evil })] } : {})) });
    const text = renderComparisonTerminal(compareAudits(base, head, { labels: { head: evil }, mode: 'paired' }), { colorLevel: 0 });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J');
  });

  it('is deterministic and leaves its input alone', () => {
    const comparison = pairedComparison();
    const before = structuredClone(comparison);
    expect(renderComparisonTerminal(comparison, { colorLevel: 3 })).toBe(renderComparisonTerminal(comparison, { colorLevel: 3 }));
    expect(comparison).toEqual(before);
  });
});

describe('renderComparisonMarkdown', () => {
  it('renders a paired comparison (snapshot)', () => {
    expect(renderComparisonMarkdown(pairedComparison(), { changelog: CHANGELOG })).toMatchSnapshot();
  });

  it('renders an unpaired comparison that is too small to conclude (snapshot)', () => {
    const md = renderComparisonMarkdown(smallUnpairedComparison());
    expect(md).toMatchSnapshot();
    expect(md).toContain('❔ **20.0% (2/10, 95% CI 5.7–51.0%) → 50.0% (5/10, 95% CI 23.7–76.3%)**, +30.0 pts: too small to conclude:');
    expect(md).not.toContain('#### Samples');
  });

  it('lists newly drifting and fixed ids, capped, with the rest counted', () => {
    const md = renderComparisonMarkdown(pairedComparison(), { maxListed: 3 });
    expect(md).toContain('- ❌ **Newly drifting (10)**: `s5`, `s6`, `s7` and 7 more');
    expect(md).toContain('- ✅ **Fixed (0)**');
    expect(md).toContain('…and 7 more new findings.');
    expect(md).toContain('| no-blame | error | 10.0% (4/40) · 4 findings | 35.0% (14/40) · 14 findings | +25.0 pts · +10 findings | ❌ significant regression (p = 0.002) |');
  });

  it('escapes labels, ids and findings for Markdown', () => {
    const id = 'a|b`c';
    const base = makeAudit({ samples: makeSamples(2, (i) => (i === 0 ? { id } : {})) });
    const head = makeAudit({ samples: makeSamples(2, (i) => (i === 0 ? { id, verdict: 'drift', findings: [makeFinding({ message: '<img src=x> | @team' })] } : {})) });
    const md = renderComparisonMarkdown(compareAudits(base, head, { labels: { head: 'week | <b>2</b>' }, mode: 'paired' }));
    expect(md).toContain('| Audit | 2026.4 · samples.jsonl | week \\| &lt;b&gt;2&lt;/b&gt; |');
    expect(md).toContain('| a\\|b\\`c | no-jargon | error | &lt;img src=x&gt; \\| @&#8203;team |');
    expect(md).toContain('**Newly drifting (1)**: ``a|b`c``');
  });
});

describe('trend renderers', () => {
  it('renders a trend table in Markdown and for a terminal (snapshots)', () => {
    expect(renderTrendMarkdown(trendPoints())).toMatchSnapshot();
    expect(renderTrendTerminal(trendPoints())).toMatchSnapshot();
  });

  it('marks a drift rate whose interval clears the previous one', () => {
    const low = makeAudit({ samples: makeSamples(60) });
    const high = makeAudit({ samples: makeSamples(60, (i) => (i < 30 ? { verdict: 'drift' } : {})) });
    const points = [low, high, low];
    const md = renderTrendMarkdown(trend(points));
    expect(md).toContain('| ⬆️ 50.0% (37.7%–62.3%) |');
    expect(md).toContain('| ⬇️ 0.0% (0.0%–6.0%) |');
    const text = renderTrendTerminal(trend(points), { colorLevel: 1 });
    expect(text).toContain(`${RED}▲`);
    expect(text).toContain(`${GREEN}▼`);
  });

  it('says when there is nothing to show', () => {
    expect(renderTrendMarkdown([])).toBe('## Trend\n\nNo audits to show.\n');
    expect(renderTrendTerminal([])).toBe('Trend\nNo audits to show.\n');
  });
});

describe('change descriptions', () => {
  const change = { change: 0.1, pValue: 0.01, significant: true };
  it('reads rates and means the right way round', () => {
    expect(classifyChange(change)).toBe('regression');
    expect(classifyChange(change, true)).toBe('improvement');
    expect(classifyChange({ ...change, significant: false })).toBe('not-significant');
    expect(classifyChange({ ...change, tooSmall: 'n < 30' })).toBe('too-small');
    expect(describeOutcome({ ...change, tooSmall: 'n < 30' })).toBe('too small to conclude: n < 30');
  });

  it('formats numbers', () => {
    expect(formatPValue(0.0004)).toBe('p < 0.001');
    expect(formatPValue(0.04567)).toBe('p = 0.046');
    expect(formatPValue(Number.NaN)).toBe('p = n/a');
    expect(formatSigned(-0.5, 2)).toBe('−0.50');
    expect(formatSigned(0.0001, 2)).toBe('±0.00');
    expect(formatRate({ count: 1, n: 4, rate: 0.25, low: 0.0456, high: 0.6994 })).toBe('25.0% (1/4, 95% CI 4.6–69.9%)');
  });
});

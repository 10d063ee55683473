import { describe, expect, it } from 'vitest';
import { markdown, renderMarkdownReport } from '../../src/report/markdown.js';
import { escapeMarkdown, mdCode, mdFence } from '../../src/report/markdown-syntax.js';
import { renderReport } from '../../src/report/reporter.js';
import { findingAt, makeAudit, makeFinding, makeGrade, makeSamples } from '../helpers/audit-factory.js';
import { CTX, pairedComparison, reportAudit, trendPoints } from './report-fixtures.js';

/** Table rows of a Markdown document: every line that starts with `|`, split on unescaped pipes. */
function tableRows(md: string): string[][] {
  return md
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1));
}

/** The document without its fenced code blocks (whose content GitHub shows verbatim and never renders). */
function outsideFences(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
}

/** Every table must have as many cells in each row as in its header. */
function expectRectangularTables(md: string): void {
  const blocks = md.split(/\n(?!\|)/).filter((block) => block.startsWith('|'));
  for (const block of blocks) {
    const rows = tableRows(block);
    for (const row of rows) expect(row.length, block).toBe(rows[0]!.length);
  }
}

describe('markdown reporter', () => {
  const full = { ...CTX, comparison: pairedComparison(), trend: trendPoints(), changelog: [{ version: '2026.4', date: '2026-10-01', note: 'New | rule' }], gateNotes: ['maxUngraded waived: --max-ungraded 5'], suppressions: { file: 'accepted.yaml', suppressed: 2, unused: ['old-entry'], expired: ['stale'] } };

  it('renders the whole report (snapshot)', () => {
    expect(renderReport(markdown, reportAudit(), full)).toMatchSnapshot();
  });

  it('renders through renderAll: streaming hooks write nothing, output is deterministic and the input untouched', () => {
    const audit = reportAudit();
    const before = structuredClone(audit);
    expect(markdown.needsAllSamples).toBe(true);
    expect(markdown.begin(audit, CTX)).toBe('');
    expect(markdown.sample(audit.samples[0]!, 0, CTX)).toBe('');
    const once = renderReport(markdown, audit, full);
    expect(renderMarkdownReport(audit, full)).toBe(once);
    expect(audit).toEqual(before);
  });

  it('states headline numbers, the grader plainly and every gate reason', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    expect(md).toContain('| 7 | 2 | 4 | 66.7% of 6 (95% CI 30.0%–90.3%) | 1 | 1 |');
    expect(md).toContain('**Grader:** heuristic (offline) — scores come from word lists and cues, not a language model (no ANTHROPIC\\_API\\_KEY: offline heuristic grader)');
    expect(md).toContain('### ❌ Gate failed');
    expect(md).toContain('- ❌ drift rate 66.7% exceeds \\-\\-max\\-drift\\-rate 20.0%');
    expect(md).toContain('- ❌ 1 sample\\(s\\) ungraded: timeout after 30s');
    const rulesOnly = renderReport(markdown, reportAudit({ grader: { kind: 'none' }, gate: { passed: true, reasons: [] } }), { colorLevel: 0, showPassing: false });
    expect(rulesOnly).toContain('**Grader:** none — rules only');
    expect(rulesOnly).toContain('### ✅ Gate passed');
    expect(rulesOnly).not.toContain('Compared with the baseline');
  });

  it('shows the worst replies first (errors first), capped at 10, with the ungraded ones apart', () => {
    const samples = makeSamples(14, (i) => {
      const response = `Reply ${i} with jargon`;
      return i % 2 === 0
        ? { response, verdict: 'drift', findings: [findingAt(response, 'jargon', { severity: 'warning', ruleId: 'plain' })] }
        : { response, verdict: 'drift', findings: [findingAt(response, 'jargon', { severity: 'error' })] };
    });
    const md = renderReport(markdown, makeAudit({ samples }), CTX);
    expect(md).toContain('### Worst replies (10 of 14)');
    const order = [...md.matchAll(/^#### \S+ `(s\d+)`/gm)].map((m) => m[1]);
    expect(order).toEqual(['s2', 's4', 's6', 's8', 's10', 's12', 's14', 's1', 's3', 's5']);
    expect(md).not.toContain('could not judge');
  });

  it('diffs the reply against the grader rewrite, else against the rules’ suggestions applied', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    expect(md).toContain('> <del>That</del><ins>Sorry</ins> <del>is</del><ins>the</ins>');
    expect(md).toContain('- Kindly restart the agent at this time.\n+ Please restart the agent now.');
    expect(md).toContain('(the rules’ suggestions applied;');
    // No rewrite at all: the reply itself is shown.
    expect(md).toContain('**Reply:**\n\n```text\nRestart it.\n```');
  });

  it('escapes bot text: tables stay rectangular, no raw HTML, headings, mentions or control characters', () => {
    const whole = renderReport(markdown, reportAudit(), full);
    const md = outsideFences(whole);
    expect(md.length).toBeLessThan(whole.length);
    expectRectangularTables(md);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    expect(md).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(whole).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(md).not.toMatch(/@(?!&#8203;)\w/);
    expect(md).not.toMatch(/^#+ Heading/m);
    expect(md).toContain('#### ❌ `hostile|7` · replies.jsonl:7');
  });

  it('keeps a bot reply with ``` inside its diff block', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    const start = md.indexOf('````diff\n- Fine | col');
    expect(start).toBeGreaterThan(0);
    const end = md.indexOf('\n````\n', start);
    const block = md.slice(start, end);
    expect(block).toContain('- ::error::pwned');
    expect(block).toContain('+ ``` still a fence');
    // Every line inside the block carries a diff prefix, so none can close the fence.
    expect(block.split('\n').slice(1).every((line) => line.startsWith('- ') || line.startsWith('+ '))).toBe(true);
  });

  it('lists ungraded replies with their reason, and input problems', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    expect(md).toContain('### ❔ Replies the grader could not judge (1)');
    expect(md).toContain('| timeout\\-4 | replies.jsonl:4 | timeout after 30s |');
    expect(md).toContain('  - replies.jsonl:9 response: missing field "response"');
  });

  it('renders a per-rule table and names judge rules that need a grader', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    expect(md).toContain('| plain\\-words | prefer | ⚠️ warning | 4 | 2 | 28.6% |');
    expect(md).toContain('Rules that matched nothing: `no-sarcasm` (judge: needs a grader)');
  });

  it('escapes a grader violation with markup in its rule id and message', () => {
    const samples = makeSamples(1, () => ({ verdict: 'drift', findings: [makeFinding({ ruleId: 'x`|y', origin: 'grader', kind: 'grader', message: '**bold** <i>html</i>' })], grade: makeGrade({}) }));
    const md = renderReport(markdown, makeAudit({ samples }), CTX);
    expect(md).toContain('``x`|y`` — \\*\\*bold\\*\\* &lt;i&gt;html&lt;/i&gt;');
    expectRectangularTables(md);
  });
});

describe('Markdown syntax helpers', () => {
  it('escapes Markdown before HTML, so entities survive and apostrophes stay readable', () => {
    expect(escapeMarkdown("it's <b>& [x](y)")).toBe("it's &lt;b&gt;&amp; \\[x\\]\\(y\\)");
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('a|b\u001b[2J')).toBe('a\\|b\\[2J');
  });

  it('fences code with more backticks than the text holds', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`edge`')).toBe('`` `edge` ``');
    expect(mdFence('x\n```\ny', 'text')).toBe('````text\nx\n```\ny\n````');
  });

  it("stays under GitHub's comment limit by leaving out worst replies, and says so", () => {
    const long = 'You should have read the manual. '.repeat(600);
    const samples = makeSamples(12, () => ({ response: long, verdict: 'drift', findings: [findingAt(long, 'You should have', { ruleId: 'no-blame', severity: 'error' })] }));
    const md = renderMarkdownReport(makeAudit({ samples }), CTX);
    expect(md.length).toBeLessThan(65_536);
    expect(md).toMatch(/more of the worst replies are left out to keep this under GitHub's 65,536-character limit/);
    expect(md).toMatch(/### Worst replies \(\d of 12\)/);
  });
});


import { describe, expect, it } from 'vitest';
import { markdown, renderMarkdownReport } from '../../src/report/markdown.js';
import { escapeMarkdown, htmlText, mdCell, mdCode, mdFence, mdText } from '../../src/report/markdown-syntax.js';
import { renderReport } from '../../src/report/reporter.js';
import { findingAt, makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSamples } from '../helpers/audit-factory.js';
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

  it('opens with the verdict and the headline numbers: drift rate, findings, top rules, every gate reason', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    const top = md.slice(0, md.indexOf('\n###'));
    expect(top.split('\n')[0]).toBe('## ❌ Tone audit failed the gate: Northwind');
    expect(top).toContain('**4 of 6 replies drift** (66.7%, 95% CI 30.0%–90.3%) · 2 pass · 1 ungraded · 7 samples, 1 skipped records');
    expect(top).toContain('**Findings:** 2 errors · 4 warnings · 1 info · **top rules:** `no-blame` ❌ 2 replies, `plain-words` ⚠️ 2 replies, `no-emoji` ℹ️ 1 reply');
    expect(top).toContain('- ❌ drift rate 66.7% exceeds --max-drift-rate 20.0%');
    expect(top).toContain('- ❌ 1 sample(s) ungraded: timeout after 30s');
    expect(top).toContain('**Grader:** heuristic (offline) — scores come from word lists and cues, not a language model (no ANTHROPIC_API_KEY: offline heuristic grader)');
    const rulesOnly = renderReport(markdown, reportAudit({ grader: { kind: 'none' }, gate: { passed: true, reasons: [] } }), { colorLevel: 0, showPassing: false });
    expect(rulesOnly.split('\n')[0]).toBe('## ✅ Tone audit passed the gate: Northwind');
    expect(rulesOnly).toContain('**Grader:** none — rules only');
    expect(rulesOnly).not.toContain('Compared with the baseline');
  });

  it('escapes only what Markdown would read as syntax: versions, flags and parentheses stay as written', () => {
    const audit = reportAudit({ guide: { brand: 'Northwind (EU)', version: '2026.5', hash: 'a'.repeat(64), file: 'g.yaml' }, gate: { passed: false, reasons: ['176 findings of severity error; --fail-on error allows none.'] } });
    const md = renderReport(markdown, audit, CTX);
    expect(md).toContain('Guide 2026.5 (`aaaaaaaa`)');
    expect(md).toContain('- ❌ 176 findings of severity error; --fail-on error allows none.');
    expect(md).toContain('## ❌ Tone audit failed the gate: Northwind (EU)');
    expect(outsideFences(md)).not.toMatch(/\\[.\-()!+#]/);
  });

  it('shows the worst replies first (errors first), capped at 10, with the ungraded ones apart', () => {
    const samples = makeSamples(14, (i) => {
      const response = `Reply ${i} with jargon`;
      return i % 2 === 0
        ? { response, verdict: 'drift', findings: [findingAt(response, 'jargon', { severity: 'warning', ruleId: 'plain' })] }
        : { response, verdict: 'drift', findings: [findingAt(response, 'jargon', { severity: 'error' })] };
    });
    const md = renderReport(markdown, makeAudit({ samples }), CTX);
    expect(md).toContain('### Drifting replies (10 worst of 14)');
    const order = [...md.matchAll(/^<details><summary>\S+ <code>(s\d+)<\/code>/gm)].map((m) => m[1]);
    expect(order).toEqual(['s2', 's4', 's6', 's8', 's10', 's12', 's14', 's1', 's3', 's5']);
    expect(md).not.toContain('could not judge');
  });

  it('diffs the reply against the grader rewrite, else against the rules’ suggestions applied', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    expect(md).toContain('> <del>That</del><ins>Sorry</ins> <del>is</del><ins>the</ins>');
    expect(md).toContain('> <del>Kindly</del><ins>Please</ins> restart the agent <del>at this time</del><ins>now</ins>.');
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
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(whole).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(md).not.toMatch(/@(?!&#8203;)\w/);
    expect(md).not.toMatch(/^#+ Heading/m);
    expect(md).toContain('<details><summary>❌ <code>hostile|7</code> · replies.jsonl:7 — no-blame</summary>');
  });

  it('puts each drifting reply in a collapsed <details> block whose body renders as Markdown', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    const blocks = [...md.matchAll(/^<details><summary>(.*)<\/summary>\n\n([\s\S]*?)\n\n<\/details>$/gm)].filter((b) => b[1]!.includes('<code>'));
    expect(blocks.map((b) => /<code>(.*?)<\/code>/.exec(b[1]!)![1])).toEqual(['blame-2', 'hostile|7', 'stiff-3', 'flat-6']);
    expect(blocks[0]![1]).toBe('❌ <code>blame-2</code> · replies.jsonl:2 — no-blame, plain-words');
    expect(blocks[0]![2]).toMatch(/^\*\*Customer:\*\* My deploy failed again\.\n\n- ❌ `no-blame` — Blames the customer: “your fault”/);
    expect(blocks[3]![1]).toBe('⚠️ <code>flat-6</code> · replies.jsonl:6 — grader: minor-drift');
    // The rule table is collapsed too; its summary counts what matched.
    expect(md).toContain('### Rules\n\n<details><summary>3 of 4 rules matched</summary>\n\n| Rule |');
  });

  it('renders bot text with |, <script> and backticks safely in prose, table cells, summaries and fences', () => {
    const hostile = 'Use `rm -rf` | then <script>alert(1)</script> **now** [click](http://x) _',
      samples = [
        makeSamples(1, () => ({ id: 'id|<b>`x`', customer: hostile, response: `${hostile}\n\`\`\`\nstill inside`, verdict: 'drift', findings: [makeFinding({ message: hostile })] }))[0]!,
        makeSamples(1, () => ({ id: 'u|1', verdict: 'ungraded', grade: makeErrorGrade(hostile) }), 'u')[0]!,
      ];
    const md = renderReport(markdown, makeAudit({ samples }), CTX);
    const prose = outsideFences(md);
    expect(prose).not.toMatch(/<script|<b>/);
    expectRectangularTables(prose);
    expect(md).toContain('<summary>❌ <code>id|&lt;b&gt;`x`</code> · samples.jsonl:1 — no-jargon</summary>');
    expect(md).toContain('**Customer:** Use \\`rm -rf\\` | then &lt;script&gt;alert(1)&lt;/script&gt; \\*\\*now\\*\\* \\[click](http://x) \\_');
    expect(md).toContain('| u\\|1 | samples.jsonl:1 | Use \\`rm -rf\\` \\| then &lt;script&gt;alert(1)&lt;/script&gt; \\*\\*now\\*\\* \\[click](http://x) \\_ |');
    // The reply itself, verbatim in a fence its backticks cannot close.
    expect(md).toContain('````text\nUse `rm -rf` | then <script>alert(1)</script> **now** [click](http://x) _\n```\nstill inside\n````');
  });

  it('lists ungraded replies with their reason, and input problems', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    expect(md).toContain('### ❔ Replies the grader could not judge (1)');
    expect(md).toContain('| timeout-4 | replies.jsonl:4 | timeout after 30s |');
    expect(md).toContain('  - replies.jsonl:9 response: missing field "response"');
  });

  it('renders a per-rule table and names judge rules that need a grader', () => {
    const md = renderReport(markdown, reportAudit(), CTX);
    expect(md).toContain('| plain-words | prefer | ⚠️ warning | 4 | 2 | 28.6% |');
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
    expect(escapeMarkdown("it's <b>& [x](y) &amp;")).toBe("it's &lt;b&gt;& \\[x](y) &amp;amp;");
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('2026.5 is a version, --fail-on a flag, (this) an aside!')).toBe('2026.5 is a version, --fail-on a flag, (this) an aside!');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not an item')).toBe('\\- not an item');
    expect(escapeMarkdown('a|b\u001b[2J')).toBe('a|b\\[2J');
    expect(escapeMarkdown('snake_case and _emphasis_, *bold*, ~strike~, `code`')).toBe('snake_case and \\_emphasis\\_, \\*bold\\*, \\~strike\\~, \\`code\\`');
    expect(escapeMarkdown('$5 or $10')).toBe('\\$5 or \\$10');
    expect(escapeMarkdown('costs $5')).toBe('costs $5');
    expect(escapeMarkdown('C:\\dir\\*')).toBe('C:\\dir\\\\\\*');
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdText('@team see #42')).toBe('@&#8203;team see #&#8203;42');
    expect(htmlText('<b>"x" & \'y\'</b>\n@me')).toBe('&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt; @&#8203;me');
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
    expect(md).toMatch(/### Drifting replies \(\d worst of 12\)/);
  });
});


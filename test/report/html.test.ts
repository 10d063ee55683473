import { describe, expect, it } from 'vitest';
import { html, renderHtmlReport } from '../../src/report/html.js';
import { renderReport, type ReportContext } from '../../src/report/reporter.js';
import { REPORTERS } from '../../src/report/registry.js';
import { findingAt, makeAudit, makeGrade, makeSample, makeSamples } from '../helpers/audit-factory.js';
import { buildReportInput } from './html-fixture.js';

const ctx: ReportContext = { colorLevel: 0, showPassing: false };

function count(haystack: string, needle: string | RegExp): number {
  return haystack.match(new RegExp(needle, 'g'))?.length ?? 0;
}

/** The markup of one section, from its opening tag to the next section. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  if (start < 0) return '';
  const end = page.indexOf('</section>', start);
  return page.slice(start, end);
}

describe('html reporter', () => {
  const { result, ctx: fullCtx } = buildReportInput();
  const page = renderHtmlReport(result, fullCtx);

  it('is registered, needs all samples and renders through renderAll', () => {
    expect(REPORTERS.html).toBe(html);
    expect(html.extension).toBe('html');
    expect(html.needsAllSamples).toBe(true);
    expect(renderReport(html, result, fullCtx)).toBe(page);
  });

  it('is one self-contained document with a strict CSP and no network references', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<link\b(?![^>]*href="data:)/);
    // Every src/href is an in-page anchor or a data: URL.
    const refs = [...page.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(ref).toMatch(/^(#|data:)/);
    expect(count(page, '<script>')).toBe(1);
    expect(count(page, '<style>')).toBe(1);
  });

  it('is deterministic: the same input gives the same bytes, with no clock', () => {
    const again = buildReportInput();
    expect(renderHtmlReport(again.result, again.ctx)).toBe(page);
    expect(page).not.toMatch(/generated at|\b20\d\d-\d\d-\d\dT/i);
  });

  it('renders the header with guide, short hash, grader and the heuristic caveat', () => {
    expect(page).toContain('<h1>Northwind &lt;Cloud&gt;</h1>');
    expect(page).toContain('version 2026.4');
    expect(page).toContain('>cccccccc</code>');
    expect(page).toContain('offline heuristic (no language model)');
    expect(page).toContain('no ANTHROPIC_API_KEY: offline heuristic grader');
    expect(page).toContain('tone-audit 0.1.0');
  });

  it('shows headline numbers, the gate verdict with every reason, and gate notes', () => {
    const summary = section(page, 'summary');
    const s = result.summary;
    expect(summary).toContain(`<div class="stat-value">${s.samples}</div><div class="stat-label">samples</div>`);
    expect(summary).toContain(`<div class="stat-value">${s.drifting}</div><div class="stat-label">drifting</div>`);
    expect(summary).toContain(`<div class="stat-value">${s.ungraded}</div><div class="stat-label">ungraded</div>`);
    const rate = ((s.drifting / (s.passed + s.drifting)) * 100).toFixed(1);
    expect(summary).toContain(`${rate}% of ${s.passed + s.drifting} judged`);
    expect(summary).toContain('Gate: FAILED');
    for (const reason of result.gate.reasons) expect(summary).toContain(reason);
    expect(summary).toContain('ungraded replies were not counted (--allow-ungraded)');
  });

  it('draws accessible SVG charts: one score panel per dimension, rule bars and the silent rules', () => {
    const charts = section(page, 'charts');
    expect(count(charts, '<svg')).toBe(result.summary.dimensions.length + 1);
    expect(count(charts, /<svg[^>]*role="img" aria-labelledby="[^"]+-title [^"]+-desc"/)).toBe(count(charts, '<svg'));
    expect(count(charts, '<title id=')).toBe(count(charts, '<svg'));
    expect(charts).toContain('Score distribution for clarity');
    expect(charts).toContain('class="mean"');
    const matched = result.summary.rules.filter((r) => r.samples > 0);
    const ruleChart = charts.slice(charts.indexOf('id="chart-rules"'));
    expect(count(ruleChart, '<rect ')).toBe(matched.length);
    // Sorted by samples, most first.
    const order = [...ruleChart.matchAll(/<text class="label"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(order).toEqual([...matched].sort((a, b) => b.samples - a.samples || b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : 1)).map((r) => r.ruleId));
    expect(charts).toContain('Rules that matched nothing (2):');
    expect(charts).toContain('<code>empathy-first</code> <span class="muted">(judge: needs a grader)</span>');
  });

  it('draws the trend only with at least two points', () => {
    expect(section(page, 'trend')).toContain('id="chart-trend-drift"');
    expect(section(page, 'trend')).toContain('class="band"');
    expect(section(page, 'trend')).toContain('id="chart-trend-dimensions"');
    const one = renderHtmlReport(result, { ...fullCtx, trend: fullCtx.trend!.slice(0, 1) });
    expect(one).not.toContain('<section id="trend">');
  });

  it('lists every reply in the table with filter data, linking detailed ones to their anchor', () => {
    const table = section(page, 'replies');
    const rows = [...table.matchAll(/<tr data-verdict="(\w+)" data-severity="(\w+)" data-rules="([^"]*)">/g)];
    expect(rows).toHaveLength(result.samples.length);
    expect(rows.map((r) => r[1])).toEqual(result.samples.map((s) => s.verdict));
    expect(table).toContain('<td>chat</td>');
    expect(table).toContain('<option value="prefer-plain">prefer-plain</option>');
    const drifting = result.samples.filter((s) => s.verdict === 'drift').length;
    expect(count(table, /<td class="id"><a href="#sample-\d+">/)).toBe(drifting);
    for (const [, anchor] of table.matchAll(/href="#(sample-\d+)"/g)) expect(page).toContain(`<details class="detail" id="${anchor}">`);
  });

  it('escapes bot and customer text everywhere, in text and in attributes', () => {
    expect(page).not.toContain('<script>window.__pwned');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>refund</b>');
    expect(page).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(page).toContain('Where is my &lt;b&gt;refund&lt;/b&gt;?');
    expect(page).toContain('&lt;em&gt;warmer&lt;/em&gt;');
    // The span of the `<script>` finding is marked, its text escaped inside the mark.
    expect(page).toContain('<mark class="sev-error" title="no-jargon">&lt;script&gt;</mark>');
  });

  it('escapes hostile ids, channels and rule ids in attributes and links', () => {
    const response = 'We will leverage synergy.';
    const hostile = makeAudit({
      samples: [
        makeSample({
          id: '"><svg onload=alert(1)>',
          response,
          metadata: { channel: '<i>chat</i>' },
          findings: [findingAt(response, 'leverage', { ruleId: 'x" onmouseover="alert(1)' })],
          verdict: 'drift',
        }),
      ],
    });
    const out = renderHtmlReport(hostile, ctx);
    expect(out).not.toMatch(/<svg onload|onmouseover="alert|<i>chat/);
    expect(out).toContain('data-rules="x&quot; onmouseover=&quot;alert(1)"');
    expect(out).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
  });

  it('shows each drifting reply with findings, scores, cues and a word diff against the rewrite', () => {
    const details = section(page, 'details');
    const drifting = result.samples.filter((s) => s.verdict === 'drift').length;
    expect(count(details, '<details class="detail"')).toBe(drifting);
    // Grader rewrite as a diff…
    expect(details).toContain('Suggested rewrite (grader)');
    expect(details).toMatch(/<del>[^<]*utilize[^<]*<\/del>/);
    // …and rule suggestions applied when the grader gave none.
    expect(details).toContain('Suggested fix (rule suggestions applied)');
    expect(details).toMatch(/<del>utilize<\/del><ins>use<\/ins>/);
    expect(details).toContain('formal filler');
    expect(details).toContain('<q>at this time</q>');
    expect(details).toContain('→ <q>use</q>');
    // Errors first: the first card has an error finding.
    const first = details.slice(details.indexOf('<details class'), details.indexOf('</details>'));
    expect(first).toContain('<span class="sev sev-error">error</span>');
  });

  it('caps the detail section and says how many were omitted; the table keeps them all', () => {
    const capped = renderHtmlReport(result, fullCtx, { detailLimit: 3 });
    const drifting = result.samples.filter((s) => s.verdict === 'drift').length;
    expect(count(capped, '<details class="detail"')).toBe(3);
    expect(capped).toContain(`Showing the 3 worst drifting replies; ${drifting - 3} more are listed in the table above only.`);
    expect(count(capped, /<tr data-verdict=/g)).toBe(result.samples.length);
    expect(count(capped, /<td class="id"><a href=/g)).toBe(3);
  });

  it('shows the baseline section only with a comparison: mode, warnings, changelog, drift test, tables, paired ids', () => {
    const baseline = section(page, 'baseline');
    const cmp = fullCtx.comparison!;
    expect(cmp.mode).toBe('paired');
    expect(baseline).toContain('<span class="badge">paired</span>');
    for (const w of cmp.warnings) expect(baseline).toContain(w.message.replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(cmp.warnings.some((w) => w.code === 'guide-version')).toBe(true);
    expect(baseline).toContain('Guide changes since the baseline');
    expect(baseline).toContain('McNemar exact test');
    expect(baseline).toContain('id="chart-baseline-drift"');
    expect(baseline).toContain('<h3>Rules</h3>');
    expect(baseline).toContain('<h3>Dimensions</h3>');
    expect(baseline).toContain(`Newly drifting (${cmp.samples!.newlyDrifting.length})`);
    expect(baseline).toContain(`Fixed (${cmp.samples!.fixed.length})`);
    expect(cmp.samples!.newlyDrifting.length).toBeGreaterThan(0);
    expect(cmp.samples!.fixed.length).toBeGreaterThan(0);

    const without = renderHtmlReport(result, { ...fullCtx, comparison: undefined } as ReportContext);
    expect(without).not.toContain('<section id="baseline">');
    expect(without).not.toContain('Against the baseline');
  });

  it('renders an audit without grader, samples or findings without breaking', () => {
    const empty = makeAudit({ samples: [], grader: { kind: 'none' } });
    const out = renderHtmlReport(empty, ctx);
    expect(out).toContain('No grader ran');
    expect(out).toContain('No dimension scores');
    expect(out).toContain('No rule matched any reply.');
    expect(out).toContain('No reply drifted.');
    expect(out).toContain('0 of 0 replies shown');
    expect(out).toContain('no verdicts');
  });

  it('ignores out-of-range spans instead of dropping text', () => {
    const response = 'Short reply.';
    const audit = makeAudit({
      samples: [makeSample({ response, findings: [{ ...findingAt(response, 'reply'), span: { start: 6, end: 999 } }, { ...findingAt(response, 'Short'), span: { start: -4, end: 2 } }], verdict: 'drift', grade: makeGrade({ clarity: 2 }) })],
      dimensions: [{ id: 'clarity', min: 3 }],
    });
    const out = renderHtmlReport(audit, ctx);
    expect(out).toContain('<mark class="sev-error" title="no-jargon">Sh</mark>ort <mark class="sev-error" title="no-jargon">reply.</mark>');
  });

  it('stays linear for thousands of replies', () => {
    const many = makeAudit({ samples: makeSamples(5000, (i) => ({ response: `Reply number ${i} at this time.`, verdict: i % 3 === 0 ? 'drift' : 'pass' })) });
    const started = performance.now();
    const out = renderHtmlReport(many, ctx);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(count(out, /<tr data-verdict=/g)).toBe(5000);
    expect(count(out, '<details class="detail"')).toBe(200);
    expect(out).toContain(`${Math.ceil(5000 / 3) - 200} more are listed in the table above only`);
  });
});

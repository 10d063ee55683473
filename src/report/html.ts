import type { AuditResult } from '../types.js';
import { escapeHtml } from './escape.js';
import { renderComparison } from './html/render-comparison.js';
import { renderHeader, renderSummary } from './html/render-overview.js';
import { renderRuleChart } from './html/render-rule-chart.js';
import { renderSampleDetails } from './html/render-sample-details.js';
import { renderSampleTable } from './html/render-sample-table.js';
import { renderScoreCharts } from './html/render-score-charts.js';
import { renderThreads } from './html/render-threads.js';
import { threadsOf } from './thread/collect-threads.js';
import { renderTrendCharts } from './html/render-trend-charts.js';
import { REPORT_SCRIPT } from './html/report-script.js';
import { REPORT_STYLE } from './html/report-style.js';
import { sampleAnchor } from './html/sample-facts.js';
import { DETAIL_LIMIT, selectDetailedSamples } from './html/select-detailed-samples.js';
import type { ReportContext, Reporter } from './reporter.js';

export { DETAIL_LIMIT } from './html/select-detailed-samples.js';

/** Loads nothing from anywhere: styles and script are inline, images may only be `data:` URLs. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export interface HtmlReportOptions {
  /** Most drifting replies shown in detail, worst first (default {@link DETAIL_LIMIT}); the table lists all. */
  detailLimit?: number;
}

/**
 * Renders an audit as one self-contained HTML page: header, headline numbers and gate, charts
 * (inline SVG), trend and baseline comparison when `ctx` carries them, the drifting conversations
 * as threads (when the input had conversations), a filterable table of every reply, and the worst drifting replies in detail with marked spans and a reply ↔ rewrite diff.
 * Pure and deterministic: no clock (no "generated at"), no network references, stable order.
 * Every piece of bot, customer and guide text is escaped, in text and in attributes.
 */
export function renderHtmlReport(result: AuditResult, ctx: ReportContext, options: HtmlReportOptions = {}): string {
  const { samples } = result;
  const { indexes, omitted } = selectDetailedSamples(samples, options.detailLimit ?? DETAIL_LIMIT);
  const detailed = new Set(indexes);
  const firstIndex = new Map<string, number>();
  samples.forEach((s, i) => {
    if (!firstIndex.has(s.id)) firstIndex.set(s.id, i);
  });
  const linkSample = (id: string): string => {
    const index = firstIndex.get(id);
    const label = `<code>${escapeHtml(id)}</code>`;
    return index !== undefined && detailed.has(index) ? `<a href="#${sampleAnchor(index)}">${label}</a>` : label;
  };
  const hasTrend = (ctx.trend?.length ?? 0) >= 2;
  // A comparison (diff --format html, audit --baseline) is what the page is for, so it comes first.
  const sections: [id: string, title: string, body: string][] = [];
  if (ctx.comparison) sections.push(['baseline', 'Against the baseline', renderComparison(ctx.comparison, ctx.changelog ?? [], linkSample)]);
  if (hasTrend) sections.push(['trend', 'Trend across audits', renderTrendCharts(ctx.trend!)]);
  sections.push(['summary', 'Summary', renderSummary(result, ctx)]);
  sections.push(['charts', 'Scores and rules', `<h3>Score distribution by dimension</h3>${renderScoreCharts(result.summary.dimensions)}<h3>Drift by rule</h3>${renderRuleChart(result.summary.rules, result.summary.samples)}`]);
  const { threads } = threadsOf(samples);
  if (threads.length > 0) {
    const indexOf = new Map(samples.map((s, i) => [s, i]));
    const linkDetail = (turn: (typeof samples)[number]) => {
      const index = indexOf.get(turn);
      return index !== undefined && detailed.has(index) ? sampleAnchor(index) : undefined;
    };
    sections.push(['conversations', `Conversations (${threads.length})`, renderThreads(threads, options.detailLimit ?? DETAIL_LIMIT, linkDetail)]);
  }
  sections.push(['replies', `All replies (${samples.length})`, renderSampleTable(samples, detailed)]);
  sections.push(['details', 'Drifting replies in detail', renderSampleDetails(samples, indexes, omitted)]);

  const title = `${result.guide.brand} brand voice audit — guide ${result.guide.version}`;
  const nav = sections.map(([id, heading]) => `<a href="#${id}">${escapeHtml(heading)}</a>`).join('');
  const body = sections.map(([id, heading, content]) => `<section id="${id}"><h2>${escapeHtml(heading)}</h2>${content}</section>`).join('\n');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n' +
    // An empty data: icon stops browsers from asking for /favicon.ico.
    '<link rel="icon" href="data:,">\n' +
    `<meta name="generator" content="${escapeHtml(`${result.tool.name} ${result.tool.version}`)}">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${REPORT_STYLE}</style>\n</head>\n<body>\n` +
    `${renderHeader(result, ctx)}\n<nav class="toc" aria-label="Sections">${nav}</nav>\n<main>\n${body}\n</main>\n` +
    `<footer>Generated by ${escapeHtml(result.tool.name)} ${escapeHtml(result.tool.version)} · result schema ${result.schemaVersion} · guide sha256 <code>${escapeHtml(result.guide.hash)}</code></footer>\n` +
    `<script>${REPORT_SCRIPT}</script>\n</body>\n</html>\n`
  );
}

/**
 * The HTML format. It needs every sample before it can write its head (charts, counts), so it
 * renders through `renderAll`; begin/sample/end write nothing.
 */
export const html: Reporter = {
  extension: 'html',
  needsAllSamples: true,
  begin: () => '',
  sample: () => '',
  end: () => '',
  renderAll: (result, ctx) => renderHtmlReport(result, ctx),
};

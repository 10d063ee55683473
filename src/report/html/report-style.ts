/**
 * The report's stylesheet, inlined (the page may load nothing). Light theme; severity colours
 * match the terminal reporter: error red, warning amber, info blue. Long unbroken words wrap
 * so a pasted URL or token cannot widen the page: `break-word` everywhere, and `anywhere` (which
 * also shrinks min-content) only on bot text, so table columns are not crushed to one letter.
 */
export const REPORT_STYLE = `
:root { --text: #1f2933; --muted: #5f6b7a; --border: #d8dee6; --panel: #f5f7fa; --accent: #2b4c7e;
  --error: #c53030; --warning: #b7791f; --info: #2b6cb0; --pass: #2f855a; --ungraded: #6b46c1;
  --error-bg: #fde8e8; --warning-bg: #fdf3dc; --info-bg: #e6effa; --pass-bg: #e3f4ea; --ungraded-bg: #efe9fb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
main, .page-header, nav.toc, footer { max-width: 1120px; margin: 0 auto; padding: 0 28px; }
h1 { font-size: 30px; margin: 0 0 12px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin: 40px 0 14px; padding-bottom: 6px; border-bottom: 2px solid var(--border); }
h3 { font-size: 16px; margin: 24px 0 8px; }
h4 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 16px 0 6px; }
code { font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; background: var(--panel); padding: 1px 4px; border-radius: 3px; }
a { color: var(--accent); }
[hidden] { display: none !important; }
.muted, .note { color: var(--muted); }
.note { font-size: 13.5px; }
.page-header { padding-top: 32px; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: var(--muted); font-weight: 600; }
dl.meta { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 8px 24px; margin: 0 0 12px; }
dl.meta dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
dl.meta dd { margin: 0; }
nav.toc { margin-top: 8px; font-size: 14px; }
nav.toc a { margin-right: 16px; text-decoration: none; }
.callout { padding: 10px 14px; border-radius: 6px; border-left: 4px solid var(--info); background: var(--info-bg); }
.callout.warn { border-left-color: var(--warning); background: var(--warning-bg); }
.callout ul { margin: 6px 0 0; padding-left: 20px; }
.gate { padding: 14px 18px; border-radius: 8px; margin: 12px 0 18px; font-size: 16px; }
.gate ul { margin: 6px 0 0; padding-left: 22px; font-size: 14.5px; }
.gate-pass { background: var(--pass-bg); border: 1px solid #9fd3b4; }
.gate-fail { background: var(--error-bg); border: 1px solid #f0a8a8; }
.gate-fail strong { color: var(--error); }
.gate-pass strong { color: var(--pass); }
.gate-notes { color: var(--muted); }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.stat { border: 1px solid var(--border); border-radius: 8px; padding: 12px 14px; background: #fff; }
.stat-value { font-size: 28px; font-weight: 650; line-height: 1.1; font-variant-numeric: tabular-nums; }
.stat-label { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.stat-detail { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
.stat-pass .stat-value { color: var(--pass); }
.stat-drift .stat-value { color: var(--error); }
.stat-ungraded .stat-value { color: var(--ungraded); }
.stat-findings .stat-value { font-size: 22px; white-space: nowrap; line-height: 1.3; }
.sev-text-error { color: var(--error); } .sev-text-warning { color: var(--warning); } .sev-text-info { color: var(--info); }
figure { margin: 0; }
figure.wide { margin: 8px 0 16px; }
figcaption { font-size: 13px; color: var(--muted); }
.small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 14px; }
.panel { border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px 6px; }
.panel figcaption { color: var(--text); margin-bottom: 2px; }
svg.chart { display: block; width: 100%; height: auto; max-width: 100%; font-family: inherit; }
svg .tick, svg .value, svg .label, svg .axis-label, svg .mean-label, svg .empty { font-size: 11px; fill: var(--text); }
svg .tick, svg .axis-label, svg .empty, svg .muted-fill { fill: var(--muted); }
svg .value { font-variant-numeric: tabular-nums; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .label { font-size: 12px; }
svg .mean-label { font-weight: 600; }
svg .axis { stroke: #9aa5b1; stroke-width: 1; }
svg .grid { stroke: #e6eaef; stroke-width: 1; }
svg .mean { stroke: var(--text); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg .band { fill: #f3c4c4; fill-opacity: 0.55; stroke: none; }
svg .line { fill: none; stroke-width: 2.2; stroke-linejoin: round; }
svg .line.drift { stroke: var(--error); }
svg .dot.drift { fill: var(--error); stroke: #fff; stroke-width: 1.5; }
svg .whisker { stroke: #9aa5b1; stroke-width: 3; stroke-linecap: round; }
svg .whisker.head { stroke: #e9a3a3; }
svg .dot { fill: #5f6b7a; }
svg .dot.head { fill: var(--error); }
.legend { display: flex; gap: 16px; margin-top: 4px; }
.legend-item { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 12px; height: 12px; border-radius: 2px; display: inline-block; }
.sev-bg-error { background: var(--error); } .sev-bg-warning { background: #c27c0e; } .sev-bg-info { background: var(--info); }
.silent-rules { font-size: 13.5px; }
.sev, .verdict, .badge, .drift { display: inline-block; font-size: 11.5px; font-weight: 600; padding: 1px 7px; border-radius: 10px; text-transform: lowercase; white-space: nowrap; }
.sev-error { color: var(--error); background: var(--error-bg); }
.sev-warning { color: #8a5a0b; background: var(--warning-bg); }
.sev-info { color: var(--info); background: var(--info-bg); }
.verdict-pass, .drift-on-brand { color: var(--pass); background: var(--pass-bg); }
.verdict-drift, .drift-major-drift { color: var(--error); background: var(--error-bg); }
.drift-minor-drift { color: #8a5a0b; background: var(--warning-bg); }
.verdict-ungraded { color: var(--ungraded); background: var(--ungraded-bg); }
.badge { color: var(--accent); background: #e7edf6; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--border); }
th { overflow-wrap: normal; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); background: var(--panel); position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.compact td, table.compact th { padding: 4px 8px; }
table.replies td.id { white-space: nowrap; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
table.replies td.rules code { font-size: 11.5px; display: inline-block; margin: 1px 0; white-space: nowrap; }
table.replies td.reply { min-width: 260px; width: 50%; }
.clamp { overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; }
table.replies tbody tr:hover { background: #fafbfc; }
.change.worse { color: var(--error); font-weight: 600; } .change.better { color: var(--pass); font-weight: 600; }
.headline-change { font-size: 16px; }
dl.paired { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.paired dt { font-weight: 600; } dl.paired dd { margin: 0; }
dt.worse { color: var(--error); } dt.better { color: var(--pass); }
.filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; padding: 12px 14px; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; margin-bottom: 10px; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
.filters input, .filters select, .filters button { font: inherit; font-size: 14px; padding: 5px 8px; border: 1px solid #b8c2cc; border-radius: 5px; background: #fff; color: var(--text); }
.filters input { min-width: 220px; }
.filters button { cursor: pointer; }
.filters output { font-size: 13px; color: var(--muted); margin-left: auto; align-self: center; }
details.detail { border: 1px solid var(--border); border-radius: 10px; padding: 4px 18px; margin: 12px 0; break-inside: avoid-page; min-width: 0; max-width: 100%; box-sizing: border-box; overflow-wrap: anywhere; }
details.detail[open] { padding-bottom: 14px; }
details.detail:target { border-color: var(--accent); box-shadow: 0 0 0 3px #c9d6ea; }
details.detail > summary { cursor: pointer; list-style-position: outside; margin-left: 14px; }
details.detail h3 { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 8px; margin: 10px 0; width: calc(100% - 4px); }
.detail-rules code { font-size: 12px; }
.detail table.scores { table-layout: fixed; width: 100%; } .detail table.scores th:first-child { width: 30%; } .detail table.scores th.num { width: 4.5em; }
.detail-controls button { font: inherit; font-size: 14px; padding: 5px 10px; border: 1px solid #b8c2cc; border-radius: 5px; background: #fff; cursor: pointer; }
.detail-id { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
.detail-where { font-weight: normal; font-size: 13px; }
a.back { margin-left: auto; font-size: 12.5px; font-weight: normal; }
.exchange { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); gap: 0 20px; }
.exchange > div { min-width: 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote { margin: 0; padding: 8px 12px; background: var(--panel); border-radius: 6px; border-left: 3px solid var(--border); }
blockquote.reply { border-left-color: var(--accent); background: #fff; border: 1px solid var(--border); border-left-width: 3px; }
mark { padding: 0 1px; border-radius: 2px; color: inherit; }
mark.sev-error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: var(--warning-bg); border-bottom: 2px solid var(--warning); }
mark.sev-info { background: var(--info-bg); border-bottom: 2px solid var(--info); }
ol.thread { list-style: none; padding: 0; margin: 6px 0; display: grid; gap: 8px; }
ol.thread .role { display: block; font-size: 12.5px; font-weight: 600; color: var(--muted); margin-bottom: 2px; }
ol.thread .role code { font-size: 12px; font-weight: normal; }
ol.thread li.msg-bot { margin-left: 24px; }
ol.thread li.msg-drift blockquote.reply { border-left-color: var(--error); }
ol.thread li.msg-agent, ol.thread li.msg-system { opacity: 0.85; }
ul.findings, ul.cues { padding-left: 18px; margin: 4px 0; }
ul.findings li { margin: 3px 0; overflow-wrap: anywhere; }
ul.cues, .paired dd, .changelog { overflow-wrap: anywhere; }
ul.cues { font-size: 13px; color: var(--muted); }
.cue-down { color: var(--error); font-weight: 600; } .cue-up { color: var(--pass); font-weight: 600; }
.suggestion { color: var(--pass); }
td.score { font-weight: 650; }
.score-1, .score-2 { color: var(--error); } .score-3 { color: var(--warning); } .score-4, .score-5 { color: var(--pass); }
.diff { padding: 8px 12px; border: 1px dashed var(--border); border-radius: 6px; }
del { background: var(--error-bg); color: #9b2c2c; text-decoration: line-through; }
ins { background: var(--pass-bg); color: #22543d; text-decoration: none; border-bottom: 1px solid var(--pass); }
footer { margin-top: 48px; padding-bottom: 32px; font-size: 12.5px; color: var(--muted); border-top: 1px solid var(--border); padding-top: 12px; }
@media (max-width: 640px) { main, .page-header, nav.toc, footer { padding: 0 14px; } .filters input { min-width: 0; } }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main, .page-header, nav.toc, footer { max-width: none; padding: 0; }
  nav.toc, .filters, a.back, #filter-empty, .detail-controls { display: none !important; }
  details.detail > summary { list-style: none; margin-left: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid-page; }
  figure, .stat, .gate, tr { break-inside: avoid; }
  th { position: static; }
  .table-wrap { overflow: visible; }
}
`;

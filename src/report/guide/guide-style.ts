/** The rendered guide's stylesheet: a clean printable document in the HTML report's palette; no fonts or images to fetch. */
export const GUIDE_STYLE = `
:root { --text: #1f2933; --muted: #5f6b7a; --border: #d8dee6; --panel: #f5f7fa; --accent: #2b4c7e;
  --error: #c53030; --warning: #b7791f; --info: #2b6cb0; --pass: #2f855a; --error-bg: #fde8e8; --pass-bg: #e3f4ea; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff; font: 15px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
header, nav.toc, main, footer { max-width: 920px; margin: 0 auto; padding: 0 28px; }
header { padding-top: 32px; }
h1 { font-size: 30px; margin: 0 0 8px; letter-spacing: -0.01em; }
h2 { font-size: 22px; margin: 44px 0 14px; padding-bottom: 6px; border-bottom: 2px solid var(--border); }
h3 { font-size: 17px; margin: 28px 0 8px; }
h4 { font-size: 15px; margin: 22px 0 6px; }
p { margin: 8px 0; }
code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; background: var(--panel); padding: 1px 4px; border-radius: 3px; }
a { color: var(--accent); }
.muted { color: var(--muted); }
nav.toc { margin-top: 6px; font-size: 14px; }
nav.toc a { margin-right: 16px; text-decoration: none; }
.summary { font-size: 17px; }
.do-dont { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.do-dont ul { margin: 4px 0; padding-left: 20px; }
.do { border-left: 4px solid var(--pass); padding-left: 12px; }
.dont { border-left: 4px solid var(--error); padding-left: 12px; }
table { border-collapse: collapse; margin: 10px 0; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--border); }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.num { text-align: right; width: 4em; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; vertical-align: middle; }
.sev-error { background: var(--error-bg); color: var(--error); }
.sev-warning { background: #fdf3dc; color: var(--warning); }
.sev-info { background: #e6effa; color: var(--info); }
.phrases code { display: inline-block; margin: 2px 4px 2px 0; }
.example { border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; margin: 12px 0; background: #fff; }
.example .bad { background: var(--error-bg); border-radius: 6px; padding: 6px 10px; }
.example .good { background: var(--pass-bg); border-radius: 6px; padding: 6px 10px; }
.rule { border-top: 1px solid var(--border); padding-top: 4px; }
footer { color: var(--muted); font-size: 13px; margin-top: 48px; padding-bottom: 32px; }
@media (max-width: 640px) { .do-dont { grid-template-columns: 1fr; } }
@media print { nav.toc { display: none; } .example { break-inside: avoid; } }
`;

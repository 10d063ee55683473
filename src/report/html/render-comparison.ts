import type { AuditComparison, AuditIdentity, ConversationChanges, DimensionChange, PairedSamples, RateChange, RateEstimate, RuleChange } from '../../diff/index.js';
import { describePatternChange } from '../comparison/comparison-rows.js';
import type { ChangelogEntry } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { formatInterval, formatPercent, formatPoints, formatPValue, formatSigned } from '../format-numbers.js';
import { coord, shareTicks, openSvg } from './svg-frame.js';

/** How many sample ids / findings a list shows before "and N more". */
const LIST_LIMIT = 60;

/**
 * The baseline section: how the audits were compared and what might make them incomparable,
 * the guide changes in between, the drift rate before and after with its test, per-rule and
 * per-dimension changes, and (paired) which replies newly drift or were fixed.
 * `linkSample` renders a sample id, linked to its detail card when it has one.
 */
export function renderComparison(comparison: AuditComparison, changelog: readonly ChangelogEntry[], linkSample: (id: string) => string): string {
  const { base, head, drift } = comparison;
  let out = `<p><strong>Baseline:</strong> ${describeAudit(base)}<br><strong>This audit:</strong> ${describeAudit(head)}</p>`;
  out += `<p><span class="badge">${comparison.mode}</span> ${escapeHtml(comparison.modeReason)}</p>`;
  if (comparison.warnings.length > 0) {
    out += `<div class="callout warn"><strong>Read with care:</strong><ul>${comparison.warnings.map((w) => `<li>${escapeHtml(w.message)}</li>`).join('')}</ul></div>`;
  }
  if (changelog.length > 0) {
    const entries = changelog.map((e) => `<li><strong>${escapeHtml(e.version)}</strong>${e.date ? ` <span class="muted">(${escapeHtml(e.date)})</span>` : ''}: ${escapeHtml(e.note)}</li>`);
    out += `<h3>Guide changes since the baseline</h3><ul class="changelog">${entries.join('')}</ul>`;
  }
  out += '<h3>Drift rate</h3>';
  out += `<p class="headline-change">${formatPercent(drift.base.rate)} → <strong>${formatPercent(drift.head.rate)}</strong> <span class="${changeClass(drift)}">${formatPoints(drift.change)}</span> · ${describeTest(drift)}</p>`;
  out += `<figure class="wide">${renderDriftDumbbell(drift, base.label, head.label)}</figure>`;
  out += renderRuleChanges(comparison.rules);
  out += renderDimensionChanges(comparison.dimensions);
  if (comparison.samples) out += renderPairedSamples(comparison, linkSample);
  if (comparison.conversations) out += renderConversationChanges(comparison.conversations);
  return out;
}

function describeAudit(a: AuditIdentity): string {
  const grader = a.grader.kind === 'none' ? 'no grader' : `${a.grader.kind}${a.grader.model ? ` (${a.grader.model})` : ''}`;
  return `${escapeHtml(a.label)} <span class="muted">— ${a.samples} samples · guide ${escapeHtml(a.guideVersion)} (${escapeHtml(a.guideHash.slice(0, 8))}) · ${escapeHtml(grader)}</span>`;
}

/** "95% CI …, p = …, McNemar exact, significant" — or why nothing can be concluded. */
function describeTest(change: RateChange): string {
  const test = change.test === 'mcnemar' ? 'McNemar exact test' : 'two-proportion z-test';
  const verdict = change.tooSmall
    ? `<span class="muted">inconclusive: ${escapeHtml(change.tooSmall)}</span>`
    : change.significant
      ? '<strong>significant</strong>'
      : 'not significant';
  return `base 95% CI ${formatInterval(change.base.low, change.base.high)}, head ${formatInterval(change.head.low, change.head.high)} · ${formatPValue(change.pValue)} (${test}) · ${verdict}`;
}

/** Regressions red, improvements green, but only when the change is significant. */
function changeClass(change: { change: number; significant: boolean }, higherIsWorse = true): string {
  if (!change.significant || change.change === 0) return 'change';
  return (change.change > 0) === higherIsWorse ? 'change worse' : 'change better';
}

function renderDriftDumbbell(drift: RateChange, baseLabel: string, headLabel: string): string {
  const width = 760;
  const rows: [string, RateEstimate][] = [
    ['baseline', drift.base],
    ['this audit', drift.head],
  ];
  const left = 120;
  const right = 700;
  const { max, ticks } = shareTicks(Math.max(drift.base.high, drift.head.high));
  const x = (share: number): number => left + (share / max) * (right - left);
  const desc = `Baseline ${baseLabel}: ${formatPercent(drift.base.rate)} (${formatInterval(drift.base.low, drift.base.high)}); this audit ${headLabel}: ${formatPercent(drift.head.rate)} (${formatInterval(drift.head.low, drift.head.high)}).`;
  let svg = openSvg('chart-baseline-drift', width, 100, 'Drift rate, baseline and this audit, with 95% intervals', desc);
  for (const tick of ticks) {
    const gx = coord(x(tick.share));
    svg += `<line class="grid" x1="${gx}" y1="6" x2="${gx}" y2="72"/><text class="tick" x="${gx}" y="88" text-anchor="middle">${tick.label}</text>`;
  }
  rows.forEach(([label, rate], i) => {
    const y = 24 + i * 30;
    svg += `<text class="label" x="${left - 10}" y="${y + 4}" text-anchor="end">${label}</text>`;
    svg += `<line class="whisker${i === 1 ? ' head' : ''}" x1="${coord(x(rate.low))}" y1="${y}" x2="${coord(x(rate.high))}" y2="${y}"/>`;
    svg += `<circle class="dot${i === 1 ? ' head' : ''}" cx="${coord(x(rate.rate))}" cy="${y}" r="5"/>`;
    svg += `<text class="value" x="${coord(x(rate.high) + 8)}" y="${y + 4}">${formatPercent(rate.rate)} (${rate.count}/${rate.n})</text>`;
  });
  return `${svg}</svg>`;
}

function renderRuleChanges(rules: readonly RuleChange[]): string {
  const active = rules
    .filter((r) => r.baseFindings + r.headFindings > 0)
    .sort((a, b) => Number(b.significant) - Number(a.significant) || Math.abs(b.change) - Math.abs(a.change) || (a.ruleId < b.ruleId ? -1 : 1));
  if (active.length === 0) return '<h3>Rules</h3><p class="note">No rule matched in either audit.</p>';
  const rows = active.map((r) => {
    const presence = r.presentIn === 'both' ? '' : ` <span class="muted">(${r.presentIn} guide only)</span>`;
    return (
      `<tr><td><code>${escapeHtml(r.ruleId)}</code>${presence}</td><td><span class="sev sev-${r.severity}">${r.severity}</span></td>` +
      `<td class="num">${formatPercent(r.base.rate)} <span class="muted">(${r.base.count})</span></td><td class="num">${formatPercent(r.head.rate)} <span class="muted">(${r.head.count})</span></td>` +
      `<td class="num"><span class="${changeClass(r)}">${formatPoints(r.change)}</span></td><td class="num">${r.baseFindings} → ${r.headFindings}</td>` +
      `<td class="num">${r.tooSmall ? '<span class="muted">too few</span>' : formatPValue(r.pValue)}${r.significant ? ' ✱' : ''}</td></tr>`
    );
  });
  const quiet = rules.length - active.length;
  return (
    '<h3>Rules</h3><div class="table-wrap"><table class="compact"><thead><tr><th>Rule</th><th>Severity</th><th class="num">Baseline</th><th class="num">This audit</th><th class="num">Change</th><th class="num">Findings</th><th class="num">p</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div><p class="note">Share of replies with a finding of the rule. ✱ significant at the chosen level.${quiet > 0 ? ` ${quiet} rule(s) matched nothing in either audit.` : ''}</p>`
  );
}

function renderDimensionChanges(dimensions: readonly DimensionChange[]): string {
  if (dimensions.length === 0) return '';
  const rows = dimensions.map((d) => {
    const presence = d.presentIn === 'both' ? '' : ` <span class="muted">(${d.presentIn} only)</span>`;
    const test = d.test === 'paired-t' ? 'paired t' : 'Welch t';
    return (
      `<tr><td><code>${escapeHtml(d.id)}</code>${presence}</td><td class="num">${d.base.mean.toFixed(2)} <span class="muted">(n ${d.base.n})</span></td>` +
      `<td class="num">${d.head.mean.toFixed(2)} <span class="muted">(n ${d.head.n})</span></td><td class="num"><span class="${changeClass(d, false)}">${formatSigned(d.change)}</span></td>` +
      `<td class="num">${d.tooSmall ? `<span class="muted" title="${escapeHtml(d.tooSmall)}">too few</span>` : `${formatPValue(d.pValue)} <span class="muted">${test}</span>`}${d.significant ? ' ✱' : ''}</td></tr>`
    );
  });
  return (
    '<h3>Dimensions</h3><div class="table-wrap"><table class="compact"><thead><tr><th>Dimension</th><th class="num">Baseline mean</th><th class="num">This audit</th><th class="num">Change</th><th class="num">p</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

function listIds(ids: readonly string[], link: (id: string) => string): string {
  if (ids.length === 0) return '<span class="muted">none</span>';
  const shown = ids.slice(0, LIST_LIMIT).map(link).join(', ');
  return ids.length > LIST_LIMIT ? `${shown} <span class="muted">and ${ids.length - LIST_LIMIT} more</span>` : shown;
}

/** The paired lists, for replies or for conversations. */
function renderPairedLists(s: PairedSamples, link: (id: string) => string): string {
  let out = '<dl class="paired">';
  out += `<dt class="worse">Newly drifting (${s.newlyDrifting.length})</dt><dd>${listIds(s.newlyDrifting, link)}</dd>`;
  out += `<dt class="better">Fixed (${s.fixed.length})</dt><dd>${listIds(s.fixed, link)}</dd>`;
  out += `<dt>Still drifting</dt><dd>${s.stillDrifting.length}</dd><dt>Still passing</dt><dd>${s.stillPassing.length}</dd>`;
  out += `<dt>Ungraded in either audit</dt><dd>${s.ungraded.length}</dd>`;
  out += `<dt>Only in one audit</dt><dd>${s.onlyInBase.length} only in the baseline, ${s.onlyInHead.length} only in this audit (${s.shared} shared)</dd></dl>`;
  return out;
}

function renderConversationChanges(changes: ConversationChanges): string {
  const { drift } = changes;
  const code = (id: string): string => `<code>${escapeHtml(id)}</code>`;
  let out = '<h3>Conversation by conversation</h3>';
  out += `<p><span class="badge">${changes.mode}</span> ${escapeHtml(changes.modeReason)}</p>`;
  out += `<p class="headline-change">Conversation drift rate ${formatPercent(drift.base.rate)} → <strong>${formatPercent(drift.head.rate)}</strong> <span class="${changeClass(drift)}">${formatPoints(drift.change)}</span> · ${describeTest(drift)}</p>`;
  if (changes.conversations) out += renderPairedLists(changes.conversations, code);
  const patterns = changes.patterns ?? [];
  if (patterns.length > 0) {
    const items = patterns.slice(0, LIST_LIMIT).map((p) => `<li>${code(p.id)} ${escapeHtml(describePatternChange(p))}</li>`);
    out += `<details><summary>Patterns changed in ${patterns.length} conversation(s)</summary><ul class="pattern-changes">${items.join('')}</ul></details>`;
  }
  return out;
}

function renderPairedSamples(comparison: AuditComparison, linkSample: (id: string) => string): string {
  let out = `<h3>Reply by reply</h3>${renderPairedLists(comparison.samples!, linkSample)}`;
  const f = comparison.findings;
  if (f) {
    out += `<p>Findings on shared replies: <strong>${f.new.length} new</strong>, ${f.resolved.length} resolved, ${f.unchanged} unchanged.</p>`;
    if (f.new.length > 0) {
      const items = f.new.slice(0, LIST_LIMIT).map(
        (n) => `<li>${linkSample(n.sampleId)} <span class="sev sev-${n.severity}">${n.severity}</span> <code>${escapeHtml(n.ruleId)}</code>${n.match ? ` “${escapeHtml(n.match)}”` : ''}</li>`,
      );
      out += `<details><summary>New findings${f.new.length > LIST_LIMIT ? ` (first ${LIST_LIMIT} of ${f.new.length})` : ''}</summary><ul class="new-findings">${items.join('')}</ul></details>`;
    }
  }
  return out;
}

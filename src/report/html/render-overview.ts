import { driftRateOf } from '../../findings/drift-rate.js';
import { wilsonInterval } from '../../findings/statistics.js';
import type { AuditResult } from '../../types.js';
import { escapeHtml } from '../escape.js';
import type { ReportContext } from '../reporter.js';
import { formatInterval, formatPercent } from '../format-numbers.js';

/** The page header: which guide, which grader (said plainly when it is not a language model), which inputs. */
export function renderHeader(result: AuditResult, ctx: ReportContext): string {
  const { guide, grader, tool } = result;
  const graderLabel =
    grader.kind === 'none' ? 'none — rules only' : grader.kind === 'heuristic' ? 'offline heuristic (no language model)' : `LLM${grader.model ? ` · ${grader.model}` : ''}`;
  const inputs = result.inputs.length === 0 ? 'none' : result.inputs.map((i) => `<code>${escapeHtml(i)}</code>`).join(', ');
  let out = `<header class="page-header"><p class="eyebrow">Brand voice audit</p><h1>${escapeHtml(guide.brand)}</h1><dl class="meta">`;
  out += `<div><dt>Style guide</dt><dd>version ${escapeHtml(guide.version)} <code title="sha256 ${escapeHtml(guide.hash)}">${escapeHtml(guide.hash.slice(0, 8))}</code> <span class="muted">${escapeHtml(guide.file)}</span></dd></div>`;
  out += `<div><dt>Grader</dt><dd>${escapeHtml(graderLabel)}${grader.promptHash ? ` <span class="muted">prompt ${escapeHtml(grader.promptHash.slice(0, 8))}</span>` : ''}</dd></div>`;
  out += `<div><dt>Inputs</dt><dd>${inputs}</dd></div>`;
  out += `<div><dt>Tool</dt><dd>${escapeHtml(tool.name)} ${escapeHtml(tool.version)}</dd></div></dl>`;
  if (grader.kind === 'heuristic') {
    out += `<p class="callout info">Scores come from the <strong>offline heuristic grader</strong>, not a language model: they are indicative only.${ctx.graderNote ? `<br><span class="muted">Why: ${escapeHtml(ctx.graderNote)}</span>` : ''}</p>`;
  } else if (grader.kind === 'none') {
    out += `<p class="callout info">No grader ran: only the guide's rules were checked, so there are no scores.${ctx.graderNote ? `<br><span class="muted">Why: ${escapeHtml(ctx.graderNote)}</span>` : ''}</p>`;
  } else if (ctx.graderNote) {
    out += `<p class="note">${escapeHtml(ctx.graderNote)}</p>`;
  }
  return `${out}</header>`;
}

/** Headline numbers and the gate verdict with every reason. */
export function renderSummary(result: AuditResult, ctx: ReportContext): string {
  const { summary, gate, inputProblems } = result;
  const drift = driftRateOf(summary);
  const interval = wilsonInterval(drift.drifting, drift.judged);
  const s = summary.findingsBySeverity;
  const stat = (label: string, value: string, detail = '', cls = ''): string =>
    `<div class="stat ${cls}"><div class="stat-value">${value}</div><div class="stat-label">${label}</div>${detail ? `<div class="stat-detail">${detail}</div>` : ''}</div>`;
  let out = `<div class="gate ${gate.passed ? 'gate-pass' : 'gate-fail'}"><strong>Gate: ${gate.passed ? 'passed' : 'FAILED'}</strong>`;
  if (gate.reasons.length > 0) out += `<ul>${gate.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`;
  if (ctx.gateNotes && ctx.gateNotes.length > 0) out += `<ul class="gate-notes">${ctx.gateNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`;
  out += '</div><div class="stats">';
  out += stat('samples', String(summary.samples));
  out += stat('pass', String(summary.passed), '', 'stat-pass');
  out += stat(
    'drifting',
    String(summary.drifting),
    drift.judged === 0 ? 'no verdicts' : `${formatPercent(drift.rate)} of ${drift.judged} judged<br>95% CI ${formatInterval(interval.low, interval.high)}`,
    'stat-drift',
  );
  out += stat('ungraded', String(summary.ungraded), 'grader could not decide', 'stat-ungraded');
  out += stat('skipped records', String(summary.skippedRecords), 'unreadable input');
  out += stat('findings', `<span class="sev-text-error">${s.error}</span> / <span class="sev-text-warning">${s.warning}</span> / <span class="sev-text-info">${s.info}</span>`, 'errors / warnings / info', 'stat-findings');
  out += '</div>';
  if (summary.usage) {
    const u = summary.usage;
    out += `<p class="note">Grader API: ${u.calls} calls, ${u.cachedResults} results from cache, ${u.inputTokens} input and ${u.outputTokens} output tokens, $${u.costUsd.toFixed(4)}.</p>`;
  }
  if (ctx.suppressions) {
    const sup = ctx.suppressions;
    out += `<p class="note">${sup.suppressed} finding(s) accepted in <code>${escapeHtml(sup.file)}</code> and left out.`;
    if (sup.unused.length > 0) out += ` Unused entries: ${sup.unused.map((u) => `<code>${escapeHtml(u)}</code>`).join(', ')}.`;
    if (sup.expired.length > 0) out += ` Expired entries: ${sup.expired.map((e) => `<code>${escapeHtml(e)}</code>`).join(', ')}.`;
    out += '</p>';
  }
  if (inputProblems.length > 0) {
    const items = inputProblems.map((p) => {
      const where = `${p.location.file}:${p.location.line}${p.location.col ? `:${p.location.col}` : ''}`;
      return `<li><code>${escapeHtml(where)}</code>${p.path ? ` <code>${escapeHtml(p.path)}</code>` : ''} ${escapeHtml(p.message)}</li>`;
    });
    out += `<details class="input-problems"><summary>${inputProblems.length} input record(s) could not be read and were skipped</summary><ul>${items.join('')}</ul></details>`;
  }
  return out;
}

import type { ChalkInstance } from 'chalk';
import type { AuditHeader, ConversationSummary, RuleSummary } from '../../types.js';
import { formatPercent } from '../format-numbers.js';
import type { AuditFooter, ReportContext } from '../reporter.js';
import { paint, severityColor } from './paint.js';
import { wrapHanging } from './wrap-hanging.js';

/**
 * The end of the terminal report: the tables first (rules, dimensions, API use), then the
 * headline — guide, grader, counts, findings — and the gate verdict as the very last lines, so
 * what a person decides on is on screen when the command returns, however long the report was.
 */
export function renderSummary(header: AuditHeader, footer: AuditFooter, ctx: ReportContext): string {
  const c = paint(ctx);
  const { summary } = footer;
  const lines: string[] = [];
  if (!ctx.compact) {
    lines.push(...renderRuleTable(summary.rules, c, ctx.width));
    if (summary.dimensions.length > 0) {
      lines.push('', c.bold(`${'dimension'.padEnd(28)}${'mean'.padStart(6)}${'below min'.padStart(11)}${'graded'.padStart(8)}`));
      for (const d of summary.dimensions) lines.push(`${d.id.padEnd(28)}${d.mean.toFixed(2).padStart(6)}${String(d.belowMin).padStart(11)}${String(d.n).padStart(8)}`);
    }
    if (summary.usage) {
      const u = summary.usage;
      const cachedShare = u.inputTokens + u.cacheReadInputTokens === 0 ? 0 : u.cacheReadInputTokens / (u.inputTokens + u.cacheReadInputTokens + u.cacheCreationInputTokens);
      lines.push('', `API: ${u.calls} calls, ${u.cachedResults} from result cache · tokens in ${u.inputTokens} (+${u.cacheCreationInputTokens} cache write, ${u.cacheReadInputTokens} cache read, ${formatPercent(cachedShare, 0)} cached) · out ${u.outputTokens} · $${u.costUsd.toFixed(4)}`);
    }
    if (summary.droppedEvidence) lines.push(c.yellow(`${summary.droppedEvidence} evidence quote(s) from the grader did not occur in the reply they cited and were dropped`));
    lines.push('');
  }
  lines.push(...renderHeadline(header, footer, ctx, c));
  return `${lines.map((line) => (line.startsWith(REASON) ? wrapHanging(REASON, line.slice(REASON.length), ctx.width) : wrapHanging('', line, ctx.width))).join('\n')}\n`;
}

function renderHeadline(header: AuditHeader, footer: AuditFooter, ctx: ReportContext, c: ChalkInstance): string[] {
  const { summary, gate, inputProblems } = footer;
  const graderLabel = header.grader.kind === 'none' ? 'none (rules only)' : `${header.grader.kind}${header.grader.model ? ` (${header.grader.model})` : ''}`;
  const lines = [
    c.bold(`${header.guide.brand} — guide ${header.guide.version} (${header.guide.hash.slice(0, 8)})`),
    `grader: ${graderLabel}${ctx.graderNote && header.grader.kind !== 'none' ? c.dim(` — ${ctx.graderNote}`) : ''}`,
  ];
  if (!ctx.compact) {
    lines.push(
      `${summary.samples} ${summary.samples === 1 ? 'sample' : 'samples'} · ${c.green(`${summary.passed} pass`)} · ${c.red(`${summary.drifting} drifting`)} · ` +
        `${summary.ungraded} ungraded · ${summary.skippedRecords} skipped records` +
        (summary.unstable !== undefined ? ` · ${c.yellow(`${summary.unstable} unstable`)} (verdict flipped across --repeat, flip rate ${formatPercent(summary.flipRate ?? 0)})` : ''),
    );
    if (summary.conversations) lines.push(describeConversations(summary.conversations));
    const s = summary.findingsBySeverity;
    lines.push(`findings: ${c.red(`${s.error} errors`)} · ${c.yellow(`${s.warning} warnings`)} · ${c.blue(`${s.info} info`)}`);
    if (inputProblems.length > 0) lines.push(c.yellow(`${inputProblems.length} input record(s) skipped — see the warnings above`));
  }
  lines.push('', gate.passed ? c.green.bold('gate: passed') : c.red.bold('gate: FAILED'));
  for (const reason of gate.reasons) lines.push(`${REASON}${reason}`);
  return lines;
}

/** Gate reasons are a list; their continuation lines stay under the text. */
const REASON = '  - ';

const KIND_COLUMN = 13;
const NUMBER_COLUMNS = 10 + 9 + 9;

/** Rules that matched, most findings first; the `kind` column is left out when the table would not fit the width. */
function renderRuleTable(rules: readonly RuleSummary[], c: ChalkInstance, width: number | undefined): string[] {
  const longest = Math.max(0, ...rules.map((r) => r.ruleId.length)) + 2;
  let idWidth = Math.max(28, longest);
  const fits = (withKind: boolean) => width === undefined || idWidth + (withKind ? KIND_COLUMN : 0) + NUMBER_COLUMNS <= width;
  if (!fits(true) && !fits(false)) idWidth = longest;
  const withKind = fits(true);
  const row = (id: string, kind: string, severity: string, findings: string, samples: string) =>
    `${id.padEnd(idWidth)}${withKind ? kind.padEnd(KIND_COLUMN) : ''}${severity}${findings.padStart(9)}${samples.padStart(9)}`;
  const lines = [c.bold(row('rule', 'kind', 'severity'.padEnd(10), 'findings', 'samples'))];
  const matched = rules.filter((r) => r.findings > 0).sort((a, b) => b.findings - a.findings || a.ruleId.localeCompare(b.ruleId));
  for (const r of matched) lines.push(row(r.ruleId, r.kind, severityColor(c, r.severity)(r.severity.padEnd(10)), String(r.findings), String(r.samples)));
  const silent = rules.filter((r) => r.findings === 0);
  if (silent.length > 0) {
    const names = silent.map((r) => (r.kind === 'judge' ? `${r.ruleId} (judge: needs a grader)` : r.ruleId));
    lines.push(c.dim(`rules that matched nothing: ${names.join(', ')}`));
  }
  return lines;
}

/** One line of conversation metrics: how many drift, hand off and after how many turns, the patterns seen. */
export function describeConversations(c: ConversationSummary): string {
  const patterns = Object.entries(c.patterns)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, n]) => `${id} ${n}`)
    .join(', ');
  const f = c.frustration;
  return (
    `conversations: ${c.conversations} · ${c.drifting} with a drifting turn · ${c.handedOff} handed off` +
    (c.handedOff > 0 ? ` (after ${c.meanBotTurnsUntilHandoff} bot turns on average)` : '') +
    ` · frustration rising ${f.rising}, steady ${f.steady}, easing ${f.easing}, calm ${f.calm}` +
    (patterns ? ` · patterns: ${patterns}` : '')
  );
}

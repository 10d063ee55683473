import { Chalk, type ChalkInstance } from 'chalk';
import type { AuditHeader, ConversationSummary, Finding, SampleResult, Severity } from '../types.js';
import { applySuggestions, diffWords } from '../diff/word-diff.js';
import { escapeTerminal, truncate } from './escape.js';
import { formatPercent } from './format-numbers.js';
import { mergeSpans } from './merge-spans.js';
import type { AuditFooter, ReportContext, Reporter } from './reporter.js';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error  ', warning: 'warning', info: 'info   ' };

function paint(ctx: ReportContext): ChalkInstance {
  return new Chalk({ level: ctx.colorLevel });
}

function severityColor(c: ChalkInstance, severity: Severity): ChalkInstance {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue;
}

/**
 * Highlights every finding's span in the reply. Overlapping spans merge; the most severe colour wins.
 * Without colour, spans are bracketed so the offending text is still visible.
 */
function highlightSpans(text: string, findings: readonly Finding[], c: ChalkInstance): string {
  let out = '';
  let cursor = 0;
  for (const span of mergeSpans(text, findings)) {
    out += escapeTerminal(text.slice(cursor, span.start));
    const marked = escapeTerminal(text.slice(span.start, span.end));
    out += c.level > 0 ? severityColor(c, span.severity).underline.bold(marked) : `[${marked}]`;
    cursor = span.end;
  }
  return out + escapeTerminal(text.slice(cursor));
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((line, i) => (i === 0 ? line : prefix + line)).join('\n');
}

function renderFinding(finding: Finding, c: ChalkInstance): string {
  const label = severityColor(c, finding.severity)(SEVERITY_LABEL[finding.severity]);
  let line = `    ${label}  ${c.dim(finding.ruleId.padEnd(24))} ${escapeTerminal(finding.message)}`;
  if (finding.suggestion) line += c.green(`  → "${escapeTerminal(finding.suggestion.replacement)}"`);
  return `${line}\n`;
}

/**
 * The reply against its on-brand rewrite (the grader's, else the rules' suggested fixes) as an
 * inline word diff: red struck-through removals, green additions; `[-…-]{+…+}` without colour.
 */
function renderRewriteDiff(result: SampleResult, c: ChalkInstance): string {
  const rewrite = result.grade?.rewrite ?? applySuggestions(result.response, result.findings);
  if (!rewrite || rewrite === result.response || result.response.length > MAX_REPLY_SHOWN) return '';
  const label = result.grade?.rewrite ? 'rewrite:' : 'fixes:';
  const body = diffWords(result.response, rewrite)
    .map((part) => {
      const text = escapeTerminal(part.text);
      if (part.type === 'same') return text;
      if (c.level === 0) return part.type === 'added' ? `{+${text}+}` : `[-${text}-]`;
      return part.type === 'added' ? c.green.bold(text) : c.red.strikethrough(text);
    })
    .join('');
  return `    ${c.green(label.padEnd(9))} ${indent(body, '              ')}\n`;
}

function renderGrade(result: SampleResult, c: ChalkInstance, detailed: boolean): string {
  const grade = result.grade;
  if (!grade) return '';
  if (grade.status === 'error') return `    ${c.magenta('ungraded')}  ${escapeTerminal(grade.error ?? 'the grader could not decide')}\n`;
  const scores = Object.entries(grade.scores)
    .map(([id, s]) => `${id} ${s.score.toFixed(1)}`)
    .join(' · ');
  let out = `    ${c.dim(`${grade.grader}:`)} ${scores}  ${grade.drift === 'on-brand' ? c.green(grade.drift) : c.yellow(grade.drift)}\n`;
  // For one reply, say why each score is what it is: the cues are what makes the heuristic trustworthy.
  if (detailed) for (const [id, s] of Object.entries(grade.scores)) out += `      ${c.dim(`${id} ${s.score.toFixed(1)}:`)} ${escapeTerminal(s.reason)}\n`;
  return out;
}

/** Longer replies are cut in the terminal (the JSON and HTML reports keep them whole). */
const MAX_REPLY_SHOWN = 4000;

function renderSample(result: SampleResult, ctx: ReportContext): string {
  if (result.verdict === 'pass' && !ctx.showPassing) return '';
  const c = paint(ctx);
  const verdict = result.verdict === 'pass' ? c.green('pass') : result.verdict === 'drift' ? c.red('drift') : c.magenta('ungraded');
  // `check` has no file to point at; everything else names the record's file:line.
  const where = ctx.compact ? '' : `${result.source.file}:${result.source.line}`;
  let out = `${c.bold(escapeTerminal(result.id))}  ${where ? `${c.dim(where)}  ` : ''}${verdict}\n`;
  if (result.customer) out += `  ${c.dim('customer:')} ${escapeTerminal(truncate(result.customer, 160))}\n`;
  const cut = result.response.length > MAX_REPLY_SHOWN;
  const shown = cut ? result.response.slice(0, MAX_REPLY_SHOWN) : result.response;
  const visible = cut ? result.findings.filter((f) => !f.span || f.span.end <= MAX_REPLY_SHOWN) : result.findings;
  const more = cut ? c.dim(` … (${(result.response.length - MAX_REPLY_SHOWN).toLocaleString('en-US')} more characters)`) : '';
  out += `  ${c.dim('reply:')}    ${indent(highlightSpans(shown, visible, c), '            ')}${more}\n`;
  for (const finding of result.findings) out += renderFinding(finding, c);
  return `${out + renderGrade(result, c, ctx.compact === true) + renderRewriteDiff(result, c)}\n`;
}

function renderSummary(header: AuditHeader, footer: AuditFooter, ctx: ReportContext): string {
  const c = paint(ctx);
  const { summary, gate, inputProblems } = footer;
  const lines: string[] = [];
  const graderLabel = header.grader.kind === 'none' ? 'none (rules only)' : `${header.grader.kind}${header.grader.model ? ` (${header.grader.model})` : ''}`;
  lines.push(c.bold(`${header.guide.brand} — guide ${header.guide.version} (${header.guide.hash.slice(0, 8)})`));
  lines.push(`grader: ${graderLabel}${ctx.graderNote && header.grader.kind !== 'none' ? c.dim(` — ${ctx.graderNote}`) : ''}`);
  if (ctx.compact) {
    lines.push('', gate.passed ? c.green.bold('gate: passed') : c.red.bold('gate: FAILED'));
    for (const reason of gate.reasons) lines.push(`  - ${reason}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${summary.samples} ${summary.samples === 1 ? 'sample' : 'samples'} · ${c.green(`${summary.passed} pass`)} · ${c.red(`${summary.drifting} drifting`)} · ` +
      `${summary.ungraded} ungraded · ${summary.skippedRecords} skipped records` +
      (summary.unstable !== undefined ? ` · ${c.yellow(`${summary.unstable} unstable`)} (verdict flipped across --repeat, flip rate ${formatPercent(summary.flipRate ?? 0)})` : ''),
  );
  if (summary.conversations) lines.push(describeConversations(summary.conversations));
  const s = summary.findingsBySeverity;
  lines.push(`findings: ${c.red(`${s.error} errors`)} · ${c.yellow(`${s.warning} warnings`)} · ${c.blue(`${s.info} info`)}`);
  if (inputProblems.length > 0) lines.push(c.yellow(`${inputProblems.length} input record(s) skipped — see the warnings above`));

  const idWidth = Math.max(28, ...summary.rules.map((r) => r.ruleId.length + 2));
  lines.push('', c.bold(`${'rule'.padEnd(idWidth)}${'kind'.padEnd(13)}${'severity'.padEnd(10)}${'findings'.padStart(9)}${'samples'.padStart(9)}`));
  const matched = summary.rules.filter((r) => r.findings > 0).sort((a, b) => b.findings - a.findings || a.ruleId.localeCompare(b.ruleId));
  for (const rule of matched) {
    lines.push(`${rule.ruleId.padEnd(idWidth)}${rule.kind.padEnd(13)}${severityColor(c, rule.severity)(rule.severity.padEnd(10))}${String(rule.findings).padStart(9)}${String(rule.samples).padStart(9)}`);
  }
  const silent = summary.rules.filter((r) => r.findings === 0);
  if (silent.length > 0) {
    const names = silent.map((r) => (r.kind === 'judge' ? `${r.ruleId} (judge: needs a grader)` : r.ruleId));
    lines.push(c.dim(`rules that matched nothing: ${names.join(', ')}`));
  }
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
  lines.push('', gate.passed ? c.green.bold('gate: passed') : c.red.bold('gate: FAILED'));
  for (const reason of gate.reasons) lines.push(`  - ${reason}`);
  return `${lines.join('\n')}\n`;
}

/** Human-readable output: each drifting reply with its offending spans highlighted, then a summary table. */
export const terminal: Reporter = {
  extension: 'txt',
  begin: () => '',
  sample: (result, _index, ctx) => renderSample(result, ctx),
  end: renderSummary,
};

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

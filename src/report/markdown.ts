import { formatProblem } from '../errors.js';
import { driftRateOf } from '../findings/drift-rate.js';
import { wilsonInterval } from '../findings/statistics.js';
import type { AuditResult, AuditSummary, RuleSummary } from '../types.js';
import { renderComparisonMarkdown, renderTrendMarkdown } from './comparison/index.js';
import { formatPercent } from './format-numbers.js';
import { mdCell, mdCode, mdTable, mdText } from './markdown-syntax.js';
import { renderReply, renderUngraded, selectWorstReplies, SEVERITY_MARK } from './markdown-replies.js';
import type { ReportContext, Reporter } from './reporter.js';

/** Most drifting replies shown in full; a PR comment has to stay readable (and under GitHub's 65,536-character limit). */
export const MAX_WORST_REPLIES = 10;
const MAX_LISTED = 10;

function renderHeadline(result: AuditResult): string[] {
  const { summary, guide } = result;
  const drift = driftRateOf(summary);
  const ci = wilsonInterval(drift.drifting, drift.judged);
  const rate = drift.judged === 0 ? '– (no verdicts)' : `${formatPercent(drift.rate)} of ${drift.judged} (95% CI ${formatPercent(ci.low)}–${formatPercent(ci.high)})`;
  const s = summary.findingsBySeverity;
  return [
    `## Tone audit: ${mdText(guide.brand)}`,
    '',
    `Guide ${mdText(guide.version)} (${mdCode(guide.hash.slice(0, 8))}) · inputs: ${result.inputs.length > 0 ? result.inputs.map(mdCode).join(', ') : 'none'}`,
    '',
    mdTable(
      ['Samples', '✅ Pass', '❌ Drifting', 'Drift rate', '❔ Ungraded', 'Skipped records'],
      [[String(summary.samples), String(summary.passed), String(summary.drifting), rate, String(summary.ungraded), String(summary.skippedRecords)]],
      ['r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `**Findings:** ${s.error} errors · ${s.warning} warnings · ${s.info} info`,
    ...(summary.unstable !== undefined ? ['', `**Unstable:** ${summary.unstable} replies whose verdict flipped across \`--repeat\` judgements (flip rate ${formatPercent(summary.flipRate ?? 0)})`] : []),
  ];
}

function renderGrader(result: AuditResult, ctx: ReportContext): string[] {
  const { kind, model } = result.grader;
  const what =
    kind === 'none'
      ? 'none — rules only; dimension scores and `judge` rules were not checked'
      : kind === 'heuristic'
        ? 'heuristic (offline) — scores come from word lists and cues, not a language model'
        : `llm${model ? ` (${mdCode(model)})` : ''}`;
  const lines = [`**Grader:** ${what}${ctx.graderNote ? ` (${mdText(ctx.graderNote)})` : ''}`];
  const usage = result.summary.usage;
  if (usage) {
    lines.push(
      `**API:** ${usage.calls} calls, ${usage.cachedResults} from the result cache · ${usage.inputTokens} input tokens ` +
        `(${usage.cacheReadInputTokens} cache reads) · ${usage.outputTokens} output tokens · $${usage.costUsd.toFixed(4)}`,
    );
  }
  return lines;
}

function renderGate(result: AuditResult, ctx: ReportContext): string[] {
  const { gate, inputProblems } = result;
  const out = [gate.passed ? '### ✅ Gate passed' : '### ❌ Gate failed', ''];
  for (const reason of gate.reasons) out.push(`- ❌ ${mdText(reason)}`);
  for (const note of ctx.gateNotes ?? []) out.push(`- ℹ️ ${mdText(note)}`);
  const sup = ctx.suppressions;
  if (sup) {
    out.push(`- ℹ️ ${sup.suppressed} accepted finding(s) suppressed by ${mdCode(sup.file)}`);
    if (sup.expired.length > 0) out.push(`- ⚠️ Expired suppressions (${sup.expired.length}), no longer applied: ${sup.expired.map(mdCode).join(', ')}`);
    if (sup.unused.length > 0) out.push(`- ⚠️ Suppressions that matched nothing (${sup.unused.length}): ${sup.unused.map(mdCode).join(', ')}`);
  }
  if (inputProblems.length > 0) {
    out.push(`- ⚠️ ${inputProblems.length} input record(s) could not be read and were skipped:`);
    for (const problem of inputProblems.slice(0, MAX_LISTED)) out.push(`  - ${mdText(formatProblem(problem))}`);
    if (inputProblems.length > MAX_LISTED) out.push(`  - …and ${inputProblems.length - MAX_LISTED} more`);
  }
  if (out.length === 2) out.push('No gate condition failed.');
  return out;
}

function renderRuleTable(summary: AuditSummary): string[] {
  const matched = summary.rules
    .filter((r) => r.findings > 0)
    .sort((a, b) => b.samples - a.samples || b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const out = ['### Rules', ''];
  if (matched.length > 0) {
    const share = (r: RuleSummary) => (summary.samples === 0 ? '–' : formatPercent(r.samples / summary.samples));
    out.push(
      mdTable(
        ['Rule', 'Kind', 'Severity', 'Findings', 'Samples', 'Share of samples'],
        matched.map((r) => [mdCell(r.ruleId), mdCell(r.kind), `${SEVERITY_MARK[r.severity]} ${r.severity}`, String(r.findings), String(r.samples), share(r)]),
        ['l', 'l', 'l', 'r', 'r', 'r'],
      ),
      '',
    );
  } else out.push('No rule matched anything.', '');
  const silent = summary.rules.filter((r) => r.findings === 0);
  if (silent.length > 0) {
    out.push(`Rules that matched nothing: ${silent.map((r) => (r.kind === 'judge' ? `${mdCode(r.ruleId)} (judge: needs a grader)` : mdCode(r.ruleId))).join(', ')}`, '');
  }
  if (summary.dimensions.length > 0) {
    out.push(
      '### Dimensions',
      '',
      mdTable(
        ['Dimension', 'Mean (1–5)', 'Minimum', 'Replies below minimum', 'Graded'],
        summary.dimensions.map((d) => [
          mdCell(d.id),
          d.n === 0 ? '–' : `${d.mean < d.min ? '❌ ' : ''}${d.mean.toFixed(2)}`,
          String(d.min),
          String(d.belowMin),
          String(d.n),
        ]),
        ['l', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
  }
  return out;
}

/** GitHub rejects comments over 65,536 characters; stay under with room for a CI tool's own wrapper. */
export const MAX_MARKDOWN_CHARS = 60_000;

/** The worst replies, as many as fit in `budget` characters, and how many were left out for space. */
function renderWorst(result: AuditResult, budget: number): string[] {
  const worst = selectWorstReplies(result.samples, MAX_WORST_REPLIES);
  if (worst.length === 0) return [];
  const blocks: string[] = [];
  let used = 0;
  for (const sample of worst) {
    const block = `${renderReply(sample, 4)}\n`;
    if (used + block.length > budget) break;
    blocks.push(block);
    used += block.length + 1;
  }
  const of = result.summary.drifting > blocks.length ? ` (${blocks.length} of ${result.summary.drifting})` : '';
  const out = [`### Worst replies${of}`, '', ...blocks];
  if (blocks.length < worst.length) {
    out.push(`_${worst.length - blocks.length} more of the worst replies are left out to keep this under GitHub's 65,536-character limit; the HTML and JSON reports have them all._`, '');
  }
  return out;
}

/** The whole Markdown document (see {@link markdown}), kept under {@link MAX_MARKDOWN_CHARS}. */
export function renderMarkdownReport(result: AuditResult, ctx: ReportContext): string {
  const head = [...renderHeadline(result), ...renderGrader(result, ctx), '', ...renderGate(result, ctx), ''];
  if (ctx.comparison) head.push(renderComparisonMarkdown(ctx.comparison, { changelog: ctx.changelog, headingLevel: 3 }));
  if (ctx.trend && ctx.trend.length >= 2) head.push(renderTrendMarkdown(ctx.trend, { headingLevel: 3 }));
  const ungraded = renderUngraded(result.samples, MAX_LISTED, 3);
  const tail = [...(ungraded ? [ungraded] : []), ...renderRuleTable(result.summary)];
  const fixed = head.join('\n').length + tail.join('\n').length;
  const out = [...head, ...renderWorst(result, Math.max(0, MAX_MARKDOWN_CHARS - fixed - 400)), ...tail];
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * GitHub-flavoured Markdown for a PR comment or `$GITHUB_STEP_SUMMARY`: headline numbers, the
 * grader, the gate with every reason, the baseline comparison when there is one, the worst
 * replies with a reply ↔ rewrite diff, then rule and dimension tables. The worst replies need every
 * sample, so it renders through `renderAll`; begin/sample/end write nothing.
 */
export const markdown: Reporter = {
  extension: 'md',
  needsAllSamples: true,
  begin: () => '',
  sample: () => '',
  end: () => '',
  renderAll: renderMarkdownReport,
};

import { describeConversations } from './terminal.js';
import { formatProblem } from '../errors.js';
import { driftRateOf } from '../findings/drift-rate.js';
import { wilsonInterval } from '../findings/statistics.js';
import type { AuditResult, AuditSummary, RuleSummary } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { renderComparisonMarkdown, renderTrendMarkdown } from './comparison/index.js';
import { formatPercent } from './format-numbers.js';
import { htmlText, mdCell, mdCode, mdDetails, mdTable, mdText } from './markdown-syntax.js';
import { renderReply, renderUngraded, selectWorstReplies, SEVERITY_MARK } from './markdown-replies.js';
import { renderThread } from './markdown-threads.js';
import { selectWorstThreads, threadsOf } from './thread/collect-threads.js';
import type { ReportContext, Reporter } from './reporter.js';

/** Most drifting replies shown in full; a PR comment has to stay readable (and under GitHub's 65,536-character limit). */
export const MAX_WORST_REPLIES = 10;
const MAX_LISTED = 10;

/** Rules named in the headline: those that matched the most replies. */
const TOP_RULES = 3;

function topRules(summary: AuditSummary, max: number): RuleSummary[] {
  return summary.rules
    .filter((r) => r.findings > 0)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.samples - a.samples || b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
    .slice(0, max);
}

/** The verdict first, then the numbers a reviewer decides on: how many drift, and which rules. */
function renderHeadline(result: AuditResult, ctx: ReportContext): string[] {
  const { summary, guide, gate } = result;
  const drift = driftRateOf(summary);
  const ci = wilsonInterval(drift.drifting, drift.judged);
  const rate =
    drift.judged === 0
      ? `**no reply got a verdict** out of ${summary.samples}`
      : `**${drift.drifting} of ${drift.judged} replies drift** (${formatPercent(drift.rate)}, 95% CI ${formatPercent(ci.low)}–${formatPercent(ci.high)})`;
  const s = summary.findingsBySeverity;
  const top = topRules(summary, TOP_RULES);
  const out = [
    `## ${gate.passed ? '✅' : '❌'} Tone audit ${gate.passed ? 'passed' : 'failed'} the gate: ${mdText(guide.brand)}`,
    '',
    `${rate} · ${summary.passed} pass · ${summary.ungraded} ungraded · ${summary.samples} samples, ${summary.skippedRecords} skipped records  `,
    `**Findings:** ${s.error} errors · ${s.warning} warnings · ${s.info} info${top.length > 0 ? ` · **top rules:** ${top.map((r) => `${mdCode(r.ruleId)} ${SEVERITY_MARK[r.severity]} ${r.samples} ${r.samples === 1 ? 'reply' : 'replies'}`).join(', ')}` : ''}`,
    '',
    ...renderGate(result, ctx),
    '',
    `Guide ${mdText(guide.version)} (${mdCode(guide.hash.slice(0, 8))}) · inputs: ${result.inputs.length > 0 ? result.inputs.map(mdCode).join(', ') : 'none'}  `,
    ...renderGrader(result, ctx),
    ...(summary.conversations ? ['', `**Conversations:** ${mdText(describeConversations(summary.conversations).replace(/^conversations: /, ''))}`] : []),
    ...(summary.unstable !== undefined ? ['', `**Unstable:** ${summary.unstable} replies whose verdict flipped across \`--repeat\` judgements (flip rate ${formatPercent(summary.flipRate ?? 0)})`] : []),
  ];
  return out;
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
    lines[0] += '  ';
    lines.push(
      `**API:** ${usage.calls} calls, ${usage.cachedResults} from the result cache · ${usage.inputTokens} input tokens ` +
        `(${usage.cacheReadInputTokens} cache reads) · ${usage.outputTokens} output tokens · $${usage.costUsd.toFixed(4)}`,
    );
  }
  return lines;
}

/** Every reason the gate failed, its notes, suppressions and skipped input, as a list under the headline. */
function renderGate(result: AuditResult, ctx: ReportContext): string[] {
  const { gate, inputProblems } = result;
  const out: string[] = [];
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
  if (out.length === 0) out.push('- ✅ No gate condition failed.');
  return out;
}

function renderRuleTable(summary: AuditSummary): string[] {
  const matched = summary.rules
    .filter((r) => r.findings > 0)
    .sort((a, b) => b.samples - a.samples || b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const silent = summary.rules.filter((r) => r.findings === 0);
  const out: string[] = [];
  const parts: string[] = [];
  if (matched.length > 0) {
    const share = (r: RuleSummary) => (summary.samples === 0 ? '–' : formatPercent(r.samples / summary.samples));
    parts.push(
      mdTable(
        ['Rule', 'Kind', 'Severity', 'Findings', 'Samples', 'Share of samples'],
        matched.map((r) => [mdCell(r.ruleId), mdCell(r.kind), `${SEVERITY_MARK[r.severity]} ${r.severity}`, String(r.findings), String(r.samples), share(r)]),
        ['l', 'l', 'l', 'r', 'r', 'r'],
      ),
    );
  } else parts.push('No rule matched anything.');
  if (silent.length > 0) {
    parts.push(`Rules that matched nothing: ${silent.map((r) => (r.kind === 'judge' ? `${mdCode(r.ruleId)} (judge: needs a grader)` : mdCode(r.ruleId))).join(', ')}`);
  }
  out.push('### Rules', '', mdDetails(htmlText(`${matched.length} of ${summary.rules.length} rules matched`), parts.join('\n\n')), '');
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

/** Blocks in order while they fit in `budget` characters, and how many did not. */
function fitBlocks(blocks: readonly string[], budget: number): { kept: string[]; left: number } {
  const kept: string[] = [];
  let used = 0;
  for (const block of blocks) {
    if (used + block.length + 1 > budget) break;
    kept.push(block);
    used += block.length + 1;
  }
  return { kept, left: blocks.length - kept.length };
}

const leftOut = (left: number, what: string) =>
  `_${left} more of the worst ${what} are left out to keep this under GitHub's 65,536-character limit; the HTML and JSON reports have them all._`;

/**
 * The worst drifting conversations (each as its thread) and the worst drifting single replies, as
 * many as fit in `budget` characters; a conversation's turns are shown in its thread, not again alone.
 */
function renderWorst(result: AuditResult, budget: number): string[] {
  const { threads, replies } = threadsOf(result.samples);
  const worstThreads = selectWorstThreads(threads, MAX_WORST_REPLIES);
  const worstReplies = selectWorstReplies(replies, MAX_WORST_REPLIES);
  const out: string[] = [];
  // Conversations first when there are any: they are the unit a reviewer follows.
  const threadBudget = worstReplies.length > 0 ? budget / 2 : budget;
  const shownThreads = fitBlocks(worstThreads.map((t) => `${renderThread(t)}\n`), threadBudget);
  if (worstThreads.length > 0) {
    const drifting = result.summary.conversations?.drifting ?? worstThreads.length;
    const of = drifting > shownThreads.kept.length ? ` (${shownThreads.kept.length} worst of ${drifting})` : '';
    out.push(`### Drifting conversations${of}`, '', ...shownThreads.kept);
    if (shownThreads.left > 0) out.push(leftOut(shownThreads.left, 'conversations'), '');
  }
  const used = out.join('\n').length;
  const shownReplies = fitBlocks(worstReplies.map((sample) => `${renderReply(sample)}\n`), budget - used);
  if (worstReplies.length > 0) {
    const drifting = replies.filter((r) => r.verdict === 'drift').length;
    const of = drifting > shownReplies.kept.length ? ` (${shownReplies.kept.length} worst of ${drifting})` : '';
    out.push(`### Drifting replies${of}`, '', ...shownReplies.kept);
    if (shownReplies.left > 0) out.push(leftOut(shownReplies.left, 'replies'), '');
  }
  return out;
}

/** The whole Markdown document (see {@link markdown}), kept under {@link MAX_MARKDOWN_CHARS}. */
export function renderMarkdownReport(result: AuditResult, ctx: ReportContext): string {
  const head = [...renderHeadline(result, ctx), ''];
  if (ctx.comparison) head.push(renderComparisonMarkdown(ctx.comparison, { changelog: ctx.changelog, headingLevel: 3 }));
  if (ctx.trend && ctx.trend.length >= 2) head.push(renderTrendMarkdown(ctx.trend, { headingLevel: 3 }));
  const ungraded = renderUngraded(result.samples, MAX_LISTED, 3);
  const tail = [...(ungraded ? [ungraded] : []), ...renderRuleTable(result.summary)];
  const fixed = head.join('\n').length + tail.join('\n').length;
  const out = [...head, ...renderWorst(result, Math.max(0, MAX_MARKDOWN_CHARS - fixed - 400)), ...tail];
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * GitHub-flavoured Markdown for a PR comment or `$GITHUB_STEP_SUMMARY`: the gate verdict and the
 * headline numbers (drift rate, findings, top rules) with every gate reason, the guide and grader,
 * the baseline comparison when there is one, the worst drifting conversations (as threads) and
 * replies as collapsed `<details>` blocks (reply ↔ rewrite word diff inside), then the rule table (collapsed) and dimensions. The worst replies need every
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

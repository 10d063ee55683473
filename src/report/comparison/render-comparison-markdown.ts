import type { AuditComparison, ConversationChanges, DimensionChange, FindingRef, MeanEstimate, PairedSamples, RateChange, TrendPoint } from '../../diff/index.js';
import type { ChangelogEntry } from '../../types.js';
import { describeFinding } from '../describe-finding.js';
import { mdCell, mdCode, mdTable, mdText } from '../markdown-syntax.js';
import { capList, describeGrader, describePatternChange, describePresence, selectDimensionRows, selectRuleRows } from './comparison-rows.js';
import {
  classifyChange,
  describeOutcome,
  describeTest,
  formatPointChange,
  formatRate,
  type ChangeOutcome,
  type TestedChange,
} from './describe-change.js';
import { formatPercent, formatSigned } from '../format-numbers.js';
import { renderTrendMarkdown } from './render-trend-markdown.js';

export interface ComparisonMarkdownOptions {
  /** Guide changelog entries between the two guide versions (see `changelogBetween`). */
  changelog?: readonly ChangelogEntry[];
  /** A series of audits to show as a trend table (shown when it has at least two points). */
  trend?: readonly TrendPoint[];
  /** Level of the section heading (default 2); subsections go one deeper. */
  headingLevel?: number;
  /** Most sample ids / findings listed per group before "and N more" (default 20). */
  maxListed?: number;
}

const MARK: Record<ChangeOutcome, string> = { regression: '❌', improvement: '✅', 'not-significant': '➖', 'too-small': '❔' };

/**
 * A baseline comparison (`tone-audit diff`, or `--baseline` in the Markdown report) as GitHub
 * Markdown: what was compared, warnings, guide changes, the drift rate with its interval and test,
 * rule and dimension tables, and (paired) which samples newly drift or were fixed. Pure.
 */
export function renderComparisonMarkdown(comparison: AuditComparison, options: ComparisonMarkdownOptions = {}): string {
  const level = Math.min(Math.max(options.headingLevel ?? 2, 1), 5);
  const h = '#'.repeat(level);
  const sub = `${h}#`;
  const max = options.maxListed ?? 20;
  const { base, head } = comparison;
  const out: string[] = [`${h} Compared with the baseline`, ''];

  out.push(
    mdTable(
      ['', 'Base', 'Head'],
      [
        ['Audit', mdCell(base.label), mdCell(head.label)],
        ['Guide', mdCell(`${base.guideVersion} (${base.guideHash.slice(0, 8)})`), mdCell(`${head.guideVersion} (${head.guideHash.slice(0, 8)})`)],
        ['Grader', mdCell(describeGrader(base)), mdCell(describeGrader(head))],
        ['Samples', String(base.samples), String(head.samples)],
      ],
    ),
    '',
    `**Mode:** ${comparison.mode} — ${mdText(comparison.modeReason)}`,
    '',
  );
  for (const warning of comparison.warnings) out.push(`> ⚠️ ${mdText(warning.message)}`, '');

  if (options.changelog && options.changelog.length > 0) {
    out.push(`${sub} Guide changes since the baseline`, '');
    for (const entry of options.changelog) out.push(`- **${mdText(entry.version)}**${entry.date ? ` (${mdText(entry.date)})` : ''} — ${mdText(entry.note)}`);
    out.push('');
  }

  out.push(`${sub} Drift rate`, '', renderDrift(comparison.drift), '');
  out.push(...renderRules(comparison, sub), ...renderDimensions(selectDimensionRows(comparison), sub));
  if (comparison.samples) out.push(...renderPairedSamples(comparison, sub, max));
  if (comparison.findings) out.push(...renderFindingChanges(comparison.findings.new, comparison.findings.resolved.length, comparison.findings.unchanged, sub, max));
  if (comparison.conversations) out.push(...renderConversations(comparison.conversations, sub, max));
  if (options.trend && options.trend.length >= 2) out.push(renderTrendMarkdown(options.trend, { headingLevel: level + 1 }), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function renderDrift(drift: RateChange): string {
  const outcome = classifyChange(drift);
  return (
    `${MARK[outcome]} **${formatRate(drift.base)} → ${formatRate(drift.head)}**, ${formatPointChange(drift.change)}: ` +
    `${mdText(describeOutcome(drift))} — ${describeTest(drift)}.`
  );
}

function outcomeCell(change: TestedChange, presentIn: 'both' | 'base' | 'head', higherIsBetter = false): string {
  const presence = describePresence(presentIn);
  if (presence) return presence;
  return `${MARK[classifyChange(change, higherIsBetter)]} ${mdCell(describeOutcome(change, higherIsBetter))}`;
}

function renderRules(comparison: AuditComparison, sub: string): string[] {
  const { rows, silent } = selectRuleRows(comparison);
  const out = [`${sub} Rules`, ''];
  if (rows.length === 0) return [...out, 'No rule matched anything in either audit.', ''];
  out.push(
    mdTable(
      ['Rule', 'Severity', 'Base', 'Head', 'Change', 'Outcome'],
      rows.map((r) => [
        mdCell(r.ruleId),
        r.severity,
        `${formatPercent(r.base.rate)} (${r.base.count}/${r.base.n}) · ${r.baseFindings} findings`,
        `${formatPercent(r.head.rate)} (${r.head.count}/${r.head.n}) · ${r.headFindings} findings`,
        `${formatPointChange(r.change)} · ${formatSigned(r.findingsChange, 0)} findings`,
        outcomeCell(r, r.presentIn),
      ]),
    ),
    '',
  );
  if (silent > 0) out.push(`${silent} other rule(s) matched nothing in either audit.`, '');
  return out;
}

function mean(estimate: MeanEstimate): string {
  return estimate.n === 0 ? '– (n=0)' : `${estimate.mean.toFixed(2)} (n=${estimate.n})`;
}

function renderDimensions(rows: readonly DimensionChange[], sub: string): string[] {
  if (rows.length === 0) return [];
  const showBelowMin = rows.some((d) => d.belowMin !== undefined);
  const headers = ['Dimension', 'Base mean', 'Head mean', 'Change', 'Outcome', ...(showBelowMin ? ['Below min (base → head)'] : [])];
  const table = mdTable(
    headers,
    rows.map((d) => [
      mdCell(d.id),
      mean(d.base),
      mean(d.head),
      formatSigned(d.change, 2),
      outcomeCell(d, d.presentIn, true),
      ...(showBelowMin ? [d.belowMin ? `${formatPercent(d.belowMin.base.rate)} → ${formatPercent(d.belowMin.head.rate)} ${MARK[classifyChange(d.belowMin)]}` : '–'] : []),
    ]),
  );
  return [`${sub} Dimensions`, '', 'Mean score on the guide’s 1–5 scale; higher is better.', '', table, ''];
}

function idList(ids: readonly string[], max: number): string {
  const { shown, more } = capList(ids, max);
  return shown.map(mdCode).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function renderPairedSamples(comparison: AuditComparison, sub: string, max: number): string[] {
  return [`${sub} Samples`, '', ...listPaired(comparison.samples!, 'samples', max), ''];
}

/** The paired lists, for samples or for conversations (`unit`). */
function listPaired(s: PairedSamples, unit: string, max: number): string[] {
  const out: string[] = [];
  out.push(`- ❌ **Newly drifting (${s.newlyDrifting.length})**${s.newlyDrifting.length > 0 ? `: ${idList(s.newlyDrifting, max)}` : ''}`);
  out.push(`- ✅ **Fixed (${s.fixed.length})**${s.fixed.length > 0 ? `: ${idList(s.fixed, max)}` : ''}`);
  out.push(
    `- ${s.shared} ${unit} in both audits: ${s.stillDrifting.length} still drifting, ${s.stillPassing.length} still passing, ` +
      `${s.ungraded.length} ungraded in either audit (nothing can be concluded about those).`,
  );
  if (s.onlyInBase.length > 0) out.push(`- Only in the base audit (${s.onlyInBase.length}): ${idList(s.onlyInBase, max)}`);
  if (s.onlyInHead.length > 0) out.push(`- Only in the head audit (${s.onlyInHead.length}): ${idList(s.onlyInHead, max)}`);
  return out;
}

function renderConversations(changes: ConversationChanges, sub: string, max: number): string[] {
  const out = [`${sub} Conversations`, '', `**Mode:** ${changes.mode} — ${mdText(changes.modeReason)}`, '', `Conversation drift rate: ${renderDrift(changes.drift)}`, ''];
  if (changes.conversations) out.push(...listPaired(changes.conversations, 'conversations', max), '');
  const patterns = changes.patterns ?? [];
  if (patterns.length > 0) {
    out.push(mdTable(['Conversation', 'Patterns changed'], patterns.slice(0, max).map((p) => [mdCell(p.id), mdCell(describePatternChange(p))])), '');
    if (patterns.length > max) out.push(`…and ${patterns.length - max} more conversations whose patterns changed.`, '');
  }
  return out;
}

function renderFindingChanges(added: readonly FindingRef[], resolved: number, unchanged: number, sub: string, max: number): string[] {
  const out = [`${sub} Findings`, '', `${added.length} new · ${resolved} resolved · ${unchanged} unchanged (matched by sample, rule and matched text).`, ''];
  if (added.length === 0) return out;
  out.push(
    mdTable(
      ['Sample', 'Rule', 'Severity', 'New finding'],
      added.slice(0, max).map((f) => [mdCell(f.sampleId), mdCell(f.ruleId), f.severity, mdCell(describeFinding(f))]),
    ),
    '',
  );
  const more = added.length - max;
  if (more > 0) out.push(`…and ${more} more new findings.`, '');
  return out;
}

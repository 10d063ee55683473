import { Chalk, type ChalkInstance } from 'chalk';
import type { AuditComparison, AuditIdentity, ConversationChanges, DimensionChange, PairedSamples, RateChange, TrendPoint } from '../../diff/index.js';
import type { ChangelogEntry } from '../../types.js';
import { describeFinding } from '../describe-finding.js';
import { escapeTerminal, truncate } from '../escape.js';
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
import { renderTrendTerminal } from './render-trend-terminal.js';

export interface ComparisonTerminalOptions {
  /** 0 = no colour … 3 = truecolor (chalk levels). */
  colorLevel: 0 | 1 | 2 | 3;
  changelog?: readonly ChangelogEntry[];
  /** Shown as a trend table when it has at least two points. */
  trend?: readonly TrendPoint[];
  /** Most sample ids / findings listed per group before "and N more" (default 20). */
  maxListed?: number;
}

/** Red for regressions, green for improvements, dim when not significant, yellow when there is too little data. */
function tone(c: ChalkInstance, outcome: ChangeOutcome): ChalkInstance {
  switch (outcome) {
    case 'regression':
      return c.red;
    case 'improvement':
      return c.green;
    case 'too-small':
      return c.yellow;
    default:
      return c.dim;
  }
}

/**
 * A baseline comparison for a terminal: what was compared and any warnings, guide changes, the
 * drift rate with its interval and test, rule and dimension changes, and (paired) which samples
 * newly drift or were fixed. Every string from the audits is escaped for the terminal. Pure.
 */
export function renderComparisonTerminal(comparison: AuditComparison, options: ComparisonTerminalOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const max = options.maxListed ?? 20;
  const out: string[] = [c.bold('Compared with the baseline')];
  out.push(`  ${c.dim('base')}  ${describeIdentity(comparison.base)}`, `  ${c.dim('head')}  ${describeIdentity(comparison.head)}`);
  out.push(`  ${c.dim('mode')}  ${comparison.mode} — ${escapeTerminal(comparison.modeReason)}`);
  for (const warning of comparison.warnings) out.push(c.yellow(`  ⚠ ${escapeTerminal(warning.message)}`));

  if (options.changelog && options.changelog.length > 0) {
    out.push('', c.bold('Guide changes since the baseline'));
    for (const entry of options.changelog) {
      out.push(`  ${c.bold(escapeTerminal(entry.version))}${entry.date ? c.dim(` (${escapeTerminal(entry.date)})`) : ''}  ${escapeTerminal(entry.note)}`);
    }
  }

  out.push('', ...renderDrift(comparison.drift, c), '', ...renderRules(comparison, c), ...renderDimensions(selectDimensionRows(comparison), c));
  if (comparison.samples) out.push(...renderPaired(comparison, c, max));
  if (comparison.conversations) out.push(...renderConversations(comparison.conversations, c, max));
  if (options.trend && options.trend.length >= 2) out.push('', renderTrendTerminal(options.trend, { colorLevel: options.colorLevel }).trimEnd());
  return `${out.join('\n')}\n`;
}

function describeIdentity(identity: AuditIdentity): string {
  return escapeTerminal(
    `${identity.label} · guide ${identity.guideVersion} (${identity.guideHash.slice(0, 8)}) · grader ${describeGrader(identity)} · ${identity.samples} samples`,
  );
}

function renderDrift(drift: RateChange, c: ChalkInstance, label = 'drift rate'): string[] {
  const outcome = classifyChange(drift);
  return [
    `${c.bold(label)}  ${formatRate(drift.base)} → ${formatRate(drift.head)}  ${formatPointChange(drift.change)}`,
    `${' '.repeat(label.length + 2)}${tone(c, outcome)(escapeTerminal(describeOutcome(drift)))} ${c.dim(`— ${describeTest(drift)}`)}`,
  ];
}

function outcomeText(change: TestedChange, presentIn: 'both' | 'base' | 'head', c: ChalkInstance, higherIsBetter = false): { text: string; paint: ChalkInstance } {
  const presence = describePresence(presentIn);
  if (presence) return { text: presence, paint: c.dim };
  return { text: escapeTerminal(describeOutcome(change, higherIsBetter)), paint: tone(c, classifyChange(change, higherIsBetter)) };
}

function table(headers: string[], rows: { cells: string[]; paint: ChalkInstance }[], c: ChalkInstance): string[] {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row.cells[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [c.bold(line(headers)), ...rows.map((row) => row.paint(line(row.cells)))];
}

function renderRules(comparison: AuditComparison, c: ChalkInstance): string[] {
  const { rows, silent } = selectRuleRows(comparison);
  if (rows.length === 0) return [c.dim('No rule matched anything in either audit.')];
  const lines = table(
    ['rule', 'severity', 'base', 'head', 'change', 'outcome'],
    rows.map((r) => {
      const outcome = outcomeText(r, r.presentIn, c);
      return {
        cells: [
          escapeTerminal(r.ruleId),
          r.severity,
          `${formatPercent(r.base.rate)} (${r.base.count}/${r.base.n})`,
          `${formatPercent(r.head.rate)} (${r.head.count}/${r.head.n})`,
          `${formatPointChange(r.change)}, ${formatSigned(r.findingsChange, 0)} findings`,
          outcome.text,
        ],
        paint: outcome.paint,
      };
    }),
    c,
  );
  if (silent > 0) lines.push(c.dim(`${silent} other rule(s) matched nothing in either audit.`));
  return lines;
}

function renderDimensions(rows: readonly DimensionChange[], c: ChalkInstance): string[] {
  if (rows.length === 0) return [];
  const mean = (e: { n: number; mean: number }) => (e.n === 0 ? '– (n=0)' : `${e.mean.toFixed(2)} (n=${e.n})`);
  return [
    '',
    ...table(
      ['dimension', 'base mean', 'head mean', 'change', 'outcome (1–5 scale, higher is better)'],
      rows.map((d) => {
        const outcome = outcomeText(d, d.presentIn, c, true);
        return { cells: [escapeTerminal(d.id), mean(d.base), mean(d.head), formatSigned(d.change, 2), outcome.text], paint: outcome.paint };
      }),
      c,
    ),
  ];
}

function idList(ids: readonly string[], max: number): string {
  const { shown, more } = capList(ids, max);
  return shown.map(escapeTerminal).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function renderPaired(comparison: AuditComparison, c: ChalkInstance, max: number): string[] {
  const out = ['', ...pairedLines(comparison.samples!, '', c, max)];
  const findings = comparison.findings;
  if (findings) {
    out.push('', `findings: ${c.red(`${findings.new.length} new`)} · ${c.green(`${findings.resolved.length} resolved`)} · ${findings.unchanged} unchanged`);
    for (const f of findings.new.slice(0, max)) {
      out.push(`  ${c.red('new')}  ${escapeTerminal(f.sampleId)}  ${c.dim(escapeTerminal(f.ruleId))}  ${escapeTerminal(truncate(describeFinding(f), 120))}`);
    }
    if (findings.new.length > max) out.push(c.dim(`  …and ${findings.new.length - max} more new findings`));
  }
  return out;
}

function renderConversations(changes: ConversationChanges, c: ChalkInstance, max: number): string[] {
  const out = ['', c.bold('Conversations'), c.dim(`  ${changes.mode} — ${escapeTerminal(changes.modeReason)}`), ...renderDrift(changes.drift, c, 'conversation drift rate')];
  if (!changes.conversations) return out;
  out.push(...pairedLines(changes.conversations, ' conversations', c, max));
  for (const change of (changes.patterns ?? []).slice(0, max)) {
    out.push(`  ${escapeTerminal(change.id)}  ${escapeTerminal(describePatternChange(change))}`);
  }
  const morePatterns = (changes.patterns?.length ?? 0) - max;
  if (morePatterns > 0) out.push(c.dim(`  …and ${morePatterns} more conversations whose patterns changed`));
  return out;
}

/**
 * The comparison in a few lines, for `audit --baseline` in the terminal: how it was paired, the drift
 * rate, which samples and conversations newly drift or were fixed, and the rules whose rate changed
 * significantly. `tone-audit diff` prints the whole comparison. Each line is one logical line for
 * the caller to wrap.
 */
export function renderComparisonBrief(comparison: AuditComparison, options: ComparisonTerminalOptions): string[] {
  const c = new Chalk({ level: options.colorLevel });
  const max = options.maxListed ?? 10;
  const out = [c.bold(`Against the baseline (${comparison.base.label})`), c.dim(`${comparison.mode}: ${escapeTerminal(comparison.modeReason)}`)];
  for (const warning of comparison.warnings) out.push(c.yellow(`⚠ ${escapeTerminal(warning.message)}`));
  out.push(briefRate('drift rate', comparison.drift, c));
  if (comparison.samples) out.push(...moveLines(comparison.samples, ' samples', c, max));
  const conversations = comparison.conversations;
  if (conversations) {
    out.push(briefRate('conversation drift rate', conversations.drift, c));
    if (conversations.conversations) out.push(...moveLines(conversations.conversations, ' conversations', c, max));
  }
  const moved = comparison.rules.filter((r) => r.significant && r.presentIn === 'both');
  for (const r of moved) {
    out.push(tone(c, classifyChange(r))(`rule ${escapeTerminal(r.ruleId)}: ${formatPercent(r.base.rate)} → ${formatPercent(r.head.rate)} ${formatPointChange(r.change)}, ${escapeTerminal(describeOutcome(r))}`));
  }
  out.push(c.dim('tone-audit diff <baseline.json> <this audit.json> prints the whole comparison.'));
  return out;
}

function briefRate(label: string, rate: RateChange, c: ChalkInstance): string {
  const paintOutcome = tone(c, classifyChange(rate));
  return `${label} ${formatPercent(rate.base.rate)} (${rate.base.count}/${rate.base.n}) → ${formatPercent(rate.head.rate)} (${rate.head.count}/${rate.head.n}) ${formatPointChange(rate.change)}, ${paintOutcome(escapeTerminal(describeOutcome(rate)))}`;
}

/** Newly drifting and fixed ids; `unit` (" conversations", or "") follows the words. */
function moveLines(s: PairedSamples, unit: string, c: ChalkInstance, max: number): string[] {
  return [
    s.newlyDrifting.length > 0 ? c.red(`newly drifting${unit} (${s.newlyDrifting.length}): ${idList(s.newlyDrifting, max)}`) : c.dim(`newly drifting${unit}: none`),
    s.fixed.length > 0 ? c.green(`fixed${unit} (${s.fixed.length}): ${idList(s.fixed, max)}`) : c.dim(`fixed${unit}: none`),
  ];
}

/** The paired lists in full: moves, what stayed, and ids in one audit only. */
function pairedLines(s: PairedSamples, unit: string, c: ChalkInstance, max: number): string[] {
  const out = [
    ...moveLines(s, unit, c, max),
    c.dim(`${s.shared} in both audits: ${s.stillDrifting.length} still drifting, ${s.stillPassing.length} still passing, ${s.ungraded.length} ungraded in either audit`),
  ];
  if (s.onlyInBase.length > 0) out.push(c.dim(`only in the base audit (${s.onlyInBase.length}): ${idList(s.onlyInBase, max)}`));
  if (s.onlyInHead.length > 0) out.push(c.dim(`only in the head audit (${s.onlyInHead.length}): ${idList(s.onlyInHead, max)}`));
  return out;
}

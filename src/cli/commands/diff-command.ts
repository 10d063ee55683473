import path from 'node:path';
import { UsageError } from '../../errors.js';
import { changelogBetween, compareAudits, trend, type AuditComparison, type TrendPoint } from '../../diff/index.js';
import { evaluateGate, type GateOptions } from '../../findings/evaluate-gate.js';
import { readStyleGuide } from '../../load/styleguide/index.js';
import { renderComparisonMarkdown, renderComparisonTerminal, renderTrendMarkdown, renderTrendTerminal } from '../../report/comparison/index.js';
import type { ChangelogEntry } from '../../types.js';
import type { Io } from '../io.js';
import { openOutputFile } from '../output-file.js';
import { readAuditFile } from '../read-audit-file.js';
import { displayPath } from '../display-path.js';
import { detectColorLevel } from '../terminal-support.js';

/**
 * `tone-audit diff base.json head.json [more.json…]`: the last two audits compared (paired when they
 * share sample ids, else as independent samples with confidence intervals and significance tests),
 * plus a trend when three or more are given. Exit 1 only when a threshold flag is given and fails.
 */
export async function runDiffCommand(files: string[], flags: Record<string, unknown>, io: Io): Promise<number> {
  if (files.length < 2) throw new UsageError('diff needs at least two audit files (base then head)', { hint: 'tone-audit diff baseline.json audit.json' });
  // Read in parallel, but report the first bad file in argument order, so the error is deterministic.
  const settled = await Promise.allSettled(files.map((file) => readAuditFile(path.resolve(io.cwd, file))));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const audits = settled.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof readAuditFile>>>).value);
  const base = audits.at(-2)!;
  const head = audits.at(-1)!;
  const labels = auditLabels(files.at(-2)!, files.at(-1)!, io.cwd);
  const mode = (flags.mode as 'auto' | 'paired' | 'unpaired' | undefined) ?? 'auto';
  const comparison: AuditComparison = compareAudits(base, head, { mode, labels });
  const points: TrendPoint[] | undefined = audits.length > 2 ? trend(audits) : undefined;
  let changelog: ChangelogEntry[] | undefined;
  if (typeof flags.guide === 'string') {
    const guide = await readStyleGuide(path.resolve(io.cwd, flags.guide));
    changelog = changelogBetween(guide.changelog, base.guide.version, head.guide.version);
  }

  const gateOptions: GateOptions = {
    failOn: 'none',
    maxUngraded: Number.MAX_SAFE_INTEGER,
    ...(flags.maxDriftRate !== undefined ? { maxDriftRate: flags.maxDriftRate as number } : {}),
    ...(flags.maxNewlyDrifting !== undefined ? { maxNewlyDrifting: flags.maxNewlyDrifting as number } : {}),
    ...(flags.maxNewlyDriftingConversations !== undefined ? { maxNewlyDriftingConversations: flags.maxNewlyDriftingConversations as number } : {}),
    ...(flags.onlySignificantRegressions === true ? { onlySignificantRegressions: true } : {}),
  };
  const gated = flags.maxDriftRate !== undefined || flags.maxNewlyDrifting !== undefined || flags.maxNewlyDriftingConversations !== undefined;
  const gate = gated ? evaluateGate({ summary: head.summary, samples: head.samples, comparison }, gateOptions) : undefined;

  const format = (flags.format as string | undefined) ?? 'terminal';
  let text: string;
  // Trend points for charts need at least two audits; with exactly two the comparison covers it.
  const chartTrend = points ?? (format === 'html' ? trend(audits) : undefined);
  if (format === 'html') {
    // The head audit's full report, with the comparison and (for 3+ audits) the trend charts.
    const { renderHtmlReport } = await import('../../report/html.js');
    text = renderHtmlReport(head, {
      colorLevel: 0,
      showPassing: false,
      comparison,
      ...(chartTrend ? { trend: chartTrend } : {}),
      ...(changelog ? { changelog } : {}),
      ...(gate ? { gateNotes: gate.notes } : {}),
    });
  } else if (format === 'json') {
    text = `${JSON.stringify({ comparison, ...(points ? { trend: points } : {}), ...(changelog ? { changelog } : {}), ...(gate ? { gate } : {}) }, null, 2)}\n`;
  } else if (format === 'markdown') {
    text = (points ? renderTrendMarkdown(points) + '\n' : '') + renderComparisonMarkdown(comparison, { ...(changelog ? { changelog } : {}) });
    if (gate) text += `\n**Gate:** ${gate.passed ? '✅ passed' : '❌ failed'}\n${gate.reasons.map((r) => `- ${r}`).join('\n')}\n`;
  } else {
    const colorLevel = typeof flags.output === 'string' ? 0 : detectColorLevel(io.stdout, io.env, flags.color as boolean | undefined);
    text = (points ? renderTrendTerminal(points, { colorLevel }) + '\n' : '') + renderComparisonTerminal(comparison, { colorLevel, ...(changelog ? { changelog } : {}) });
    if (gate) text += `\ngate: ${gate.passed ? 'passed' : 'FAILED'}\n${gate.reasons.map((r) => `  - ${r}`).join('\n')}\n`;
  }
  if (typeof flags.output === 'string') {
    const writer = await openOutputFile(path.resolve(io.cwd, flags.output));
    await writer.write(text);
    await writer.close();
  } else io.stdout.write(text);
  return gate && !gate.passed ? 1 : 0;
}

/**
 * How the two audits are named in the comparison: their file names, or — when those are the same,
 * as in README's `q3/tone-audit.json` vs `q4/tone-audit.json` — their paths from where diff ran.
 */
export function auditLabels(base: string, head: string, cwd: string): { base: string; head: string } {
  const names = { base: path.basename(base), head: path.basename(head) };
  if (names.base !== names.head) return names;
  return { base: displayPath(cwd, path.resolve(cwd, base)), head: displayPath(cwd, path.resolve(cwd, head)) };
}

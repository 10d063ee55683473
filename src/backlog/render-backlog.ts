import { escapeTerminal, truncate } from '../report/escape.js';
import { BACKLOG_STATUSES, type BacklogItem } from './backlog-item.js';
import type { BacklogStats } from './review-backlog.js';
import { serializeBacklogItem } from './serialize-backlog-item.js';

/** Characters of the id shown in tables; any unique prefix works on the command line. */
const SHORT_ID = 10;

/** A plain-text table of items for the terminal (bot text escaped and truncated). */
export function renderBacklogTable(items: readonly BacklogItem[]): string {
  if (items.length === 0) return 'no items\n';
  const rows = items.map((item) => [
    item.id.slice(0, SHORT_ID),
    item.status,
    String(item.timesSeen),
    item.rewriteSource ?? '-',
    truncate([...new Set(item.findings.map((f) => f.ruleId))].join(',') || '-', 28),
    escapeTerminal(truncate(item.original, 60)),
  ]);
  const header = ['ID', 'STATUS', 'SEEN', 'REWRITE', 'RULES', 'ORIGINAL'];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => row[col]!.length)));
  const line = (cells: string[]) => `${cells.map((cell, col) => (col === cells.length - 1 ? cell : cell.padEnd(widths[col]!))).join('  ')}\n`;
  return `${line(header)}${rows.map(line).join('')}${items.length} item(s)\n`;
}

/** Items as a JSON array, each with the file's key order. */
export function renderBacklogJson(items: readonly BacklogItem[]): string {
  return `[${items.map((item) => `\n  ${serializeBacklogItem(item)}`).join(',')}${items.length > 0 ? '\n' : ''}]\n`;
}

/** Everything about one item, for `backlog show`. */
export function renderBacklogItem(item: BacklogItem): string {
  const out: string[] = [];
  const text = (s: string) => escapeTerminal(s).replace(/\n/g, '\n    ');
  out.push(`id:        ${item.id}`);
  out.push(`status:    ${item.status}${item.notes ? ` — ${escapeTerminal(item.notes)}` : ''}`);
  if (item.review) {
    const parts = [item.review.by && `by ${item.review.by}`, item.review.at && `at ${item.review.at}`, item.review.reason && `: ${item.review.reason}`].filter(Boolean);
    out.push(`review:    ${escapeTerminal(parts.join(' '))}`);
  }
  out.push(`guide:     ${item.guideVersion}   grader: ${item.grader.kind}${item.grader.model ? ` (${item.grader.model})` : ''}`);
  out.push(`seen:      ${item.timesSeen}× — first ${describeMark(item.firstSeen)}, last ${describeMark(item.lastSeen)}`);
  out.push(`samples:   ${escapeTerminal(item.sampleIds.join(', '))}`);
  if (item.scores) out.push(`scores:    ${Object.entries(item.scores).map(([d, s]) => `${d}=${s}`).join('  ')}${item.drift ? `   (${item.drift})` : ''}`);
  if (item.transcript) {
    out.push('transcript:');
    for (const turn of item.transcript) out.push(`  ${turn.role}: ${text(turn.text)}`);
  } else out.push(`customer:\n    ${text(item.customer || '(none)')}`);
  out.push(`original:\n    ${text(item.original)}`);
  out.push(`rewrite (${item.rewriteSource ?? 'none'}):\n    ${item.rewrite === undefined ? '(none)' : text(item.rewrite)}`);
  out.push('findings:');
  for (const f of item.findings) out.push(`  ${f.severity.padEnd(7)} ${f.ruleId}: ${escapeTerminal(f.message)}${f.match !== undefined ? ` ${escapeTerminal(JSON.stringify(f.match))}` : ''}`);
  if (item.findings.length === 0) out.push('  (none)');
  return `${out.join('\n')}\n`;
}

function describeMark(mark: { audit: string; at?: string }): string {
  return `${escapeTerminal(mark.audit)}${mark.at ? ` (${mark.at})` : ''}`;
}

export function renderBacklogStats(stats: BacklogStats): string {
  const out = [`${stats.total} item(s)`, '', 'by status:'];
  for (const status of BACKLOG_STATUSES) out.push(`  ${status.padEnd(13)} ${stats.byStatus[status]}`);
  out.push('', 'by rule (items):');
  for (const { ruleId, items } of stats.byRule) out.push(`  ${ruleId.padEnd(28)} ${items}`);
  if (stats.byRule.length === 0) out.push('  (none)');
  out.push('', 'by guide version (items):');
  for (const { version, items } of stats.byGuideVersion) out.push(`  ${version.padEnd(13)} ${items}`);
  if (stats.byGuideVersion.length === 0) out.push('  (none)');
  return `${out.join('\n')}\n`;
}

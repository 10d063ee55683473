import { stringify } from 'csv-stringify/sync';
import type { BacklogItem } from './backlog-item.js';
import type { BacklogExport } from './export-conversation.js';

export const CSV_COLUMNS = ['id', 'status', 'rules', 'customer', 'original', 'rewrite', 'scores', 'guide_version', 'times_seen'] as const;

/**
 * A spreadsheet for review: one row per item. `rules` lists the distinct rule ids (`; `-separated),
 * `scores` reads `dimension=score; …`. Cells that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`…) are prefixed with `'`: bot text is untrusted.
 */
export function exportCsv(items: readonly BacklogItem[]): BacklogExport {
  const rows = items.map((item) => [
    item.id,
    item.status,
    [...new Set(item.findings.map((f) => f.ruleId))].join('; '),
    item.customer,
    item.original,
    item.rewrite ?? '',
    Object.entries(item.scores ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([dimension, score]) => `${dimension}=${score}`)
      .join('; '),
    item.guideVersion,
    String(item.timesSeen),
  ]);
  const text = stringify(rows, { header: true, columns: [...CSV_COLUMNS], escape_formulas: true });
  return { text, exported: rows.length, skipped: [] };
}

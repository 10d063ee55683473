import type { BacklogItem } from './backlog-item.js';
import type { BacklogExport } from './export-conversation.js';
import { exportBedrock } from './export-bedrock.js';
import { exportCsv } from './export-csv.js';
import { exportDpo } from './export-dpo.js';
import { exportOpenAi } from './export-openai.js';

/** What an exporter may need beyond the items: the guide's voice summary for chat formats' system prompt. */
export interface ExportContext {
  system: string;
}

export interface BacklogExporter {
  run(items: readonly BacklogItem[], context: ExportContext): BacklogExport;
  /** True when the exporter uses the style guide (so the CLI loads it only then). */
  needsGuide: boolean;
  extension: string;
}

/** `backlog export --format` choices come from these keys. */
export const BACKLOG_EXPORTERS = {
  bedrock: { run: exportBedrock, needsGuide: true, extension: 'jsonl' },
  openai: { run: exportOpenAi, needsGuide: true, extension: 'jsonl' },
  dpo: { run: (items) => exportDpo(items), needsGuide: false, extension: 'jsonl' },
  csv: { run: (items) => exportCsv(items), needsGuide: false, extension: 'csv' },
} satisfies Record<string, BacklogExporter>;

export type BacklogExportFormat = keyof typeof BACKLOG_EXPORTERS;

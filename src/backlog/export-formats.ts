import type { BacklogItem } from './backlog-item.js';
import type { BacklogExport } from './export-conversation.js';
import { exportBedrock } from './export-bedrock.js';
import { exportCsv } from './export-csv.js';
import { exportDpo } from './export-dpo.js';
import { exportOpenAi } from './export-openai.js';
import { exportOpenAiDpo } from './export-openai-dpo.js';

/** What an exporter may need beyond the items: the guide's voice summary for chat formats' system prompt. */
export interface ExportContext {
  system: string;
}

export interface BacklogExporter {
  run(items: readonly BacklogItem[], context: ExportContext): BacklogExport;
  /** True when the exporter uses the style guide's voice summary. */
  needsGuide: boolean;
  /** A fine-tuning format: every target must pass the guide's rules, or the export is refused. */
  training: boolean;
  extension: string;
}

/** `backlog export --format` choices come from these keys. */
export const BACKLOG_EXPORTERS = {
  bedrock: { run: exportBedrock, needsGuide: true, training: true, extension: 'jsonl' },
  openai: { run: exportOpenAi, needsGuide: true, training: true, extension: 'jsonl' },
  'openai-dpo': { run: exportOpenAiDpo, needsGuide: true, training: true, extension: 'jsonl' },
  dpo: { run: (items) => exportDpo(items), needsGuide: false, training: true, extension: 'jsonl' },
  csv: { run: (items) => exportCsv(items), needsGuide: false, training: false, extension: 'csv' },
} satisfies Record<string, BacklogExporter>;

export type BacklogExportFormat = keyof typeof BACKLOG_EXPORTERS;

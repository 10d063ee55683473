import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import type { ReportFormat } from './format-names.js';
import type { Reporter } from './reporter.js';
import { terminal } from './terminal.js';

/** Every output format; `--format` choices come from these keys. Adding a format = one file + one entry. */
export const REPORTERS: Record<ReportFormat, Reporter> = { terminal, json, html, markdown, junit, github };

export type { ReportFormat };

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTERS, name);
}

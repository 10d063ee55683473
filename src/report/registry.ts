import { json } from './json.js';
import type { Reporter } from './reporter.js';
import { terminal } from './terminal.js';

/** Every output format; `--format` choices come from these keys. Adding a format = one file + one entry. */
export const REPORTERS = { terminal, json } satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTERS, name);
}

/**
 * The `--format` names, kept apart from the reporters so `--help` can list them without loading
 * every reporter. `registry.ts` must map exactly these names (the type checker enforces it).
 */
export const REPORT_FORMATS = ['terminal', 'json', 'html', 'markdown', 'junit', 'github'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Formats written once from the whole result (their reporters set `needsAllSamples`): an audit
 * with one of them keeps every sample in memory. Listed here so deciding it loads no reporter.
 */
export const WHOLE_DOCUMENT_FORMATS = ['html', 'markdown', 'junit', 'github'] as const satisfies readonly ReportFormat[];

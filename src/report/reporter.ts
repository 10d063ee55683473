import type { AuditComparison, TrendPoint } from '../diff/index.js';
import type { AuditHeader, AuditResult, AuditSummary, ChangelogEntry, GateResult, Problem, SampleResult } from '../types.js';

/** What is known once every sample has been judged. */
export interface AuditFooter {
  inputProblems: Problem[];
  summary: AuditSummary;
  gate: GateResult;
}

/** Rendering options a reporter may honour; reporters never read env, clock or files themselves. */
export interface ReportContext {
  /** 0 = no colour, 1 = 16 colours, 2 = 256, 3 = truecolor (chalk levels). */
  colorLevel: 0 | 1 | 2 | 3;
  /** Show passing samples too (terminal). */
  showPassing: boolean;
  /** Terminal: columns to wrap lines at (words move whole); undefined = no wrapping. */
  width?: number;
  /** Terminal: list no replies, only the summary and the gate (`--quiet`). */
  quiet?: boolean;
  /** Terminal: most replies listed (`--show <n>`); undefined = all. A line says how many more there are. */
  showLimit?: number;
  /** One reply (`check`): skip the per-rule and per-dimension tables. */
  compact?: boolean;
  /** Why the grader in use was chosen, shown to the reader (e.g. "no ANTHROPIC_API_KEY: offline heuristic grader"). */
  graderNote?: string;
  /** This audit against `--baseline`, when one was given (shown by reporters that can). */
  comparison?: AuditComparison;
  /** Earlier audits then this one, oldest first, for trend charts. */
  trend?: TrendPoint[];
  /** Guide changelog entries between the baseline's guide version and this one. */
  changelog?: ChangelogEntry[];
  /** Notes from the gate: checks that were waived and why. */
  gateNotes?: string[];
  /** Findings removed by the accepted-findings (suppressions) file, and entries that are unused or expired. */
  suppressions?: { file: string; suppressed: number; unused: string[]; expired: string[] };
}

/**
 * A reporter renders strings from plain data, in three parts so an audit of a million samples can be
 * written as it runs. Formats that need the whole result at once (charts, tables) set `needsAllSamples`.
 */
export interface Reporter {
  /** File extension for `--output-dir`. */
  extension: string;
  needsAllSamples?: boolean;
  begin(header: AuditHeader, ctx: ReportContext): string;
  sample(result: SampleResult, index: number, ctx: ReportContext): string;
  end(header: AuditHeader, footer: AuditFooter, ctx: ReportContext): string;
  /**
   * Renders the whole result at once, for formats that cannot be written piecewise (a document whose
   * head summarises what follows). When present, {@link renderReport} uses it instead of
   * begin/sample/end, which then return ''. Only meaningful with `needsAllSamples`.
   */
  renderAll?(result: AuditResult, ctx: ReportContext): string;
}

/** Renders a complete result in one go: the pure-function view of a streaming reporter. */
export function renderReport(reporter: Reporter, result: AuditResult, ctx: ReportContext): string {
  if (reporter.renderAll) return reporter.renderAll(result, ctx);
  const { samples, inputProblems, summary, gate, ...header } = result;
  let out = reporter.begin(header, ctx);
  samples.forEach((sample, index) => {
    out += reporter.sample(sample, index, ctx);
  });
  return out + reporter.end(header, { inputProblems, summary, gate }, ctx);
}

import { driftRateOf } from '../findings/drift-rate.js';
import type { AuditHeader, Finding, SampleResult, Severity, SourceLocation } from '../types.js';
import { describeFinding } from './describe-finding.js';
import { escapeTerminal } from './escape.js';
import { formatPercent } from './format-numbers.js';
import type { AuditFooter, ReportContext, Reporter } from './reporter.js';

/**
 * GitHub Actions workflow commands: one annotation per finding on the input file and record line,
 * then a summary. GitHub shows only the first few annotations of each kind per step in the UI,
 * but every one stays in the log. The step summary (Markdown) is the CLI's business, not this one's.
 */
export const github: Reporter = {
  extension: 'txt',
  begin: () => '',
  sample: (result) => renderSampleAnnotations(result),
  end: renderEnd,
};

type Level = 'error' | 'warning' | 'notice';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escapes a command's message as the runner decodes it (`%`, CR, LF), so bot text can never end
 * the line and start a command of its own. Other control characters are then made visible: the
 * log viewer renders ANSI sequences.
 */
export function escapeCommandData(text: string): string {
  return escapeTerminal(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property value; `:` and `,` also delimit properties there. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::level file=…,line=…,title=…::message`; stdin (`-`) has no file to point at. */
export function formatAnnotation(level: Level, message: string, props: { location?: SourceLocation; title?: string }): string {
  const parts: string[] = [];
  const location = props.location;
  if (location && location.file !== '-' && location.file !== '') {
    parts.push(`file=${escapeCommandProperty(location.file)}`, `line=${location.line}`);
    if (location.col !== undefined) parts.push(`col=${location.col}`);
  }
  if (props.title !== undefined) parts.push(`title=${escapeCommandProperty(props.title)}`);
  return `::${level}${parts.length > 0 ? ` ${parts.join(',')}` : ''}::${escapeCommandData(message)}\n`;
}

function findingAnnotation(sample: SampleResult, finding: Finding): string {
  return formatAnnotation(LEVEL[finding.severity], `${describeFinding(finding)} (sample ${sample.id})`, { location: sample.source, title: finding.ruleId });
}

function renderSampleAnnotations(sample: SampleResult): string {
  let out = sample.findings.map((f) => findingAnnotation(sample, f)).join('');
  const grade = sample.grade;
  if (sample.verdict === 'ungraded') {
    out += formatAnnotation('warning', `The grader could not judge sample ${sample.id}: ${grade?.error ?? 'no reason given'}`, { location: sample.source, title: 'ungraded' });
  } else if (sample.verdict === 'drift' && !sample.findings.some((f) => f.severity !== 'info') && grade?.status === 'graded') {
    // Drift from scores alone has no finding to annotate; say which scores were low.
    const scores = Object.entries(grade.scores).map(([id, s]) => `${id} ${s.score}`).join(', ');
    out += formatAnnotation('warning', `Sample ${sample.id} drifts off-brand (${grade.drift}${scores ? `; ${scores}` : ''})`, { location: sample.source, title: 'tone drift' });
  }
  return out;
}

function renderEnd(header: AuditHeader, footer: AuditFooter, ctx: ReportContext): string {
  const { summary, gate, inputProblems } = footer;
  let out = inputProblems.map((p) => formatAnnotation('warning', `Skipped record${p.path ? ` (${p.path})` : ''}: ${p.message}`, { location: p.location, title: 'skipped record' })).join('');
  const drift = driftRateOf(summary);
  const rate = drift.judged === 0 ? 'no verdicts' : `${formatPercent(drift.rate)} drift rate`;
  const s = summary.findingsBySeverity;
  const lines = [
    `${header.guide.brand} guide ${header.guide.version}: ${summary.samples} ${summary.samples === 1 ? 'sample' : 'samples'}, ${summary.passed} pass, ${summary.drifting} drifting (${rate}), ` +
      `${summary.ungraded} ungraded, ${summary.skippedRecords} skipped records; findings: ${s.error} errors, ${s.warning} warnings, ${s.info} info.`,
    `grader: ${header.grader.kind}${header.grader.model ? ` (${header.grader.model})` : ''}${ctx.graderNote ? ` — ${ctx.graderNote}` : ''}`,
    gate.passed ? 'gate: passed' : 'gate: FAILED',
    ...gate.reasons.map((reason) => `- ${reason}`),
    ...(ctx.gateNotes ?? []).map((note) => `note: ${note}`),
  ];
  // A failing gate is an error annotation, so it shows red at the top of the run.
  out += formatAnnotation(gate.passed ? 'notice' : 'error', lines.join('\n'), { title: gate.passed ? 'tone-audit: gate passed' : 'tone-audit: gate failed' });
  return out;
}

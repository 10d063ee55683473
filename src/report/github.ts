import { countsAsDrift } from '../findings/decide-verdict.js';
import { driftRateOf } from '../findings/drift-rate.js';
import type { AuditHeader, AuditResult, Finding, Problem, SampleResult, SourceLocation } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { describeFinding } from './describe-finding.js';
import { escapeTerminal, truncate } from './escape.js';
import { formatPercent } from './format-numbers.js';
import { compareWorstReplies, type RankedReply } from './markdown-replies.js';
import type { AuditFooter, ReportContext, Reporter } from './reporter.js';

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job); the rest stay
 * in the log where nobody sees them. So the worst go first and the count of the rest is said.
 */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;
/** Findings listed in one reply's annotation; the full report has the rest. */
const MAX_FINDINGS_LISTED = 8;

type Level = 'error' | 'warning' | 'notice';

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

/** `::level file=…,line=…,title=…::message`; stdin (`-`) and `check`'s `<check>` have no file to point at. */
export function formatAnnotation(level: Level, message: string, props: { location?: SourceLocation; title?: string }): string {
  const parts: string[] = [];
  const location = props.location;
  if (location && location.file !== '-' && location.file !== '' && !/^<.*>$/.test(location.file)) {
    parts.push(`file=${escapeCommandProperty(location.file)}`, `line=${location.line}`);
    if (location.col !== undefined) parts.push(`col=${location.col}`);
  }
  if (props.title !== undefined) parts.push(`title=${escapeCommandProperty(props.title)}`);
  return `::${level}${parts.length > 0 ? ` ${parts.join(',')}` : ''}::${escapeCommandData(message)}\n`;
}

/** Options the CLI knows and the result does not. */
export interface GithubAnnotationOptions {
  /** Where the full report is (files written, "the job summary"…), named in the notice about what was left out. */
  fullReport?: readonly string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Error and warning findings, errors first (stable): what a reply's annotation names. */
function problemsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'info').sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

function listFindings(findings: readonly Finding[]): string[] {
  const shown = problemsOf(findings);
  const lines = shown.slice(0, MAX_FINDINGS_LISTED).map((f) => `- ${f.severity} ${f.ruleId}: ${describeFinding(f)}${f.review?.decision === 'overruled' ? ' (overruled by the grader)' : ''}`);
  if (shown.length > MAX_FINDINGS_LISTED) lines.push(`- … and ${shown.length - MAX_FINDINGS_LISTED} more`);
  return lines;
}

/** One annotation per drifting reply: its rules in the title, each finding and the grader's verdict in the message. */
function replyAnnotation(level: Level, sample: SampleResult): string {
  const problems = problemsOf(sample.findings);
  const rules = [...new Set(problems.map((f) => f.ruleId))];
  const grade = sample.grade?.status === 'graded' ? sample.grade : undefined;
  const counts = [plural(problems.filter((f) => f.severity === 'error').length, 'error'), plural(problems.filter((f) => f.severity === 'warning').length, 'warning')].join(', ');
  const scores = grade ? Object.entries(grade.scores).map(([id, s]) => `${id} ${s.score}`).join(', ') : '';
  const head = `Sample ${sample.id} drifts: ${counts}${grade ? `; grader ${grade.drift}${scores ? ` (${scores})` : ''}` : ''}.`;
  const title = `drift: ${rules.length > 0 ? rules.join(', ') : (grade?.drift ?? 'off-brand')}`;
  return formatAnnotation(level, [head, ...listFindings(sample.findings)].join('\n'), { location: sample.source, title: truncate(title, 120) });
}

function ungradedAnnotation(sample: SampleResult): string {
  const reason = sample.grade?.status === 'error' ? (sample.grade.error ?? 'no reason given') : 'no reason given';
  return formatAnnotation('warning', `The grader could not judge sample ${sample.id} (${reason}): neither a pass nor a fail.`, { location: sample.source, title: 'ungraded' });
}

function skippedAnnotation(problem: Problem): string {
  return formatAnnotation('warning', `Skipped record${problem.path ? ` (${problem.path})` : ''}: ${problem.message}`, { location: problem.location, title: 'skipped record' });
}

function gateAnnotation(header: AuditHeader, footer: AuditFooter, ctx: ReportContext): string {
  const { summary, gate } = footer;
  const drift = driftRateOf(summary);
  const rate = drift.judged === 0 ? 'no verdicts' : `${formatPercent(drift.rate)} drift rate`;
  const s = summary.findingsBySeverity;
  const lines = [
    `${gate.passed ? 'Gate passed' : 'Gate FAILED'}: ${header.guide.brand} guide ${header.guide.version}, ${plural(summary.samples, 'sample')}, ${summary.passed} pass, ${summary.drifting} drifting (${rate}), ` +
      `${summary.ungraded} ungraded, ${summary.skippedRecords} skipped records; findings: ${s.error} errors, ${s.warning} warnings, ${s.info} info.`,
    ...gate.reasons.map((reason) => `- ${reason}`),
    ...(ctx.gateNotes ?? []).map((note) => `note: ${note}`),
    `grader: ${header.grader.kind}${header.grader.model ? ` (${header.grader.model})` : ''}${ctx.graderNote ? ` — ${ctx.graderNote}` : ''}`,
  ];
  return formatAnnotation(gate.passed ? 'notice' : 'error', lines.join('\n'), { title: 'tone-audit gate' });
}

/** Keeps the `max` worst of what it is given: bounded memory however long the audit. */
function keepWorst(list: RankedReply[], item: RankedReply, max: number): void {
  if (max <= 0) return;
  const at = list.findIndex((other) => compareWorstReplies(item, other) < 0);
  if (at < 0) {
    if (list.length < max) list.push(item);
    return;
  }
  list.splice(at, 0, item);
  if (list.length > max) list.pop();
}

/**
 * A streaming GitHub Actions reporter for one run. Workflow commands, worst first: the gate verdict
 * (`::error` when it failed, `::notice` when it passed), then one annotation per drifting reply —
 * `::error` when an error finding stands (what fails the default gate), `::warning` for the other
 * drifting replies (a pile-up of warnings, a score clearly under its minimum) — then ungraded
 * replies and skipped records as warnings. At most {@link MAX_ANNOTATIONS_PER_LEVEL} per level
 * (the gate's included), then a `::notice` counting what was left out and naming the full report.
 * Info findings and single warnings are advisory and get no annotation.
 *
 * It holds only the few worst replies seen so far, so memory stays bounded; everything is written
 * by `end`, since the gate verdict goes first. Create one per run: it keeps state.
 */
export function createGithubAnnotator(options: GithubAnnotationOptions = {}): Reporter {
  let errors: RankedReply[] = [];
  let warnings: RankedReply[] = [];
  let ungraded: SampleResult[] = [];
  let counts = { errors: 0, warnings: 0, ungraded: 0 };
  let seen = 0;
  return {
    extension: 'txt',
    begin: () => {
      errors = [];
      warnings = [];
      ungraded = [];
      counts = { errors: 0, warnings: 0, ungraded: 0 };
      seen = 0;
      return '';
    },
    sample: (sample) => {
      const ranked = { sample, index: seen };
      seen += 1;
      if (sample.verdict === 'ungraded') {
        counts.ungraded += 1;
        if (ungraded.length < MAX_ANNOTATIONS_PER_LEVEL) ungraded.push(sample);
      } else if (sample.verdict === 'drift') {
        if (sample.findings.some(countsAsDrift)) {
          counts.errors += 1;
          keepWorst(errors, ranked, MAX_ANNOTATIONS_PER_LEVEL);
        } else {
          counts.warnings += 1;
          keepWorst(warnings, ranked, MAX_ANNOTATIONS_PER_LEVEL);
        }
      }
      return '';
    },
    end: (header, footer, ctx) => {
      const errorSlots = MAX_ANNOTATIONS_PER_LEVEL - (footer.gate.passed ? 0 : 1);
      const shownErrors = errors.slice(0, errorSlots);
      const shownWarnings = warnings.slice(0, MAX_ANNOTATIONS_PER_LEVEL);
      const shownUngraded = ungraded.slice(0, MAX_ANNOTATIONS_PER_LEVEL - shownWarnings.length);
      const shownSkipped = footer.inputProblems.slice(0, MAX_ANNOTATIONS_PER_LEVEL - shownWarnings.length - shownUngraded.length);
      let out = gateAnnotation(header, footer, ctx);
      out += shownErrors.map((r) => replyAnnotation('error', r.sample)).join('');
      out += shownWarnings.map((r) => replyAnnotation('warning', r.sample)).join('');
      out += shownUngraded.map(ungradedAnnotation).join('');
      out += shownSkipped.map(skippedAnnotation).join('');
      const left = [
        [counts.errors - shownErrors.length, 'drifting with errors'],
        [counts.warnings - shownWarnings.length, 'drifting with warnings or low scores'],
        [counts.ungraded - shownUngraded.length, 'ungraded'],
        [footer.inputProblems.length - shownSkipped.length, 'skipped records'],
      ] as const;
      const total = left.reduce((sum, [n]) => sum + n, 0);
      if (total > 0) {
        const where = options.fullReport && options.fullReport.length > 0 ? options.fullReport.join(', ') : 'rerun with --format json (or --output-dir) to write it';
        const what = left.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`).join(', ');
        out += formatAnnotation(
          'notice',
          `${total} more ${total === 1 ? 'reply or record was' : 'replies or records were'} left out (${what}): GitHub shows only ${MAX_ANNOTATIONS_PER_LEVEL} annotations of each kind per step, so these are the worst. Full report: ${where}.`,
          { title: 'tone-audit: more in the full report' },
        );
      }
      return out;
    },
  };
}

/** Renders a whole result through a fresh {@link createGithubAnnotator}. */
export function renderGithubAnnotations(result: AuditResult, ctx: ReportContext, options: GithubAnnotationOptions = {}): string {
  const { samples, inputProblems, summary, gate, ...header } = result;
  const annotator = createGithubAnnotator(options);
  let out = annotator.begin(header, ctx);
  samples.forEach((sample, index) => {
    out += annotator.sample(sample, index, ctx);
  });
  return out + annotator.end(header, { inputProblems, summary, gate }, ctx);
}

/**
 * GitHub Actions workflow commands (see {@link createGithubAnnotator}). The order needs the gate,
 * so the registry's reporter renders whole results; the CLI streams through its own annotator,
 * which keeps only the worst few replies. The step summary (Markdown) is the CLI's business.
 */
export const github: Reporter = {
  extension: 'txt',
  needsAllSamples: true,
  begin: () => '',
  sample: () => '',
  end: () => '',
  renderAll: (result, ctx) => renderGithubAnnotations(result, ctx),
};

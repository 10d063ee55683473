import type { AuditHeader, Finding, RuleSummary, SampleResult } from '../types.js';
import { describeFinding } from './describe-finding.js';
import { escapeXml, truncate } from './escape.js';
import type { AuditFooter, ReportContext, Reporter } from './reporter.js';

/**
 * JUnit XML, which CI systems (GitHub via test-reporter actions, GitLab, Jenkins, Azure, CircleCI)
 * show natively. Layout, chosen so the file streams:
 *
 * - suite `tone-audit: samples` — one `<testcase classname="<input file>" name="<sample id>">` per
 *   sample, written as each sample is judged: `<failure>` when it drifts (error/warning findings
 *   or the grader's verdict), `<error>` when the grader could not decide, `<skipped>` for input
 *   records that could not be read. Its `tests`/`failures` counts are not known when it opens, so
 *   this suite carries none; CI tools count its testcases themselves.
 * - suites `tone-audit: rules` (failure when an error/warning rule matched), `tone-audit: dimensions`
 *   (failure when the mean score is below the dimension's minimum) and `tone-audit: gate`, written
 *   at the end with counts.
 *
 * The exit code still comes from the gate, not from this file.
 */
export const junit: Reporter = {
  extension: 'xml',
  begin: renderBegin,
  sample: (result) => renderSampleCase(result),
  end: renderEnd,
};

const I2 = '  ';
const I4 = '    ';
const I6 = '      ';

function attr(value: string): string {
  // Parsers normalise whitespace in attribute values (a newline becomes a space), so say it that way.
  return `"${escapeXml(value.replace(/[\t\r\n]/g, ' '))}"`;
}

/** A `message` attribute: one line, short enough for a CI summary; the element body has the rest. */
function messageAttr(value: string): string {
  return attr(truncate(value, 500));
}

function property(name: string, value: string): string {
  return `${I6}<property name=${attr(name)} value=${attr(value)}/>\n`;
}

function renderBegin(header: AuditHeader, ctx: ReportContext): string {
  const grader = header.grader.kind === 'none' ? 'none (rules only)' : `${header.grader.kind}${header.grader.model ? ` (${header.grader.model})` : ''}`;
  let props = property('tool', `${header.tool.name} ${header.tool.version}`);
  props += property('guide', `${header.guide.brand} ${header.guide.version}`);
  props += property('guide.file', header.guide.file);
  props += property('guide.sha256', header.guide.hash);
  props += property('grader', grader);
  if (ctx.graderNote) props += property('grader.note', ctx.graderNote);
  props += property('inputs', header.inputs.join(', '));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="tone-audit">\n${I2}<testsuite name="tone-audit: samples">\n${I4}<properties>\n${props}${I4}</properties>\n`
  );
}

function findingLine(finding: Finding): string {
  return `${finding.severity} ${finding.ruleId}: ${describeFinding(finding)}`;
}

function renderSampleBody(result: SampleResult): string {
  const lines: string[] = [];
  if (result.customer) lines.push(`customer: ${result.customer}`);
  lines.push(`reply: ${result.response}`);
  for (const finding of result.findings) lines.push(findingLine(finding));
  const grade = result.grade;
  if (grade?.status === 'graded') {
    const scores = Object.entries(grade.scores).map(([id, s]) => `${id} ${s.score}`);
    lines.push(`grader (${grade.grader}): ${grade.drift}${scores.length > 0 ? ` · ${scores.join(' · ')}` : ''}`);
    if (grade.rewrite) lines.push(`rewrite: ${grade.rewrite}`);
  } else if (grade?.status === 'error') lines.push(`grader could not decide: ${grade.error ?? 'no reason given'}`);
  return escapeXml(lines.join('\n'));
}

function renderSampleCase(result: SampleResult): string {
  const open = `${I4}<testcase classname=${attr(result.source.file)} name=${attr(result.id)} file=${attr(result.source.file)} line="${result.source.line}"`;
  if (result.verdict === 'ungraded') {
    const reason = result.grade?.error ?? 'the grader could not decide';
    return `${open}>\n${I6}<error message=${messageAttr(`ungraded: ${reason}`)} type="ungraded">${renderSampleBody(result)}</error>\n${I4}</testcase>\n`;
  }
  const problems = result.findings.filter((f) => f.severity !== 'info');
  if (result.verdict === 'drift' || problems.length > 0) {
    const first = problems[0];
    const message = first ? `${first.ruleId}: ${describeFinding(first)}` : `grader: ${result.grade?.drift ?? 'drift'}`;
    const type = first ? first.severity : 'drift';
    return `${open}>\n${I6}<failure message=${messageAttr(message)} type="${type}">${renderSampleBody(result)}</failure>\n${I4}</testcase>\n`;
  }
  if (result.findings.length > 0) {
    return `${open}>\n${I6}<system-out>${escapeXml(result.findings.map(findingLine).join('\n'))}</system-out>\n${I4}</testcase>\n`;
  }
  return `${open}/>\n`;
}

interface Case {
  name: string;
  outcome?: { tag: 'failure' | 'skipped'; message: string; type?: string; body?: string };
  out?: string;
}

function renderSuite(name: string, classname: string, cases: readonly Case[]): string {
  const failures = cases.filter((c) => c.outcome?.tag === 'failure').length;
  const skipped = cases.filter((c) => c.outcome?.tag === 'skipped').length;
  let xml = `${I2}<testsuite name=${attr(name)} tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n`;
  for (const c of cases) {
    const open = `${I4}<testcase classname=${attr(classname)} name=${attr(c.name)}`;
    let inner = '';
    if (c.outcome?.tag === 'failure') {
      inner += `${I6}<failure message=${messageAttr(c.outcome.message)}${c.outcome.type ? ` type=${attr(c.outcome.type)}` : ''}>${escapeXml(c.outcome.body ?? c.outcome.message)}</failure>\n`;
    } else if (c.outcome?.tag === 'skipped') inner += `${I6}<skipped message=${messageAttr(c.outcome.message)}/>\n`;
    if (c.out) inner += `${I6}<system-out>${escapeXml(c.out)}</system-out>\n`;
    xml += inner === '' ? `${open}/>\n` : `${open}>\n${inner}${I4}</testcase>\n`;
  }
  return `${xml}${I2}</testsuite>\n`;
}

function ruleCase(rule: RuleSummary, samples: number, graderKind: AuditHeader['grader']['kind']): Case {
  const matched = `${rule.findings} finding(s) in ${rule.samples} of ${samples} samples`;
  if (rule.findings === 0) {
    if (rule.kind === 'judge' && graderKind === 'none') return { name: rule.ruleId, outcome: { tag: 'skipped', message: 'judge rules need a grader' } };
    return { name: rule.ruleId };
  }
  if (rule.severity === 'info') return { name: rule.ruleId, out: `${matched} (info: does not fail)` };
  return { name: rule.ruleId, outcome: { tag: 'failure', message: `${rule.kind} rule ${rule.ruleId} (${rule.severity}): ${matched}`, type: rule.severity } };
}

function renderEnd(header: AuditHeader, footer: AuditFooter, ctx: ReportContext): string {
  const { summary, gate, inputProblems } = footer;
  let xml = '';
  for (const problem of inputProblems) {
    const { file, line } = problem.location;
    const message = `${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
    xml += `${I4}<testcase classname=${attr(file)} name=${attr(`record at line ${line}`)} file=${attr(file)} line="${line}">\n`;
    xml += `${I6}<skipped message=${messageAttr(`skipped record: ${message}`)}/>\n${I4}</testcase>\n`;
  }
  xml += `${I2}</testsuite>\n`;

  xml += renderSuite('tone-audit: rules', 'rules', summary.rules.map((rule) => ruleCase(rule, summary.samples, header.grader.kind)));
  xml += renderSuite(
    'tone-audit: dimensions',
    'dimensions',
    summary.dimensions.map((d): Case => {
      if (d.n === 0) return { name: d.id, outcome: { tag: 'skipped', message: 'no graded replies' } };
      const stats = `mean ${d.mean.toFixed(2)} over ${d.n} graded replies, minimum ${d.min}; ${d.belowMin} scored below it`;
      if (!(d.mean < d.min)) return { name: d.id, out: stats };
      return { name: d.id, outcome: { tag: 'failure', message: `mean ${d.mean.toFixed(2)} is below the minimum ${d.min} (${d.belowMin} of ${d.n} graded replies scored below it)`, type: 'below-min' } };
    }),
  );
  const notes = (ctx.gateNotes ?? []).join('\n');
  xml += renderSuite('tone-audit: gate', 'gate', [
    {
      name: 'gate',
      ...(gate.passed ? {} : { outcome: { tag: 'failure', message: gate.reasons[0] ?? 'the gate failed', type: 'gate', body: gate.reasons.join('\n') } }),
      ...(notes ? { out: notes } : {}),
    },
  ]);
  return `${xml}</testsuites>\n`;
}

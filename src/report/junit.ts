import type { AuditHeader, AuditResult, Finding, Problem, RuleSummary, SampleResult } from '../types.js';
import { describeFinding } from './describe-finding.js';
import { escapeXml, truncate } from './escape.js';
import type { AuditFooter, ReportContext, Reporter } from './reporter.js';

/**
 * JUnit XML that validates against the common JUnit schema (Jenkins xunit `junit-10.xsd`, which
 * GitHub test-reporter actions, GitLab, Azure and CircleCI also read). Suites, in this order:
 *
 * - `tone-audit: gate` — one testcase, failing with every reason when the gate failed;
 * - `tone-audit: samples` — one `<testcase classname="<input file>" name="<sample id>">` per sample,
 *   then one per skipped input record (`<skipped>`);
 * - `tone-audit: rules` and `tone-audit: dimensions` — what matched and the mean scores.
 *
 * Failures agree with the gate (and so with the exit code): when the gate passed there are none.
 * When it failed, a sample fails when its verdict is `drift` (README "Verdict policy": a single
 * warning is advisory), a rule fails when it has error findings, and ungraded samples are
 * `<error>`s (the grader could not judge them, and `--max-ungraded` let that fail the gate or another
 * reason did). When the gate passed, drifting samples are passing testcases that say so in
 * `<system-out>` and ungraded ones are `<skipped>` (`--max-ungraded` allowed them).
 *
 * The samples suite's counts are only known at the end, so it renders in pieces: a case is
 * prepared per sample ({@link prepareJunitCase}, plain data a streaming writer may spool to disk),
 * and the document is assembled once the gate is known ({@link renderJunitHead}, cases,
 * {@link renderJunitTail}). Times are seconds; without timings (a pure render) they are 0.
 */
export const junit: Reporter = {
  extension: 'xml',
  needsAllSamples: true,
  begin: () => '',
  sample: () => '',
  end: () => '',
  renderAll: (result, ctx) => renderJunitReport(result, ctx),
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

/** Seconds in the schema's `SUREFIRE_TIME` form: plain digits, a dot, milliseconds. */
export function formatSeconds(seconds: number): string {
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 0).toFixed(3);
}

/**
 * Element text, with line breaks as `&#10;` references: parsers read them back as newlines, and no
 * line of the file starts with bot text — so a JUnit report printed in a CI log cannot smuggle in a
 * `::add-mask::` or `::error::` workflow command.
 */
function text(value: string): string {
  return escapeXml(value).replace(/\r\n|\r|\n/g, '&#10;');
}

function property(name: string, value: string): string {
  return `${I6}<property name=${attr(name)} value=${attr(value)}/>\n`;
}

/** One sample as a testcase, before the gate is known: serialisable, so a writer can spool it. */
export interface JunitCase {
  classname: string;
  name: string;
  verdict: SampleResult['verdict'];
  /** For a failure or error: one line naming the first problem. */
  message: string;
  /** The first problem's severity, `drift` (scores only) or `ungraded`. */
  type: string;
  /** Where the sample is, the exchange, every finding and the grader's verdict (raw text); for a pass, only its findings. */
  body: string;
}

function findingLine(finding: Finding): string {
  return `${finding.severity} ${finding.ruleId}: ${describeFinding(finding)}${finding.review?.decision === 'overruled' ? ' (overruled by the grader)' : ''}`;
}

export function prepareJunitCase(result: SampleResult): JunitCase {
  const base = { classname: result.source.file, name: result.id, verdict: result.verdict };
  // A passing reply needs no transcript: its advisory findings (one warning, info), if any.
  if (result.verdict === 'pass') return { ...base, message: '', type: 'pass', body: result.findings.map(findingLine).join('\n') };
  const lines = [`at ${result.source.file}:${result.source.line}`];
  if (result.customer) lines.push(`customer: ${result.customer}`);
  lines.push(`reply: ${result.response}`);
  for (const finding of result.findings) lines.push(findingLine(finding));
  const grade = result.grade;
  if (grade?.status === 'graded') {
    const scores = Object.entries(grade.scores).map(([id, s]) => `${id} ${s.score}`);
    lines.push(`grader (${grade.grader}): ${grade.drift}${scores.length > 0 ? ` · ${scores.join(' · ')}` : ''}`);
    if (grade.rewrite) lines.push(`rewrite: ${grade.rewrite}`);
  } else if (grade?.status === 'error') lines.push(`grader could not decide: ${grade.error ?? 'no reason given'}`);

  const problems = result.findings.filter((f) => f.severity !== 'info');
  const first = problems.find((f) => f.severity === 'error') ?? problems[0];
  let message: string;
  let type: string;
  if (result.verdict === 'ungraded') {
    message = `ungraded: ${grade?.status === 'error' ? (grade.error ?? 'no reason given') : 'the grader could not decide'}`;
    type = 'ungraded';
  } else {
    message = first ? `${first.ruleId}: ${describeFinding(first)}` : `grader: ${grade?.status === 'graded' ? grade.drift : 'drift'}`;
    type = first ? first.severity : 'drift';
  }
  return { ...base, message, type, body: lines.join('\n') };
}

/** A prepared case as XML, now that the gate's verdict is known. */
export function renderJunitCase(c: JunitCase, gatePassed: boolean, seconds = 0): string {
  const start = `${I4}<testcase name=${attr(c.name)} classname=${attr(c.classname)} time="${formatSeconds(seconds)}"`;
  if (c.verdict === 'pass' && c.body === '') return `${start}/>\n`;
  const open = `${start}>\n`;
  const body = text(c.body);
  let inner: string;
  if (c.verdict === 'ungraded') {
    inner = gatePassed
      ? `${I6}<skipped message=${messageAttr(`${c.message} (allowed by --max-ungraded)`)} type="ungraded"/>\n${I6}<system-out>${body}</system-out>\n`
      : `${I6}<error message=${messageAttr(c.message)} type="ungraded">${body}</error>\n`;
  } else if (c.verdict === 'drift' && !gatePassed) {
    inner = `${I6}<failure message=${messageAttr(c.message)} type=${attr(c.type)}>${body}</failure>\n`;
  } else {
    const note = c.verdict === 'drift' ? `drift (advisory: the gate passed): ${c.message}\n` : '';
    inner = `${I6}<system-out>${text(note)}${body}</system-out>\n`;
  }
  return `${open}${inner}${I4}</testcase>\n`;
}

/** How many of the prepared cases end up as failures, errors and skips, given the gate. */
export interface JunitSampleCounts {
  /** Samples (testcases before the skipped records). */
  samples: number;
  drifting: number;
  ungraded: number;
}

export function countJunitCases(cases: Iterable<Pick<JunitCase, 'verdict'>>): JunitSampleCounts {
  const counts = { samples: 0, drifting: 0, ungraded: 0 };
  for (const c of cases) {
    counts.samples += 1;
    if (c.verdict === 'drift') counts.drifting += 1;
    else if (c.verdict === 'ungraded') counts.ungraded += 1;
  }
  return counts;
}

/** When the audit ran: `timestamp` is ISO 8601 without a zone (the Ant schema's form), `seconds` the samples suite's time. */
export interface JunitTiming {
  timestamp?: string;
  seconds: number;
}

interface Case {
  name: string;
  outcome?: { tag: 'failure' | 'skipped'; message: string; type?: string; body?: string };
  out?: string;
}

interface SuiteTotals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suiteTotals(cases: readonly Case[]): SuiteTotals {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome?.tag === 'failure').length,
    errors: 0,
    skipped: cases.filter((c) => c.outcome?.tag === 'skipped').length,
  };
}

function suiteOpen(name: string, totals: SuiteTotals, seconds: number, timestamp?: string): string {
  return (
    `${I2}<testsuite name=${attr(name)} tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" ` +
    `time="${formatSeconds(seconds)}"${timestamp ? ` timestamp=${attr(timestamp)}` : ''}>\n`
  );
}

function renderSuite(name: string, classname: string, cases: readonly Case[]): string {
  let xml = suiteOpen(name, suiteTotals(cases), 0);
  for (const c of cases) {
    let inner = '';
    if (c.outcome?.tag === 'failure') {
      inner += `${I6}<failure message=${messageAttr(c.outcome.message)}${c.outcome.type ? ` type=${attr(c.outcome.type)}` : ''}>${text(c.outcome.body ?? c.outcome.message)}</failure>\n`;
    } else if (c.outcome?.tag === 'skipped') inner += `${I6}<skipped message=${messageAttr(c.outcome.message)}/>\n`;
    if (c.out) inner += `${I6}<system-out>${text(c.out)}</system-out>\n`;
    const open = `${I4}<testcase name=${attr(c.name)} classname=${attr(classname)} time="0.000"`;
    xml += inner === '' ? `${open}/>\n` : `${open}>\n${inner}${I4}</testcase>\n`;
  }
  return `${xml}${I2}</testsuite>\n`;
}

function ruleCase(rule: RuleSummary, samples: number, header: AuditHeader, gatePassed: boolean): Case {
  const matched = `${rule.findings} finding(s) in ${rule.samples} of ${samples} samples`;
  if (rule.findings === 0) {
    if (rule.kind === 'judge' && header.grader.kind === 'none') return { name: rule.ruleId, outcome: { tag: 'skipped', message: 'judge rules need a grader' } };
    return { name: rule.ruleId };
  }
  const description = `${rule.kind} rule ${rule.ruleId} (${rule.severity}): ${matched}`;
  // Error findings are what make replies drift; warnings and info are advisory (README "Verdict policy").
  if (rule.severity === 'error' && !gatePassed) return { name: rule.ruleId, outcome: { tag: 'failure', message: description, type: rule.severity } };
  return { name: rule.ruleId, out: rule.severity === 'error' ? `${description} (the gate passed)` : `${description} (${rule.severity}: advisory)` };
}

function gateCases(footer: AuditFooter, ctx: ReportContext): Case[] {
  const { gate } = footer;
  const notes = (ctx.gateNotes ?? []).join('\n');
  return [
    {
      name: 'gate',
      ...(gate.passed ? {} : { outcome: { tag: 'failure' as const, message: gate.reasons[0] ?? 'the gate failed', type: 'gate', body: gate.reasons.join('\n') } }),
      ...(notes ? { out: notes } : {}),
    },
  ];
}

function otherCases(header: AuditHeader, footer: AuditFooter): { rules: Case[]; dimensions: Case[] } {
  const { summary, gate } = footer;
  return {
    rules: summary.rules.map((rule) => ruleCase(rule, summary.samples, header, gate.passed)),
    dimensions: summary.dimensions.map((d): Case => {
      if (d.n === 0) return { name: d.id, outcome: { tag: 'skipped', message: 'no graded replies' } };
      const below = d.mean < d.min ? ' — the mean is below the minimum (advisory unless --min-dimension-mean gates on it)' : '';
      return { name: d.id, out: `mean ${d.mean.toFixed(2)} over ${d.n} graded replies, minimum ${d.min}; ${d.belowMin} scored below it${below}` };
    }),
  };
}

function skippedRecordCase(problem: Problem): string {
  const { file, line } = problem.location;
  const message = `${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
  return `${I4}<testcase name=${attr(`record at line ${line}`)} classname=${attr(file)} time="0.000">\n${I6}<skipped message=${messageAttr(`skipped record: ${message}`)}/>\n${I4}</testcase>\n`;
}

/**
 * Everything before the first sample testcase: the root with totals over every suite, the gate
 * suite, and the samples suite's opening tag with its counts and properties.
 */
export function renderJunitHead(header: AuditHeader, footer: AuditFooter, ctx: ReportContext, counts: JunitSampleCounts, timing: JunitTiming = { seconds: 0 }): string {
  const passed = footer.gate.passed;
  const samples: SuiteTotals = {
    tests: counts.samples + footer.inputProblems.length,
    failures: passed ? 0 : counts.drifting,
    errors: passed ? 0 : counts.ungraded,
    skipped: footer.inputProblems.length + (passed ? counts.ungraded : 0),
  };
  const gate = gateCases(footer, ctx);
  const { rules, dimensions } = otherCases(header, footer);
  const all = [samples, ...[gate, rules, dimensions].map(suiteTotals)];
  const sum = (key: keyof SuiteTotals) => all.reduce((n, t) => n + t[key], 0);

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
    `<testsuites name="tone-audit" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" time="${formatSeconds(timing.seconds)}">\n` +
    renderSuite('tone-audit: gate', 'gate', gate) +
    suiteOpen('tone-audit: samples', samples, timing.seconds, timing.timestamp) +
    `${I4}<properties>\n${props}${I4}</properties>\n`
  );
}

/** Everything after the last sample testcase: skipped records, then the rules and dimensions suites. */
export function renderJunitTail(header: AuditHeader, footer: AuditFooter): string {
  const { rules, dimensions } = otherCases(header, footer);
  return (
    footer.inputProblems.map(skippedRecordCase).join('') +
    `${I2}</testsuite>\n` +
    renderSuite('tone-audit: rules', 'rules', rules) +
    renderSuite('tone-audit: dimensions', 'dimensions', dimensions) +
    '</testsuites>\n'
  );
}

/** The whole document from a complete result (no timings: every time is 0). */
export function renderJunitReport(result: AuditResult, ctx: ReportContext): string {
  const { samples, inputProblems, summary, gate, ...header } = result;
  const footer = { inputProblems, summary, gate };
  const cases = samples.map(prepareJunitCase);
  return renderJunitHead(header, footer, ctx, countJunitCases(cases)) + cases.map((c) => renderJunitCase(c, gate.passed)).join('') + renderJunitTail(header, footer);
}

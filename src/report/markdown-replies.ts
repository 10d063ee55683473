import { applySuggestions, diffWords } from '../diff/index.js';
import type { Finding, SampleResult, Severity } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { describeFinding } from './describe-finding.js';
import { htmlText, mdCell, mdCode, mdDetails, mdFence, mdTable, mdText } from './markdown-syntax.js';

export const SEVERITY_MARK: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };
const DRIFT_RANK = { 'major-drift': 0, 'minor-drift': 1, 'on-brand': 2 } as const;

function count(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length;
}

function worstSeverity(findings: readonly Finding[]): number {
  return Math.min(3, ...findings.map((f) => SEVERITY_RANK[f.severity]));
}

function meanScore(sample: SampleResult): number {
  const scores = sample.grade?.status === 'graded' ? Object.values(sample.grade.scores).map((s) => s.score) : [];
  return scores.length === 0 ? Number.POSITIVE_INFINITY : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** A sample and its position in the input, the last tie-breaker of {@link compareWorstReplies}. */
export interface RankedReply {
  sample: SampleResult;
  index: number;
}

/**
 * Orders drifting replies worst first: error findings first, then more errors, more warnings, the
 * grader's harsher verdict, the lower mean score, and finally input order (stable).
 */
export function compareWorstReplies(a: RankedReply, b: RankedReply): number {
  return (
    worstSeverity(a.sample.findings) - worstSeverity(b.sample.findings) ||
    count(b.sample.findings, 'error') - count(a.sample.findings, 'error') ||
    count(b.sample.findings, 'warning') - count(a.sample.findings, 'warning') ||
    DRIFT_RANK[a.sample.grade?.drift ?? 'on-brand'] - DRIFT_RANK[b.sample.grade?.drift ?? 'on-brand'] ||
    meanScore(a.sample) - meanScore(b.sample) ||
    a.index - b.index
  );
}

/** The drifting replies most worth a reviewer's time, in {@link compareWorstReplies} order. */
export function selectWorstReplies(samples: readonly SampleResult[], max: number): SampleResult[] {
  return samples
    .map((sample, index) => ({ sample, index }))
    .filter(({ sample }) => sample.verdict === 'drift')
    .sort(compareWorstReplies)
    .slice(0, max)
    .map(({ sample }) => sample);
}

/** The reply as an inline word diff against `rewrite`: `<del>` for removed words, `<ins>` for added ones. */
function renderInlineWordDiff(original: string, rewrite: string): string {
  return diffWords(original, rewrite)
    .map((part) => (part.type === 'same' ? mdText(part.text) : part.type === 'removed' ? `<del>${mdText(part.text)}</del>` : `<ins>${mdText(part.text)}</ins>`))
    .join('');
}

/**
 * The reply, verbatim in a fence that its backticks cannot close, or as an inline word diff
 * against its rewrite when there is one (the HTML report has the side-by-side diff).
 */
function renderRewrite(sample: SampleResult): string[] {
  const fromGrader = sample.grade?.status === 'graded' ? sample.grade.rewrite : undefined;
  const rewrite = fromGrader ?? applySuggestions(sample.response, sample.findings);
  if (rewrite === undefined || rewrite === sample.response) {
    return ['**Reply:**', '', mdFence(sample.response, 'text')];
  }
  const source = fromGrader !== undefined ? 'the grader’s rewrite' : 'the rules’ suggestions applied';
  return [`**Reply → rewrite** (${source}; <del>struck</del> = removed, <ins>underlined</ins> = added):`, '', `> ${renderInlineWordDiff(sample.response, rewrite)}`];
}

function renderScores(sample: SampleResult): string | undefined {
  const grade = sample.grade;
  if (!grade) return undefined;
  if (grade.status === 'error') return `**Grader:** could not decide — ${mdText(grade.error ?? 'no reason given')}`;
  const scores = Object.entries(grade.scores).map(([id, s]) => `${mdText(id)} ${s.score}`);
  const grader = grade.call === 'conversation' ? `${grade.grader}, one call for the conversation` : grade.grader;
  return `**Grader (${grader}):** ${grade.drift}${scores.length > 0 ? ` · ${scores.join(' · ')}` : ''}`;
}

/** Rule ids named in a reply's summary line; the rest are in its body. */
const MAX_RULES_IN_SUMMARY = 3;

/**
 * One drifting reply as a collapsed `<details>` block. The summary line (raw HTML, so entities
 * only) says which reply, where, and which rules it broke (errors first); the body has the customer's message,
 * the findings, the scores and the reply or its rewrite.
 */
export function renderReply(sample: SampleResult): string {
  const mark = SEVERITY_MARK[worstSeverity(sample.findings) === 0 ? 'error' : 'warning'];
  const problems = sample.findings.filter((f) => f.severity !== 'info').sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const rules = [...new Set(problems.map((f) => f.ruleId))];
  const named = rules.slice(0, MAX_RULES_IN_SUMMARY).join(', ') + (rules.length > MAX_RULES_IN_SUMMARY ? ` +${rules.length - MAX_RULES_IN_SUMMARY} more` : '');
  const why = named || (sample.grade?.status === 'graded' ? `grader: ${sample.grade.drift}` : 'drift');
  const summary = `${mark} <code>${htmlText(sample.id)}</code> · ${htmlText(`${sample.source.file}:${sample.source.line}`)} — ${htmlText(why)}`;
  const body: string[] = [];
  if (sample.customer) body.push(`**Customer:** ${mdText(sample.customer)}`, '');
  body.push(renderJudgement(sample));
  return mdDetails(summary, body.join('\n'));
}

/** What was found in a drifting reply: the findings, the scores, and the reply or its rewrite. */
export function renderJudgement(sample: SampleResult): string {
  const body: string[] = [];
  if (sample.findings.length > 0) body.push(...sample.findings.map((f) => `- ${SEVERITY_MARK[f.severity]} ${mdCode(f.ruleId)} — ${mdText(describeFinding(f))}`), '');
  const scores = renderScores(sample);
  if (scores) body.push(scores, '');
  body.push(...renderRewrite(sample));
  return body.join('\n');
}

/** Samples the grader could not judge, with the reason; neither passes nor failures. */
export function renderUngraded(samples: readonly SampleResult[], max: number, headingLevel: number): string {
  const ungraded = samples.filter((s) => s.verdict === 'ungraded');
  if (ungraded.length === 0) return '';
  const rows = ungraded.slice(0, max).map((s) => [mdCell(s.id), mdCell(`${s.source.file}:${s.source.line}`), mdCell(s.grade?.error ?? 'no reason given')]);
  const more = ungraded.length > max ? `\n\n…and ${ungraded.length - max} more.` : '';
  return `${'#'.repeat(headingLevel)} ❔ Replies the grader could not judge (${ungraded.length})\n\nNeither a pass nor a fail: nothing can be concluded about these.\n\n${mdTable(['Sample', 'Where', 'Reason'], rows)}${more}\n`;
}

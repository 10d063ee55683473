import type { ChalkInstance } from 'chalk';
import type { Finding, SampleResult, SampleVerdict, Severity } from '../types.js';
import { applySuggestions, diffWords } from '../diff/word-diff.js';
import { renderComparisonBrief } from './comparison/render-comparison-terminal.js';
import { escapeTerminal, truncate } from './escape.js';
import { mergeSpans } from './merge-spans.js';
import type { ReportContext, Reporter } from './reporter.js';
import { paint, severityColor } from './terminal/paint.js';
import { renderSummary } from './terminal/render-summary.js';
import { createThreadCollector, type Thread } from './thread/collect-threads.js';
import { describeConversation } from './thread/describe-conversation.js';
import { wrapHanging } from './terminal/wrap-hanging.js';

export { describeConversations } from './terminal/render-summary.js';

import { DEFAULT_SHOW_LIMIT } from './terminal/show-limit.js';

export { DEFAULT_SHOW_LIMIT };

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error  ', warning: 'warning', info: 'info   ' };

/**
 * Highlights every finding's span in the reply. Overlapping spans merge; the most severe colour wins.
 * Without colour, spans are bracketed so the offending text is still visible.
 */
function highlightSpans(text: string, findings: readonly Finding[], c: ChalkInstance): string {
  let out = '';
  let cursor = 0;
  for (const span of mergeSpans(text, findings)) {
    out += escapeTerminal(text.slice(cursor, span.start));
    const marked = escapeTerminal(text.slice(span.start, span.end));
    out += c.level > 0 ? severityColor(c, span.severity).underline.bold(marked) : `[${marked}]`;
    cursor = span.end;
  }
  return out + escapeTerminal(text.slice(cursor));
}

function renderFinding(finding: Finding, c: ChalkInstance, width: number | undefined): string {
  const label = severityColor(c, finding.severity)(SEVERITY_LABEL[finding.severity]);
  let message = escapeTerminal(finding.message);
  if (finding.suggestion) message += c.green(`  → "${escapeTerminal(finding.suggestion.replacement)}"`);
  return `${wrapHanging(`    ${label}  ${c.dim(finding.ruleId.padEnd(24))} `, message, width, 6)}\n`;
}

/**
 * The reply against its on-brand rewrite (the grader's, else the rules' suggested fixes) as an
 * inline word diff: red struck-through removals, green additions; `[-…-]{+…+}` without colour.
 */
function renderRewriteDiff(result: SampleResult, c: ChalkInstance, width: number | undefined): string {
  const rewrite = result.grade?.rewrite ?? applySuggestions(result.response, result.findings);
  if (!rewrite || rewrite === result.response || result.response.length > MAX_REPLY_SHOWN) return '';
  const label = result.grade?.rewrite ? 'rewrite:' : 'fixes:';
  const body = diffWords(result.response, rewrite)
    .map((part) => {
      const text = escapeTerminal(part.text);
      if (part.type === 'same') return text;
      if (c.level === 0) return part.type === 'added' ? `{+${text}+}` : `[-${text}-]`;
      return part.type === 'added' ? c.green.bold(text) : c.red.strikethrough(text);
    })
    .join('');
  return `${wrapHanging(`    ${c.green(label.padEnd(9))} `, body, width)}\n`;
}

function renderGrade(result: SampleResult, c: ChalkInstance, ctx: ReportContext): string {
  const grade = result.grade;
  if (!grade) return '';
  if (grade.status === 'error') return `${wrapHanging(`    ${c.magenta('ungraded')}  `, escapeTerminal(grade.error ?? 'the grader could not decide'), ctx.width)}\n`;
  const scores = Object.entries(grade.scores)
    .map(([id, s]) => `${id} ${s.score.toFixed(1)}`)
    .join(' · ');
  const grader = grade.call === 'conversation' ? `${grade.grader} (one call for the conversation)` : grade.grader;
  let out = `${wrapHanging(`    ${c.dim(`${grader}:`)} `, `${scores}  ${grade.drift === 'on-brand' ? c.green(grade.drift) : c.yellow(grade.drift)}`, ctx.width, 6)}\n`;
  // For one reply, say why each score is what it is: the cues are what makes the heuristic trustworthy.
  if (ctx.compact) for (const [id, s] of Object.entries(grade.scores)) out += `${wrapHanging(`      ${c.dim(`${id} ${s.score.toFixed(1)}:`)} `, escapeTerminal(s.reason), ctx.width, 8)}\n`;
  return out;
}

/** Longer replies are cut in the terminal (the JSON and HTML reports keep them whole). */
const MAX_REPLY_SHOWN = 4000;

function renderSample(result: SampleResult, ctx: ReportContext): string {
  const c = paint(ctx);
  // `check` has no file to point at; everything else names the record's file:line.
  const where = ctx.compact ? '' : `${result.source.file}:${result.source.line}`;
  let out = `${wrapHanging('', `${c.bold(escapeTerminal(result.id))}  ${where ? `${c.dim(where)}  ` : ''}${paintVerdict(result.verdict, c)}`, ctx.width, 2)}\n`;
  if (result.customer) out += `${wrapHanging(`  ${c.dim('customer:')} `, escapeTerminal(truncate(result.customer, 160)), ctx.width)}\n`;
  return `${out + renderJudgedReply(result, `  ${c.dim('reply:')}    `, ctx)}\n`;
}

function paintVerdict(verdict: SampleVerdict, c: ChalkInstance): string {
  return verdict === 'pass' ? c.green('pass') : verdict === 'drift' ? c.red('drift') : c.magenta('ungraded');
}

/** A judged reply after `label`: its text with the findings' spans marked, the findings, the scores and the rewrite. */
function renderJudgedReply(result: SampleResult, label: string, ctx: ReportContext): string {
  const c = paint(ctx);
  const { width } = ctx;
  const cut = result.response.length > MAX_REPLY_SHOWN;
  const shown = cut ? result.response.slice(0, MAX_REPLY_SHOWN) : result.response;
  const visible = cut ? result.findings.filter((f) => !f.span || f.span.end <= MAX_REPLY_SHOWN) : result.findings;
  const more = cut ? c.dim(` … (${(result.response.length - MAX_REPLY_SHOWN).toLocaleString('en-US')} more characters)`) : '';
  let out = `${wrapHanging(label, highlightSpans(shown, visible, c) + more, width)}\n`;
  for (const finding of result.findings) out += renderFinding(finding, c, width);
  return out + renderGrade(result, c, ctx) + renderRewriteDiff(result, c, width);
}

/** Context messages in a thread are cut shorter than judged replies: they are there to be skimmed. */
const MAX_CONTEXT_SHOWN = 300;

/**
 * A conversation as one thread: its verdict and what happened across the turns, then every message
 * in order, with each drifting bot turn in full (marked spans, findings, scores, rewrite) and the
 * rest shortened.
 */
function renderThread(thread: Thread, ctx: ReportContext): string {
  const c = paint(ctx);
  const { conversation, last } = thread;
  const where = `${last.source.file}:${last.source.line}`;
  let out = `${wrapHanging('', `${c.bold(escapeTerminal(conversation.id))}  ${c.dim(where)}  conversation ${paintVerdict(conversation.verdict, c)}`, ctx.width, 2)}\n`;
  out += `${wrapHanging('  ', c.dim(describeConversation(conversation)), ctx.width)}\n`;
  for (const message of thread.messages) {
    if (message.role !== 'bot' || message.botTurn === undefined) {
      out += `${wrapHanging(`  ${c.dim(`${message.role}:`)}${pad(`${message.role}:`)}`, escapeTerminal(truncate(message.text, MAX_CONTEXT_SHOWN)), ctx.width)}\n`;
      continue;
    }
    const verdict = message.result?.verdict ?? 'pass';
    const turn = `bot #${message.botTurn}`;
    const label = `  ${c.bold(turn)} ${paintVerdict(verdict, c)}${pad(`${turn} ${verdict}`)}`;
    if (message.result && verdict !== 'pass') out += renderJudgedReply(message.result, label, ctx);
    else out += `${wrapHanging(label, c.dim(escapeTerminal(truncate(message.text, MAX_CONTEXT_SHOWN))), ctx.width)}\n`;
  }
  return `${out}\n`;
}

/** The message column of a thread: after the widest usual label ("bot #1 drift"), and at least one space. */
const LABEL_WIDTH = 13;
const pad = (label: string) => ' '.repeat(Math.max(1, LABEL_WIDTH - label.length));


/** Why some replies are not listed, and how to list them. */
/** `audit --baseline`: the comparison in brief above the summary, so the verdict stays last. */
function renderBaseline(ctx: ReportContext): string {
  if (!ctx.comparison || ctx.compact) return '';
  const [heading, ...lines] = renderComparisonBrief(ctx.comparison, { colorLevel: ctx.colorLevel });
  return `${heading}\n${lines.map((line) => wrapHanging('  ', line, ctx.width)).join('\n')}\n\n`;
}

function describeHidden(hidden: number, ctx: ReportContext): string {
  const replies = `${hidden} ${hidden === 1 ? 'reply' : 'replies'}`;
  const text = ctx.quiet
    ? `${replies} not listed (--quiet); without it the first ${DEFAULT_SHOW_LIMIT} are shown, --show all lists every one`
    : `… ${hidden} more ${hidden === 1 ? 'reply' : 'replies'} not shown (the first ${ctx.showLimit} are above, in input order): --show all lists every one, --show <n> more of them; --format html keeps them all`;
  return `${wrapHanging('', paint(ctx).dim(text), ctx.width)}\n\n`;
}

/**
 * Human-readable output: the drifting (and ungraded) replies with their offending spans highlighted,
 * at most `ctx.showLimit` of them (none with `ctx.quiet`) and a line saying how to see the rest,
 * then the summary with the gate verdict last. Lines are wrapped to `ctx.width` columns. The
 * reporter counts what it has listed, so each audit needs its own instance (`begin` resets it).
 */
export function createTerminalReporter(): Reporter {
  let listed = 0;
  let hidden = 0;
  let threads = createThreadCollector();
  /** Lists `replies` more drifting replies unless the limit is reached, in which case they are counted as hidden. */
  const fits = (replies: number, ctx: ReportContext): boolean => {
    const limit = ctx.quiet ? 0 : (ctx.showLimit ?? Infinity);
    if (listed >= limit) {
      hidden += replies;
      return false;
    }
    listed += replies;
    return true;
  };
  const renderLoose = (result: SampleResult, ctx: ReportContext): string => {
    if (result.verdict === 'pass' && !ctx.showPassing) return '';
    return fits(1, ctx) ? renderSample(result, ctx) : '';
  };
  return {
    extension: 'txt',
    begin: () => {
      listed = 0;
      hidden = 0;
      threads = createThreadCollector();
      return '';
    },
    sample: (result, _index, ctx) => {
      // A conversation's turns are shown together, as one thread, once its last turn arrives.
      if (!threads.isTurn(result)) return renderLoose(result, ctx);
      const thread = threads.push(result);
      if (thread === undefined) return '';
      if (thread.conversation.verdict === 'pass' && !ctx.showPassing) return '';
      return fits(Math.max(1, thread.conversation.driftingTurns.length), ctx) ? renderThread(thread, ctx) : '';
    },
    end: (header, footer, ctx) => {
      // An interrupted run may end inside a conversation: its judged turns are shown on their own.
      const unfinished = threads.pending().map((result) => renderLoose(result, ctx)).join('');
      return unfinished + (hidden > 0 ? describeHidden(hidden, ctx) : '') + renderBaseline(ctx) + renderSummary(header, footer, ctx);
    },
  };
}

/** The registry's instance: fine for one audit at a time (`renderReport`); the CLI makes its own. */
export const terminal: Reporter = createTerminalReporter();

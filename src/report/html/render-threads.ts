import type { SampleResult } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { selectWorstThreads, type Thread, type ThreadMessage } from '../thread/collect-threads.js';
import { describeConversation } from '../thread/describe-conversation.js';
import { markSpans } from './mark-spans.js';
import { ruleIdsOf } from './sample-facts.js';

/** Where a judged turn's detail card is, when it has one: its index in the result's samples. */
export type DetailLink = (result: SampleResult) => string | undefined;

const ROLE_NAMES: Record<string, string> = { customer: 'Customer', agent: 'Agent (person)', system: 'System' };

/**
 * The drifting conversations, worst first, each a collapsed card holding the whole thread: every
 * message in order, the drifting bot turns marked with their verdict, the findings' spans and their
 * rules, and a link to the turn's detail card when it has one.
 */
export function renderThreads(threads: readonly Thread[], limit: number, linkDetail: DetailLink): string {
  const drifting = threads.filter((t) => t.conversation.verdict === 'drift').length;
  const shown = selectWorstThreads(threads, limit);
  let out = `<p class="note">${threads.length} ${threads.length === 1 ? 'conversation' : 'conversations'}, ${drifting} with a drifting bot turn. Each bot turn was judged in the context of the turns before it.</p>`;
  if (shown.length < drifting) out += `<p class="callout info">Showing the ${shown.length} worst drifting conversations of ${drifting}.</p>`;
  shown.forEach((thread, index) => {
    out += renderThreadCard(thread, index, linkDetail);
  });
  return out;
}

function renderThreadCard(thread: Thread, index: number, linkDetail: DetailLink): string {
  const { conversation, last } = thread;
  let out = `<details class="detail thread" id="conversation-${index + 1}"><summary><h3><span class="detail-id">${escapeHtml(conversation.id)}</span> <span class="verdict verdict-${conversation.verdict}">${conversation.verdict}</span>`;
  out += ` <span class="muted detail-where">${escapeHtml(`${last.source.file}:${last.source.line}`)} · ${escapeHtml(describeConversation(conversation))}</span></h3></summary>`;
  out += `<ol class="thread">${thread.messages.map((m) => renderMessage(m, linkDetail)).join('')}</ol>`;
  return `${out}</details>`;
}

function renderMessage(message: ThreadMessage, linkDetail: DetailLink): string {
  if (message.botTurn === undefined) {
    const role = ROLE_NAMES[message.role] ?? message.role;
    return `<li class="msg msg-${escapeHtml(message.role)}"><span class="role">${escapeHtml(role)}</span><blockquote class="text ${message.role === 'customer' ? 'customer' : 'context'}">${escapeHtml(message.text)}</blockquote></li>`;
  }
  const result = message.result;
  const verdict = result?.verdict ?? 'pass';
  if (result === undefined || verdict === 'pass') {
    return `<li class="msg msg-bot"><span class="role">Bot #${message.botTurn} <span class="verdict verdict-pass">pass</span></span><blockquote class="text reply">${escapeHtml(message.text)}</blockquote></li>`;
  }
  const rules = ruleIdsOf(result).map((r) => `<code>${escapeHtml(r)}</code>`).join(' ');
  const anchor = linkDetail(result);
  const link = anchor ? ` <a href="#${anchor}">details ↓</a>` : '';
  return (
    `<li class="msg msg-bot msg-${verdict}"><span class="role">Bot #${message.botTurn} <span class="verdict verdict-${verdict}">${verdict}</span> ${rules}${link}</span>` +
    `<blockquote class="text reply">${markSpans(result.response, result.findings)}</blockquote></li>`
  );
}

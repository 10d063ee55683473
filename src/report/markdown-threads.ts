import { describeConversation } from './thread/describe-conversation.js';
import { truncate } from './escape.js';
import { htmlText, mdDetails, mdText } from './markdown-syntax.js';
import { renderJudgement } from './markdown-replies.js';
import type { Thread } from './thread/collect-threads.js';

/** Context messages are cut to one line: the thread is for following the conversation, the drifting turns are in full. */
const MAX_CONTEXT_CHARS = 400;

const cut = (text: string) => truncate(text, MAX_CONTEXT_CHARS);

/**
 * One drifting conversation as a collapsed `<details>` block: the summary line says which
 * conversation, where, and what happened across it; the body is the thread, each drifting bot turn
 * marked ❌ with its findings, scores and rewrite, the other messages quoted shortly.
 */
export function renderThread(thread: Thread): string {
  const { conversation, last } = thread;
  const summary = `❌ <code>${htmlText(conversation.id)}</code> · ${htmlText(`${last.source.file}:${last.source.line}`)} — ${htmlText(describeConversation(conversation))}`;
  const body: string[] = [];
  for (const message of thread.messages) {
    if (message.botTurn === undefined) {
      body.push(`**${mdText(message.role === 'customer' ? 'Customer' : message.role === 'agent' ? 'Agent (person)' : message.role)}:** ${mdText(cut(message.text))}`, '');
    } else if (message.result && message.result.verdict !== 'pass') {
      body.push(`${message.result.verdict === 'drift' ? '❌' : '❔'} **Bot #${message.botTurn} — ${message.result.verdict}**`, '', renderJudgement(message.result), '');
    } else {
      body.push(`✅ **Bot #${message.botTurn}:** ${mdText(cut(message.text))}`, '');
    }
  }
  return mdDetails(summary, body.join('\n').trimEnd());
}

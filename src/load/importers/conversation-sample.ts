import type { MetadataValue, Sample, SourceLocation } from '../../types.js';
import { hashSampleId } from '../samples/sample-id.js';
import type { ImportedConversation } from './importer.js';
import { lastCustomerMessage } from '../../text/customer-text.js';

/**
 * An imported conversation as the one {@link Sample} the default reader would make of a record
 * with that transcript: its last bot turn is the reply, the turns before it the transcript (so
 * `expandTurns` then judges every bot turn in its context). Turns after the last bot turn (a human
 * agent taking over, the customer's thanks) cannot be judged and are counted in metadata
 * `turns_after_last_bot_turn`. Returns undefined when the conversation has no bot turn at all.
 */
export function toConversationSample(
  conversation: ImportedConversation,
  format: string,
  source: SourceLocation,
): Sample | undefined {
  const { turns } = conversation;
  const last = turns.findLastIndex((turn) => turn.role === 'bot');
  const reply = turns[last];
  if (!reply) return undefined;
  const transcript = turns.slice(0, last);
  const customer = lastCustomerMessage(transcript);
  const agentTurns = turns.filter((turn) => turn.role === 'agent').length;
  const metadata: Record<string, MetadataValue> = {
    ...conversation.metadata,
    import_format: format,
    ...(agentTurns > 0 ? { agent_turns: agentTurns } : {}),
    ...(conversation.privateNotes > 0 ? { private_notes: conversation.privateNotes } : {}),
    ...(last < turns.length - 1 ? { turns_after_last_bot_turn: turns.length - 1 - last } : {}),
  };
  return {
    id: conversation.id ?? hashSampleId(customer, reply.text),
    response: reply.text,
    customer,
    transcript,
    metadata,
    source,
  };
}

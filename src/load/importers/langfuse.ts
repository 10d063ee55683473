import type { Turn } from '../../types.js';
import { readChatMessages } from './chat-messages.js';
import { importFailure, type ImportFailure, type Importer } from './importer.js';
import { readOpenAiMessage } from './openai.js';
import { isRecord, readId, readText, readTime, scalarMetadata } from './record-fields.js';

/**
 * Langfuse traces and observations as the UI export and the public API give them
 * (https://langfuse.com/docs/api-and-data-platform/features/export-from-ui; a trace download
 * holds the trace and its `observations`, https://langfuse.com/faq/all/export-single-trace-or-session):
 * a trace has `id`, `timestamp`, `sessionId`, `userId`, `input`, `output` and `observations`; an
 * observation has `id`, `traceId`, `type` (GENERATION for a model call), `startTime`, `input`,
 * `output`.
 *
 * The conversation is read from the trace's last GENERATION (its input is the chat history the
 * model saw, its output the reply), else from the trace's own input and output. Inputs are a string
 * (the customer's message), a list of chat messages or `{ messages }`; outputs a string or an
 * assistant message. System prompts and tool messages are not turns.
 */
export const langfuse: Importer = {
  name: 'langfuse',
  reference: 'https://langfuse.com/docs/api-and-data-platform/features/export-from-ui',
  detect: (record) => {
    const trace = isRecord(record.trace) ? record.trace : record;
    if (Array.isArray(trace.observations ?? record.observations) && ('input' in trace || 'output' in trace)) return true;
    return typeof record.traceId === 'string' && typeof record.type === 'string' && 'input' in record && 'output' in record;
  },
  read: ([record]) => {
    if (!record) return { ok: true, conversations: [] };
    const trace = isRecord(record.trace) ? record.trace : record;
    const observations = Array.isArray(trace.observations) ? trace.observations : Array.isArray(record.observations) ? record.observations : [];
    const generation = lastGeneration(observations);
    const source = generation?.observation ?? trace;
    const at = generation ? `observations[${generation.index}].` : '';
    const turns = readExchange(source, at);
    if (!Array.isArray(turns)) return turns;
    const id = readId(trace.id) ?? readId(record.traceId);
    const time = readTime(trace.timestamp) ?? readTime(record.startTime);
    const metadata = {
      ...scalarMetadata(trace, ['name', 'sessionId', 'userId', 'release', 'version', 'tags'], 'langfuse_'),
      ...(generation && typeof generation.observation.model === 'string' ? { model: generation.observation.model } : {}),
      ...(typeof record.model === 'string' ? { model: record.model } : {}),
      ...(time === undefined ? {} : { timestamp: time }),
    };
    return { ok: true, conversations: [{ ...(id === undefined ? {} : { id }), turns, metadata, privateNotes: 0 }] };
  },
};

function lastGeneration(observations: unknown[]): { observation: Record<string, unknown>; index: number } | undefined {
  let best: { observation: Record<string, unknown>; index: number; time: string } | undefined;
  observations.forEach((observation, index) => {
    if (!isRecord(observation) || observation.type !== 'GENERATION' || observation.output === undefined || observation.output === null) return;
    const time = readText(observation.startTime) ?? '';
    if (!best || time >= best.time) best = { observation, index, time };
  });
  return best;
}

/** The turns of one model call: its input history, then its output as the bot's reply. */
function readExchange(source: Record<string, unknown>, at: string): Turn[] | ImportFailure {
  if (source.input === undefined || source.input === null) return importFailure(`${at}input`, 'missing field `input`: what the customer said (a string or chat messages)');
  if (source.output === undefined || source.output === null) return importFailure(`${at}output`, 'missing field `output`: the bot\'s reply');
  const history = readHistory(source.input, `${at}input`);
  if (!Array.isArray(history)) return history;
  const reply = readReply(source.output);
  if (reply === undefined) return importFailure(`${at}output`, 'cannot read a reply from `output`: expected a string or an assistant message with text `content`');
  return [...history, { role: 'bot', text: reply }];
}

function readHistory(input: unknown, path: string): Turn[] | ImportFailure {
  if (typeof input === 'string') return [{ role: 'customer', text: input }];
  const messages = isRecord(input) && Array.isArray(input.messages) ? input.messages : input;
  if (!Array.isArray(messages)) return importFailure(path, '`input` must be a string, a list of chat messages or { messages }');
  // LangChain integrations log roles as human and ai.
  const normalised = messages.map((m) => (isRecord(m) && (m.role === 'human' || m.role === 'ai') ? { ...m, role: m.role === 'human' ? 'user' : 'assistant' } : m));
  const read = readChatMessages(normalised, readOpenAiMessage);
  if (!read.ok) return { ...read, path: messages === input ? `${path}${read.path.slice('messages'.length)}` : `${path}.${read.path}` };
  return read.turns;
}

function readReply(output: unknown): string | undefined {
  if (typeof output === 'string') return output;
  const message = isRecord(output) && Array.isArray(output.choices) && isRecord(output.choices[0]) ? output.choices[0].message : output;
  if (!isRecord(message)) return undefined;
  const reading = readOpenAiMessage({ role: 'assistant', ...message }, 'output');
  return 'turn' in reading ? reading.turn.text : undefined;
}

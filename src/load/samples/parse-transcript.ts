import type { Turn, TurnRole } from '../../types.js';
import { describeValue } from './describe-value.js';

const ROLE_NAMES: Readonly<Record<string, TurnRole>> = {
  customer: 'customer',
  user: 'customer',
  human: 'customer',
  bot: 'bot',
  assistant: 'bot',
  ai: 'bot',
  agent: 'agent',
  human_agent: 'agent',
  system: 'system',
};

/** A transcript that could not be read: `path` is relative to the record (e.g. `transcript[2].role`). */
export interface TranscriptError {
  path: string;
  message: string;
}

/**
 * Normalises a transcript (a list of `{role, text|content}`, or JSON text holding one, as CSV
 * cells do) into {@link Turn}s. `content` may also be a list of text blocks, as chat APIs send.
 */
export function parseTranscript(value: unknown, key: string): Turn[] | TranscriptError {
  let list = value;
  // Only text that looks like JSON is parsed; other text is plainly not a list of turns.
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      list = JSON.parse(value);
    } catch (error) {
      return { path: key, message: `field \`${key}\` is not valid JSON: ${(error as Error).message}` };
    }
  }
  if (!Array.isArray(list)) {
    return { path: key, message: `field \`${key}\` must be a list of turns ({role, text}), got ${describeValue(list)}` };
  }
  const turns: Turn[] = [];
  for (const [index, item] of list.entries()) {
    const at = `${key}[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return { path: at, message: `turn must be an object with role and text, got ${describeValue(item)}` };
    }
    const turn = item as Record<string, unknown>;
    const roleName = typeof turn.role === 'string' ? turn.role.trim().toLowerCase() : undefined;
    const role = roleName === undefined ? undefined : ROLE_NAMES[roleName];
    if (role === undefined) {
      const got = roleName === undefined ? `got ${describeValue(turn.role)}` : `got \`${String(turn.role)}\``;
      return {
        path: `${at}.role`,
        message: `unknown role (${got}); expected one of ${Object.keys(ROLE_NAMES).join(', ')}`,
      };
    }
    const text = readTurnText(turn.text ?? turn.content);
    if (text === undefined) {
      return { path: `${at}.text`, message: 'turn has no text: expected a string `text` or `content`' };
    }
    turns.push({ role, text });
  }
  return turns;
}

function readTurnText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const block of value) {
    if (typeof block === 'string') parts.push(block);
    else if (typeof block === 'object' && block !== null && typeof (block as { text?: unknown }).text === 'string') {
      parts.push((block as { text: string }).text);
    } else return undefined;
  }
  return parts.join('\n');
}

import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS } from '../../src/backlog/index.js';

/** Problems with one fine-tuning record per format; empty when the record is valid. */

function exactKeys(record: Record<string, unknown>, required: string[], optional: string[] = []): string[] {
  const errors = required.filter((k) => !(k in record)).map((k) => `missing key ${k}`);
  for (const key of Object.keys(record)) if (!required.includes(key) && !optional.includes(key)) errors.push(`extra key ${key}`);
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** user/assistant turns: first user, last assistant, alternating, no empty turns, only role + content. */
function validateTurns(turns: unknown[]): string[] {
  const errors: string[] = [];
  if (turns.length < 2) errors.push('fewer than two turns');
  turns.forEach((turn, i) => {
    if (!isObject(turn)) return errors.push(`turn ${i} is not an object`);
    errors.push(...exactKeys(turn, ['role', 'content']).map((e) => `turn ${i}: ${e}`));
    if (turn.role !== 'user' && turn.role !== 'assistant') errors.push(`turn ${i}: role ${String(turn.role)}`);
    if (typeof turn.content !== 'string' || turn.content.trim() === '') errors.push(`turn ${i}: empty content`);
    const expected = i % 2 === 0 ? 'user' : 'assistant';
    if (turn.role !== expected) errors.push(`turn ${i}: expected ${expected}, got ${String(turn.role)}`);
    return undefined;
  });
  if (isObject(turns.at(-1)) && (turns.at(-1) as Record<string, unknown>).role !== 'assistant') errors.push('last turn is not assistant');
  return errors;
}

export function validateBedrockRecord(record: unknown): string[] {
  if (!isObject(record)) return ['not an object'];
  const errors = exactKeys(record, ['messages'], ['system']);
  if ('system' in record && (typeof record.system !== 'string' || record.system.trim() === '')) errors.push('system must be a non-empty string');
  if (!Array.isArray(record.messages)) return [...errors, 'messages is not a list'];
  return [...errors, ...validateTurns(record.messages)];
}

export function validateOpenAiRecord(record: unknown): string[] {
  if (!isObject(record)) return ['not an object'];
  const errors = exactKeys(record, ['messages']);
  if (!Array.isArray(record.messages)) return [...errors, 'messages is not a list'];
  let turns = record.messages;
  const first = turns[0];
  if (isObject(first) && first.role === 'system') {
    errors.push(...exactKeys(first, ['role', 'content']).map((e) => `system: ${e}`));
    if (typeof first.content !== 'string' || first.content.trim() === '') errors.push('system: empty content');
    turns = turns.slice(1);
  }
  return [...errors, ...validateTurns(turns)];
}

export function validateDpoRecord(record: unknown): string[] {
  if (!isObject(record)) return ['not an object'];
  const errors = exactKeys(record, ['prompt', 'chosen', 'rejected']);
  for (const key of ['prompt', 'chosen', 'rejected']) if (typeof record[key] !== 'string' || (record[key] as string).trim() === '') errors.push(`${key} must be a non-empty string`);
  if (record.chosen === record.rejected) errors.push('chosen equals rejected');
  return errors;
}

/** Every line of a JSONL export through `validate`; errors carry the line number. */
export function validateJsonLines(text: string, validate: (record: unknown) => string[]): string[] {
  if (text === '') return [];
  if (!text.endsWith('\n')) return ['no trailing newline'];
  return text
    .slice(0, -1)
    .split('\n')
    .flatMap((line, i) => {
      try {
        return validate(JSON.parse(line)).map((e) => `line ${i + 1}: ${e}`);
      } catch {
        return [`line ${i + 1}: not JSON`];
      }
    });
}

/** The CSV parses back to the header and one full row per item. */
export function validateCsv(text: string, expectedRows: number): string[] {
  const rows = parse(text) as string[][];
  const errors: string[] = [];
  if (JSON.stringify(rows[0]) !== JSON.stringify(CSV_COLUMNS)) errors.push(`header is ${JSON.stringify(rows[0])}`);
  if (rows.length - 1 !== expectedRows) errors.push(`expected ${expectedRows} rows, got ${rows.length - 1}`);
  rows.slice(1).forEach((row, i) => {
    if (row.length !== CSV_COLUMNS.length) errors.push(`row ${i + 1} has ${row.length} cells`);
    if (!/^[0-9a-f]{16}$/.test(row[0] ?? '')) errors.push(`row ${i + 1} id ${row[0]}`);
  });
  return errors;
}

/**
 * OpenAI preference (DPO) line beyond what its JSON Schema says: the input is the conversation before
 * the reply (an optional leading system message, then user/assistant turns that alternate from the user
 * and end with the user), and the two outputs differ.
 */
export function validateOpenAiDpoRecord(record: unknown): string[] {
  if (!isObject(record) || !isObject(record.input) || !Array.isArray(record.input.messages)) return ['no input.messages'];
  const errors: string[] = [];
  let turns = record.input.messages as unknown[];
  if (isObject(turns[0]) && turns[0].role === 'system') turns = turns.slice(1);
  turns.forEach((turn, i) => {
    const expected = i % 2 === 0 ? 'user' : 'assistant';
    if (!isObject(turn) || turn.role !== expected) errors.push(`input turn ${i}: expected ${expected}`);
  });
  if (!isObject(turns.at(-1)) || (turns.at(-1) as Record<string, unknown>).role !== 'user') errors.push('input does not end with the user');
  const content = (key: string): unknown => (Array.isArray(record[key]) && isObject((record[key] as unknown[])[0]) ? ((record[key] as Record<string, unknown>[])[0]!.content) : undefined);
  if (content('preferred_output') === content('non_preferred_output')) errors.push('preferred equals non-preferred');
  return errors;
}

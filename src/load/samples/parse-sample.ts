import type { FieldMap, MetadataValue, Problem, Sample, SourceLocation, Turn } from '../../types.js';
import { htmlToPlainText, looksLikeHtml } from '../importers/html-to-plain-text.js';
import { describeValue } from './describe-value.js';
import { lookupField } from './lookup-field.js';
import { parseTranscript } from './parse-transcript.js';
import { hashSampleId } from './sample-id.js';
import { lastCustomerMessage } from '../../text/customer-text.js';

/** A record turned into a sample, or the reason it cannot be one. */
export type ParsedSample = { ok: true; sample: Sample } | { ok: false; problem: Problem };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/**
 * Turns one parsed record (a JSON value, or a CSV row of strings) into a {@link Sample}.
 * Pure: the caller supplies where the record came from. `mapped` holds the `--field` overrides.
 */
export function parseSample(record: unknown, mapped: Partial<FieldMap>, source: SourceLocation): ParsedSample {
  const fail = (path: string, message: string, hint?: string): ParsedSample => ({
    ok: false,
    problem: { location: source, path, message, ...(hint === undefined ? {} : { hint }) },
  });
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail('', `record must be a JSON object, got ${describeValue(record)}`);
  }
  const data = record as Record<string, unknown>;
  const consumed = new Set<string>();

  let transcript: Turn[] | undefined;
  const transcriptHit = lookupField(data, 'transcript', mapped).hit;
  if (transcriptHit && !isBlank(transcriptHit.value)) {
    consumed.add(transcriptHit.topKey);
    const parsed = parseTranscript(transcriptHit.value, transcriptHit.key);
    if (!Array.isArray(parsed)) return fail(parsed.path, parsed.message);
    transcript = parsed;
  } else if (transcriptHit) consumed.add(transcriptHit.topKey);

  let response: string;
  const responseLookup = lookupField(data, 'response', mapped);
  const responseHit = responseLookup.hit;
  const lastTurn = transcript?.at(-1);
  if (responseHit) {
    consumed.add(responseHit.topKey);
    if (responseHit.value !== null && typeof responseHit.value !== 'string') {
      return fail(responseHit.key, `field \`response\` (\`${responseHit.key}\`) must be a string, got ${describeValue(responseHit.value)}`);
    }
    response = responseHit.value ?? '';
    if (response.trim() === '') return fail(responseHit.key, `field \`response\` (\`${responseHit.key}\`) is empty`);
  } else if (transcript && lastTurn?.role === 'bot' && lastTurn.text.trim() !== '') {
    // The data is a conversation ending in the bot's reply: that reply is what we audit.
    response = lastTurn.text;
    transcript = transcript.slice(0, -1);
  } else {
    return fail(
      'response',
      `missing field \`response\` (looked for: ${responseLookup.tried.join(', ')}); map it with --field response=<name>`,
    );
  }

  let customer = '';
  const customerHit = lookupField(data, 'customer', mapped).hit;
  if (customerHit) {
    consumed.add(customerHit.topKey);
    if (customerHit.value !== null && typeof customerHit.value !== 'string') {
      return fail(customerHit.key, `field \`customer\` (\`${customerHit.key}\`) must be a string, got ${describeValue(customerHit.value)}`);
    }
    customer = customerHit.value ?? '';
  }
  if (customer === '' && transcript) {
    customer = lastCustomerMessage(transcript);
  }

  let escalated: boolean | undefined;
  const escalatedHit = lookupField(data, 'escalated', mapped).hit;
  if (escalatedHit) {
    consumed.add(escalatedHit.topKey);
    const parsed = parseFlag(escalatedHit.value);
    if (parsed === 'invalid') {
      return fail(
        escalatedHit.key,
        `field \`escalated\` must be true or false (also yes/no, 1/0), got ${describeScalar(escalatedHit.value)}`,
      );
    }
    escalated = parsed;
  }

  let id: string | undefined;
  const idHit = lookupField(data, 'id', mapped).hit;
  if (idHit) {
    consumed.add(idHit.topKey);
    if (typeof idHit.value === 'number' && Number.isFinite(idHit.value)) id = String(idHit.value);
    else if (typeof idHit.value === 'string') id = idHit.value.trim() || undefined;
    else if (idHit.value !== null) {
      return fail(idHit.key, `field \`id\` must be a string or a number, got ${describeValue(idHit.value)}`);
    }
  }

  const metadata: Record<string, MetadataValue> = {};
  const timestampHit = lookupField(data, 'timestamp', mapped).hit;
  for (const [key, value] of Object.entries(data)) {
    if (timestampHit && key === timestampHit.topKey) metadata.timestamp = toMetadataValue(timestampHit.value);
    else if (!consumed.has(key) && value !== undefined) metadata[key] = toMetadataValue(value);
  }

  // Text pasted from a platform's HTML body is judged as the customer read it: `<p>Per our policy,
  // no.</p>` is "Per our policy, no.", so the rules see its words. The id keeps the raw text's hash.
  const html = looksLikeHtml(response) || looksLikeHtml(customer) || (transcript ?? []).some((turn) => looksLikeHtml(turn.text));
  if (html) metadata.html_converted = true;
  const toText = (text: string) => (looksLikeHtml(text) ? htmlToPlainText(text) : text);
  const sample: Sample = {
    id: id ?? hashSampleId(customer, response),
    response: html ? toText(response) : response,
    customer: html ? toText(customer) : customer,
    ...(transcript === undefined ? {} : { transcript: html ? transcript.map((turn) => ({ ...turn, text: toText(turn.text) })) : transcript }),
    ...(escalated === undefined ? {} : { escalated }),
    metadata,
    source,
  };
  return { ok: true, sample };
}

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function parseFlag(value: unknown): boolean | undefined | 'invalid' {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return 'invalid';
  const word = value.trim().toLowerCase();
  if (word === '') return undefined;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return 'invalid';
}

function describeScalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? `\`${value}\`` : describeValue(value);
}

function toMetadataValue(value: unknown): MetadataValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return JSON.stringify(value) ?? null;
}

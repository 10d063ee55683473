import { UsageError } from '../../errors.js';
import type { FieldMap } from '../../types.js';

/** The keys tone-audit looks for when no `--field` mapping is given. */
export const DEFAULT_FIELDS: Readonly<FieldMap> = Object.freeze({
  id: 'id',
  response: 'response',
  customer: 'customer',
  transcript: 'transcript',
  escalated: 'escalated',
  timestamp: 'timestamp',
});

/**
 * Other names teams commonly give a field, tried in order when the default key is absent
 * and the field was not mapped explicitly. An alias only counts when its value has the
 * expected type, so an unrelated `user: { id: 7 }` object is left in metadata.
 */
export const FIELD_ALIASES: Readonly<Record<keyof FieldMap, readonly string[]>> = Object.freeze({
  id: ['ticket_id', 'conversation_id', 'message_id', 'uuid'],
  response: ['reply', 'bot_reply', 'answer', 'output', 'assistant'],
  customer: ['customer_message', 'message', 'input', 'query', 'user', 'prompt'],
  transcript: ['conversation', 'messages', 'turns'],
  escalated: ['handed_off', 'escalated_to_human'],
  timestamp: ['created_at', 'time', 'date'],
});

const FIELD_NAMES = Object.keys(DEFAULT_FIELDS) as (keyof FieldMap)[];

/** True when `name` is one of our field names (`response`, `customer`, …). */
function isFieldName(name: string): name is keyof FieldMap {
  return (FIELD_NAMES as string[]).includes(name);
}

/**
 * Parses `--field <ours>=<theirs>` flags, e.g. `response=bot_reply` or `response=output.text`
 * (a dotted path into nested JSON). Throws {@link UsageError} on a malformed spec, an unknown
 * field name or a field mapped twice.
 */
export function parseFieldMappings(specs: readonly string[]): Partial<FieldMap> {
  const fields: Partial<FieldMap> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const name = eq === -1 ? '' : spec.slice(0, eq).trim();
    const path = eq === -1 ? '' : spec.slice(eq + 1).trim();
    if (!name || !path) {
      throw new UsageError(`invalid --field \`${spec}\`: expected <field>=<key>, e.g. response=bot_reply`, {
        hint: `fields: ${FIELD_NAMES.join(', ')}`,
      });
    }
    if (!isFieldName(name)) {
      throw new UsageError(`invalid --field \`${spec}\`: unknown field \`${name}\``, {
        hint: `valid fields: ${FIELD_NAMES.join(', ')}`,
      });
    }
    if (path.split('.').some((segment) => segment === '')) {
      throw new UsageError(`invalid --field \`${spec}\`: \`${path}\` has an empty path segment`, {
        hint: 'use dots only between keys, e.g. response=output.text',
      });
    }
    if (fields[name] !== undefined && fields[name] !== path) {
      throw new UsageError(`--field ${name} is mapped twice (\`${fields[name]}\` and \`${path}\`)`);
    }
    fields[name] = path;
  }
  return fields;
}

import type { FieldMap } from '../../types.js';
import { DEFAULT_FIELDS, FIELD_ALIASES } from './field-map.js';

/** Where a field was found in a record. */
export interface FieldHit {
  /** The key or dotted path as written in the data (`bot_reply`, `output.text`). */
  key: string;
  /** The record's top-level key the value came from; it is kept out of metadata. */
  topKey: string;
  value: unknown;
}

/** The result of looking a field up: the hit (if any) and every key tried, for messages. */
export interface FieldLookup {
  hit?: FieldHit;
  tried: string[];
}

/**
 * Finds one of our fields in a record. A mapped field (`--field response=output.text`) is
 * looked up only where it points; otherwise the default key, then the aliases whose value
 * has the type the field needs.
 */
export function lookupField(
  record: Record<string, unknown>,
  field: keyof FieldMap,
  mapped: Partial<FieldMap>,
): FieldLookup {
  const explicit = mapped[field];
  if (explicit !== undefined) {
    const hit = lookupPath(record, explicit);
    return { hit, tried: [explicit] };
  }
  const primary = DEFAULT_FIELDS[field];
  const tried = [primary, ...FIELD_ALIASES[field]];
  const hit = lookupPath(record, primary);
  if (hit) return { hit, tried };
  for (const alias of FIELD_ALIASES[field]) {
    const aliasHit = lookupPath(record, alias);
    if (aliasHit && fitsField(field, aliasHit.value)) return { hit: aliasHit, tried };
  }
  return { tried };
}

/** Reads `path` from a record: an exact key first (CSV headers may contain dots), then a dotted walk. */
export function lookupPath(record: Record<string, unknown>, path: string): FieldHit | undefined {
  if (Object.hasOwn(record, path)) return { key: path, topKey: path, value: record[path] };
  const segments = path.split('.');
  if (segments.length < 2) return undefined;
  let current: unknown = record;
  for (const segment of segments) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else return undefined;
    if (current === undefined) return undefined;
  }
  return { key: path, topKey: segments[0] as string, value: current };
}

function fitsField(field: keyof FieldMap, value: unknown): boolean {
  if (field === 'transcript') return Array.isArray(value) || (typeof value === 'string' && value.trimStart().startsWith('['));
  return typeof value === 'string';
}

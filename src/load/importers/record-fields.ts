import type { MetadataValue } from '../../types.js';
import { describeValue } from '../samples/describe-value.js';
import { importFailure, type ImportFailure } from './importer.js';

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `record[key]` as a list, or a failure naming `path` (a missing and a mistyped field read differently). */
export function requireArray(record: Record<string, unknown>, key: string, path = key): unknown[] | ImportFailure {
  const value = record[key];
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return importFailure(path, `missing field \`${path}\` (a list)`);
  return importFailure(path, `field \`${path}\` must be a list, got ${describeValue(value)}`);
}

/** A platform id (number or string) as text; undefined when absent. */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** A string field, or undefined when absent, null or not a string. */
export function readText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Unix seconds (Intercom) or an ISO string (everyone else) as an ISO 8601 string for metadata. */
export function readTime(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString();
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** Keeps the scalar fields of a platform object as metadata under `prefix_`, skipping the listed keys. */
export function scalarMetadata(
  record: Record<string, unknown>,
  keys: readonly string[],
  prefix: string,
): Record<string, MetadataValue> {
  const metadata: Record<string, MetadataValue> = {};
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) metadata[`${prefix}${key}`] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) metadata[`${prefix}${key}`] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) metadata[`${prefix}${key}`] = value.join(', ');
  }
  return metadata;
}

/**
 * The record's fields other than `consumed` as metadata, as the default reader keeps them:
 * scalars as they are, lists and objects as JSON text.
 */
export function otherFields(record: Record<string, unknown>, consumed: readonly string[]): Record<string, MetadataValue> {
  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (consumed.includes(key) || value === undefined) continue;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') metadata[key] = value;
    else if (typeof value === 'number') metadata[key] = Number.isFinite(value) ? value : String(value);
    else metadata[key] = JSON.stringify(value) ?? null;
  }
  return metadata;
}

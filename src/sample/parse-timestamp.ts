// YYYY-MM-DD, optionally followed by a time (T or space), fraction and offset (Z, ±hh, ±hh:mm, ±hhmm).
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/**
 * Epoch values whose magnitude is below this are seconds, at or above it milliseconds.
 * 1e11 s is the year 5138; 1e11 ms is March 1973, before any chat log.
 */
export const EPOCH_SECONDS_LIMIT = 1e11;

/**
 * A record's timestamp as epoch milliseconds, or undefined when it is missing or unreadable.
 *
 * Accepts ISO 8601 dates and date-times (a time without an offset is taken as UTC, so results do not
 * depend on the machine's time zone; calendar fields are range-checked, so `2024-02-30` is
 * rejected rather than rolled over) and epoch numbers or numeric strings, in seconds or
 * milliseconds (told apart by {@link EPOCH_SECONDS_LIMIT}). Nothing else: `Date.parse` also takes
 * free-form text like "May 3", which would make a filter silently depend on the JS engine.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (NUMERIC.test(text)) return fromEpoch(Number(text));
  const match = ISO_8601.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset = ''] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Number(`0.${fraction || '0'}`) * 1000;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + millis;
  return utc - offsetMinutes(offset) * 60_000;
}

function fromEpoch(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  return Math.abs(value) < EPOCH_SECONDS_LIMIT ? value * 1000 : value;
}

function offsetMinutes(offset: string): number {
  if (offset === '' || offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

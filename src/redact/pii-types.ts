import type { RedactionType } from '../types.js';

/** The kinds of personal data and secrets the redactor finds (`RedactionType` in types.ts). */
export type PiiType = RedactionType;

/** Every {@link PiiType}, in the order results list them. */
export const PII_TYPES: readonly PiiType[] = ['email', 'phone', 'card', 'iban', 'ssn', 'ni', 'url-token', 'secret', 'name'];

/** Occurrences replaced, per type (every type present, 0 when none). */
export type RedactionCounts = Record<PiiType, number>;

/** One piece of personal data found in a text: 0-based UTF-16 offsets, `end` exclusive. */
export interface Detection {
  type: PiiType;
  start: number;
  end: number;
}

/** The label inside a placeholder: `[EMAIL_1]`, `[URL_TOKEN_2]`. */
export const PLACEHOLDER_LABELS: Record<PiiType, string> = {
  email: 'EMAIL',
  phone: 'PHONE',
  card: 'CARD',
  iban: 'IBAN',
  ssn: 'SSN',
  ni: 'NI',
  'url-token': 'URL_TOKEN',
  secret: 'SECRET',
  name: 'NAME',
};

export function zeroCounts(): RedactionCounts {
  return Object.fromEntries(PII_TYPES.map((t) => [t, 0])) as RedactionCounts;
}

/** `a + b` per type. Pure. */
export function addCounts(a: RedactionCounts, b: Partial<RedactionCounts>): RedactionCounts {
  const sum = { ...a };
  for (const type of PII_TYPES) sum[type] += b[type] ?? 0;
  return sum;
}

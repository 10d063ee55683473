import { passesIbanMod97, passesLuhn } from './checksums.js';
import type { Detection } from './pii-types.js';

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isAlnum = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Maximal runs of digits, in order (a hand-written scan: no regex, linear). */
function digitRuns(text: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isDigit(text[i])) {
      i += 1;
      continue;
    }
    const start = i;
    while (isDigit(text[i])) i += 1;
    runs.push({ start, end: i });
  }
  return runs;
}

/** How card numbers are grouped: one run, fours (the last group shorter), or Amex/Diners 4-6-5 / 4-6-4. */
function isCardGrouping(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  if (lengths.length === 3 && lengths[0] === 4 && lengths[1] === 6 && (lengths[2] === 5 || lengths[2] === 4)) return true;
  return lengths.every((n, k) => (k < lengths.length - 1 ? n === 4 : n >= 1 && n <= 4));
}

/**
 * Payment card numbers: 13–19 digits, written plain or grouped as cards are (fours, or 4-6-5) with one
 * kind of separator (a space or a dash), that pass the Luhn check (and are not one digit repeated). The longest valid window of
 * adjacent digit groups wins. Linear: a window never spans more than 19 digits.
 */
export function detectCards(text: string): Detection[] {
  const runs = digitRuns(text);
  const found: Detection[] = [];
  let i = 0;
  while (i < runs.length) {
    let best = -1;
    let digits = '';
    let separator = '';
    const lengths: number[] = [];
    for (let j = i; j < runs.length; j += 1) {
      const run = runs[j]!;
      if (j > i) {
        const gap = text.slice(runs[j - 1]!.end, run.start);
        if ((gap !== ' ' && gap !== '-') || (separator !== '' && gap !== separator)) break;
        separator = gap;
      }
      digits += text.slice(run.start, run.end);
      lengths.push(run.end - run.start);
      if (digits.length > 19) break;
      if (digits.length >= 13 && isCardGrouping(lengths) && passesLuhn(digits) && !/^(\d)\1*$/.test(digits)) best = j;
    }
    if (best >= 0) {
      found.push({ type: 'card', start: runs[i]!.start, end: runs[best]!.end });
      i = best + 1;
    } else i += 1;
  }
  return found;
}

/** IBAN length per country (ISO 13616 registry), which also limits where an IBAN may end. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

const IBAN_START = /\b[A-Za-z]{2}[0-9]{2}/g;

/**
 * IBANs: a country code with its registered length, two check digits and the account part, plain or
 * in groups separated by single spaces, that pass the mod-97 check. Case-insensitive.
 */
export function detectIbans(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const start = m.index;
    const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
    if (length === undefined) continue;
    let compact = '';
    let i = start;
    while (compact.length < length && i < text.length) {
      const ch = text[i]!;
      if (isAlnum(ch)) {
        compact += ch.toUpperCase();
        i += 1;
      } else if (ch === ' ' && isAlnum(text[i + 1]) && compact.length >= 4) i += 1;
      else break;
    }
    if (compact.length !== length || isAlnum(text[i])) continue;
    if (passesIbanMod97(compact)) found.push({ type: 'iban', start, end: i });
  }
  return found;
}

// AAA-GG-SSSS; area 000, 666 and 900–999, group 00 and serial 0000 are never issued.
const SSN = /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g;

/** US Social Security numbers written AAA-GG-SSSS, excluding ranges never issued. */
export function detectSsns(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(SSN)) {
    const [, area = '', group = '', serial = ''] = m;
    if (area === '000' || area === '666' || area.startsWith('9') || group === '00' || serial === '0000') continue;
    found.push({ type: 'ssn', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

// Two prefix letters (D, F, I, Q, U, V never; O not second), six digits in optional pairs, suffix A–D.
const NI = /\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b/gi;
const NI_NEVER_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** UK National Insurance numbers (AB 12 34 56 C), excluding prefixes HMRC never allocates. */
export function detectNationalInsurance(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(NI)) {
    if (NI_NEVER_PREFIX.has((m[1] ?? '').toUpperCase())) continue;
    found.push({ type: 'ni', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Detection } from './pii-types.js';

// Local part and domain are bounded runs of one class each (no nested quantifiers): linear time.
const EMAIL = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}\.[A-Za-z0-9.-]{2,190}/g;
const LOCAL_CHAR = /[A-Za-z0-9._%+'-]/;

/** Email addresses (the domain needs a dot and a top-level label of letters). */
export function detectEmails(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(EMAIL)) {
    let start = m.index;
    // A local part longer than the pattern's bound still belongs to the address: take all of it.
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start -= 1;
    let value = m[0];
    while (/[.-]$/.test(value)) value = value.slice(0, -1);
    const tld = value.slice(value.lastIndexOf('.') + 1);
    if (!/^[A-Za-z]{2,63}$/.test(tld)) continue;
    while (text[start] === '.' || text[start] === "'") start += 1;
    found.push({ type: 'email', start, end: m.index + value.length });
  }
  return found;
}

// A run that could hold a phone number: digits with the separators people type, bounded in length,
// so libphonenumber (slow on long junk) only ever sees short candidates.
const PHONE_CANDIDATE = /[+(0-9][0-9 ().\-\u00a0]{5,28}[0-9]/g;
const DIGIT_GROUP = /[0-9]{1,30}/g;
// IPv4 addresses and references that start with a date (2026-10-4471) are digits with dots and dashes too.
const NOT_A_PHONE = /^(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$|(?:19|20)[0-9]{2}[-./](?:0[1-9]|1[0-2])[-./])/;
/** The most digit groups a candidate may have (+44 (0)20 7946 0958 has five; two numbers in a row six). */
const MAX_GROUPS = 7;

export interface PhoneOptions {
  /** Countries whose national formats (no +country code) are recognised, tried in order. Default US, GB. */
  countries?: readonly CountryCode[];
}

export const DEFAULT_PHONE_COUNTRIES: readonly CountryCode[] = ['US', 'GB'];

/**
 * Phone numbers: any number written in international format (+44 20 7946 0958, 0049 30 901820) and
 * national formats of `countries`, validated against libphonenumber's full metadata (so an order
 * number of the wrong length or range is not a phone). Candidates are short runs of digits and
 * separators; runs of many tiny groups (digit soup, tables) are skipped before libphonenumber sees them.
 */
export function detectPhones(text: string, options: PhoneOptions = {}): Detection[] {
  const countries: readonly (CountryCode | undefined)[] = options.countries?.length ? options.countries : options.countries ? [undefined] : DEFAULT_PHONE_COUNTRIES;
  const found: Detection[] = [];
  const candidates = new RegExp(PHONE_CANDIDATE.source, 'g');
  for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
    const candidate = m[0];
    const groups = [...candidate.matchAll(DIGIT_GROUP)];
    const digits = groups.reduce((n, g) => n + g[0].length, 0);
    if (digits < 7 || digits > 22 || groups.length > MAX_GROUPS || NOT_A_PHONE.test(candidate.trim())) continue;
    const spans: Detection[] = [];
    const whole = candidate.trim();
    if (countries.some((country) => parsePhoneNumberFromString(whole, country ? { defaultCountry: country } : {})?.isValid())) {
      spans.push({ type: 'phone', start: m.index, end: m.index + candidate.length });
    } else {
      for (const country of countries) {
        for (const hit of findPhoneNumbersInText(candidate, country ? { defaultCountry: country } : {})) {
          const span: Detection = { type: 'phone', start: m.index + hit.startsAt, end: m.index + hit.endsAt };
          if (!spans.some((s) => s.start < span.end && span.start < s.end)) spans.push(span);
        }
      }
    }
    found.push(...spans);
    // A candidate cut at the length bound may end inside a number: look again from its last group.
    const last = groups[groups.length - 1]!;
    const coveredTo = Math.max(0, ...spans.map((s) => s.end - m!.index));
    if (candidate.length >= 30 && coveredTo < candidate.length && groups.length > 1) candidates.lastIndex = m.index + Math.max(coveredTo, last.index);
  }
  return found;
}

// `?key=value`, `&key=value`, `#key=value` or `;key=value`, in a URL or a bare query string.
const QUERY_PARAM = /[?&#;]([A-Za-z0-9_.[\]-]{1,64})=([^&#\s"'<>]{1,2048})/g;
const SECRET_KEYS = new Set([
  'token', 'access_token', 'refresh_token', 'id_token', 'auth', 'authorization', 'key', 'api_key', 'apikey', 'api-key', 'sig',
  'signature', 'code', 'otp', 'pin', 'password', 'passwd', 'pwd', 'pass', 'secret', 'client_secret', 'session', 'session_id',
  'sessionid', 'sid', 'jwt', 'ticket', 'magic', 'login_token', 'reset_token', 'x-amz-signature', 'x-amz-credential',
  'x-amz-security-token', 'x-goog-signature', 'x-goog-credential',
]);
const SECRET_KEY_PART = /token|secret|passw|signature|credential|apikey|api_key|session|auth/;
// `https://user:password@host`: the user info is a credential.
const URL_USERINFO = /https?:\/\/([^\s/@:]{1,128}:[^\s/@]{1,256})@/g;

/** Whether a query parameter's name says its value is a credential (`token`, `sig`, `access_token`, `X-Amz-Signature`…). */
export function isSecretParam(name: string): boolean {
  const key = name.toLowerCase();
  return SECRET_KEYS.has(key) || SECRET_KEY_PART.test(key);
}

/** Values of credential-bearing query parameters (the URL itself stays readable) and URL user info. */
export function detectUrlTokens(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(QUERY_PARAM)) {
    const [whole, name = '', rawValue = ''] = m;
    if (!isSecretParam(name)) continue;
    // Sentence punctuation after a URL is not part of the value.
    const value = rawValue.replace(/[.,;:!?)\]]{1,8}$/, '');
    if (value === '') continue;
    const start = m.index + whole.length - rawValue.length;
    found.push({ type: 'url-token', start, end: start + value.length });
  }
  for (const m of text.matchAll(URL_USERINFO)) {
    const info = m[1] ?? '';
    const start = m.index + m[0].length - 1 - info.length;
    found.push({ type: 'url-token', start, end: start + info.length });
  }
  return found;
}

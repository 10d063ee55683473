import type { Span } from '../types.js';

/**
 * Finders for the surface marks of tone that `limit` rules count and signals look for.
 * Each returns the spans (0-based UTF-16 offsets, end exclusive) in text order.
 */

/**
 * One emoji: a pictograph with optional presentation selector or skin-tone modifier, joined by
 * ZWJ into one glyph (👩‍💻 counts once), or a flag (two regional indicators).
 */
const EMOJI =
  /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*|\p{Regional_Indicator}{2}/gu;
/** Pictographs that are ordinary typography unless followed by U+FE0F (emoji presentation). */
const TEXT_SYMBOLS = new Set(['©', '®', '™', '‼', '⁉', '↔', '↕', '▶', '◀', '☑', '✔', '✖', '➡', '⬅', '⬆', '⬇']);

// The capital comes before the lookbehind so most positions fail on one cheap test (about 2x faster).
const ALL_CAPS_WORD = /\p{Lu}(?<![\p{L}\p{N}_]\p{Lu})\p{Lu}{2,}(?![\p{L}\p{N}_])/gu;
const APOLOGY =
  /(?<![\p{L}\p{N}_])(?:sorry|apolog(?:y|ies|i[sz]e[sd]?|i[sz]ing)|my\s+bad|forgive\s+me)(?![\p{L}\p{N}_])/giu;
const EXCLAMATION = /[!！]/g;
const QUESTION = /[?？]/g;

/**
 * Acronyms that are not shouting. `limit` rules with `count: all-caps` accept `allow:` to add more.
 * Two-letter words (ID, OK, US) are never counted, so they need no entry.
 */
export const DEFAULT_ACRONYMS: readonly string[] = [
  'API', 'AWS', 'CEO', 'CET', 'CLI', 'CPU', 'CSS', 'CSV', 'CTO', 'DNS', 'EST', 'ETA', 'EUR', 'FAQ', 'FTP', 'GBP',
  'GDPR', 'GMT', 'GPU', 'HIPAA', 'HTML', 'HTTP', 'HTTPS', 'IDE', 'IMAP', 'ISO', 'ISP', 'JSON', 'LAN', 'MFA', 'OTP',
  'PDF', 'PIN', 'PST', 'RAM', 'SDK', 'SLA', 'SMS', 'SMTP', 'SOC', 'SQL', 'SSH', 'SSL', 'SSO', 'TBD', 'TLS', 'UTC',
  'URL', 'USB', 'USD', 'VAT', 'VPN', 'WAN', 'XML',
];
const DEFAULT_ACRONYM_SET: ReadonlySet<string> = new Set(DEFAULT_ACRONYMS);

function spansOf(re: RegExp, text: string, keep?: (match: string) => boolean): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!keep || keep(m[0])) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Emoji in `text`, one span per rendered glyph (ZWJ sequences and flags count once). */
export function findEmoji(text: string): Span[] {
  return spansOf(EMOJI, text, (m) => !TEXT_SYMBOLS.has(m));
}

/**
 * Words of 3+ letters written entirely in capitals (`NEVER`, `URGENT`), except acronyms in
 * `allow` (default {@link DEFAULT_ACRONYMS}; compared upper-case).
 */
export function findAllCapsWords(text: string, allow: ReadonlySet<string> = DEFAULT_ACRONYM_SET): Span[] {
  return spansOf(ALL_CAPS_WORD, text, (m) => !allow.has(m));
}

/** A set of allowed acronyms: the defaults plus `extra` (upper-cased). */
export function buildAcronymSet(extra: readonly string[] = []): ReadonlySet<string> {
  return extra.length === 0 ? DEFAULT_ACRONYM_SET : new Set([...DEFAULT_ACRONYMS, ...extra.map((w) => w.toUpperCase())]);
}

/** Apologies: `sorry`, `apologise`/`apologize` and their forms, `apology`/`apologies`, `my bad`, `forgive me`. */
export function findApologies(text: string): Span[] {
  return spansOf(APOLOGY, text);
}

/** Every exclamation mark (`!!!` is three: each one adds to the shouting). */
export function findExclamations(text: string): Span[] {
  return spansOf(EXCLAMATION, text);
}

/** Every question mark. */
export function findQuestionMarks(text: string): Span[] {
  return spansOf(QUESTION, text);
}

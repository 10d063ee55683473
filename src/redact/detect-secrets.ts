import type { Detection } from './pii-types.js';

// Known key shapes first (each a bounded run of one class after a fixed prefix), then any long token.
const KNOWN_KEYS = [
  /sk-[A-Za-z0-9_-]{16,256}/g, // Anthropic sk-ant-…, OpenAI sk-…
  /(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,256}/g, // Stripe
  /gh[pousr]_[A-Za-z0-9]{30,255}/g, // GitHub tokens
  /github_pat_[A-Za-z0-9_]{30,255}/g,
  /xox[abprs]-[A-Za-z0-9-]{10,255}/g, // Slack
  /AKIA[0-9A-Z]{16}/g, // AWS access key id
  /AIza[0-9A-Za-z_-]{35}/g, // Google API key
  /eyJ[A-Za-z0-9_-]{8,2048}\.[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{0,2048}/g, // JWT
];
const TOKEN_CHAR = /[A-Za-z0-9_-]/;
const LONG_TOKEN = /[A-Za-z0-9_-]{24,1024}/g;

const boundedBy = (text: string, start: number, end: number): boolean =>
  (start === 0 || !TOKEN_CHAR.test(text[start - 1]!)) && (end >= text.length || !TOKEN_CHAR.test(text[end]!));

/**
 * A long run of token characters that looks machine-made rather than like words: hex with digits and
 * letters, or a mix of upper case, lower case and digits (base64/base64url keys). Words, even long
 * hyphenated ones, lack that mix.
 */
export function looksLikeToken(token: string): boolean {
  if (token.length < 24) return false;
  const digits = /[0-9]/.test(token);
  if (/^[0-9a-fA-F]+$/.test(token)) return digits && /[a-fA-F]/.test(token);
  return digits && /[a-z]/.test(token) && /[A-Z]/.test(token);
}

/** API keys and secrets: the shapes of common providers' keys, JWTs, and long hex or base64 tokens (≥ 24 characters). */
export function detectSecrets(text: string): Detection[] {
  const found: Detection[] = [];
  for (const pattern of KNOWN_KEYS) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (m.index > 0 && TOKEN_CHAR.test(text[m.index - 1]!)) continue;
      found.push({ type: 'secret', start: m.index, end });
    }
  }
  for (const m of text.matchAll(LONG_TOKEN)) {
    const end = m.index + m[0].length;
    if (boundedBy(text, m.index, end) && looksLikeToken(m[0])) found.push({ type: 'secret', start: m.index, end });
  }
  return found;
}

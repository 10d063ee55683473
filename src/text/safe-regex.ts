import { LinearRegExp, UnsupportedRegexError } from './linear-regex.js';

/** Why a guide-supplied pattern was refused. */
export class UnsafePatternError extends Error {
  constructor(
    readonly reason: 'syntax' | 'unsupported' | 'flags',
    message: string,
  ) {
    super(message);
    this.name = 'UnsafePatternError';
  }
}

/** Flags a guide may write after `/src/`; `g` is accepted and ignored (matchers add it). */
const ALLOWED_FLAGS = /^[gimsu]*$/;
const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

/** `"/src/flags"` → `{ source, flags }`; anything else (a literal phrase) → `undefined`. */
export function parseRegexLiteral(phrase: string): { source: string; flags: string } | undefined {
  const m = REGEX_LITERAL.exec(phrase);
  if (!m) return undefined;
  return { source: m[1] ?? '', flags: m[2] ?? '' };
}

/**
 * Compiles a regex written in a style guide (or config) so that it runs in time linear in the
 * text, whatever the pattern: JavaScript checks the syntax, RE2JS does the matching (see
 * {@link LinearRegExp}), so `(a+)+$` or `(b|b)*c` cannot stall an audit. The meaning is
 * JavaScript's (`\s`, `.`, `\b`, flags i m s u, `\p{…}` with u, lookbehind); constructs RE2
 * cannot run in linear time (lookahead, backreferences) are refused with a hint.
 * The returned regex always has the `g` flag, plus `flags`.
 *
 * @throws {UnsafePatternError}
 */
export function safeRegex(source: string, flags = ''): RegExp {
  if (!ALLOWED_FLAGS.test(flags)) {
    throw new UnsafePatternError('flags', `unsupported regex flags "${flags}" (allowed: i, m, s, u)`);
  }
  const unique = [...new Set(flags + 'g')].join('');
  try {
    new RegExp(source, unique);
  } catch (error) {
    throw new UnsafePatternError('syntax', `invalid regex /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  try {
    return new LinearRegExp(source, unique);
  } catch (error) {
    if (error instanceof UnsupportedRegexError) throw new UnsafePatternError('unsupported', `regex /${source}/: ${error.message}`);
    throw error;
  }
}

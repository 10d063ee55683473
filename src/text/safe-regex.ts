import safeRegex2 from 'safe-regex2';

/** Why a guide-supplied pattern was refused. */
export class UnsafePatternError extends Error {
  constructor(
    readonly reason: 'syntax' | 'unsafe' | 'flags',
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
 * Compiles a regex written in a style guide, refusing patterns that could backtrack
 * catastrophically (nested quantifiers such as `(a+)+$`, checked by `safe-regex2`) and patterns
 * with invalid syntax. Patterns the checker cannot parse are refused too: a guide author can
 * always rewrite them, whereas one bad pattern can stall an audit of a million replies.
 * The returned regex always has the `g` flag, plus `flags`.
 *
 * @throws {UnsafePatternError}
 */
export function safeRegex(source: string, flags = ''): RegExp {
  if (!ALLOWED_FLAGS.test(flags)) {
    throw new UnsafePatternError('flags', `unsupported regex flags "${flags}" (allowed: i, m, s, u)`);
  }
  const unique = [...new Set(flags + 'g')].join('');
  let re: RegExp;
  try {
    re = new RegExp(source, unique);
  } catch (error) {
    throw new UnsafePatternError('syntax', `invalid regex /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (!safeRegex2(source)) {
    throw new UnsafePatternError(
      'unsafe',
      `regex /${source}/ may backtrack catastrophically (nested or too many quantifiers); simplify it, e.g. write (a+)+ as a+`,
    );
  }
  return re;
}

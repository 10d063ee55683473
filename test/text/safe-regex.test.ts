import { describe, expect, it } from 'vitest';
import { parseRegexLiteral, safeRegex, UnsafePatternError } from '../../src/text/safe-regex.js';

describe('safeRegex', () => {
  it('compiles a safe pattern with the g flag added', () => {
    const re = safeRegex('\\bper our policy\\b', 'i');
    expect(re.flags).toBe('gi');
    expect(re.test('Per our policy')).toBe(true);
  });

  it.each(['(a+)+$', '(x*)*y', '(a*)*b', '(\\w+\\s?)+$'])('rejects the catastrophic pattern %s', (source) => {
    expect(() => safeRegex(source)).toThrow(UnsafePatternError);
    expect(() => safeRegex(source)).toThrow(/backtrack catastrophically/);
  });

  it('rejects invalid syntax and flags with a reason', () => {
    const err = (() => {
      try {
        safeRegex('(unclosed');
      } catch (e) {
        return e as UnsafePatternError;
      }
      return undefined;
    })();
    expect(err?.reason).toBe('syntax');
    expect(err?.message).toMatch(/^invalid regex \/\(unclosed\/: /);
    expect(() => safeRegex('x', 'y')).toThrow(expect.objectContaining({ reason: 'flags' }));
  });
});

describe('parseRegexLiteral', () => {
  it('splits /source/flags and leaves plain phrases alone', () => {
    expect(parseRegexLiteral('/a\\/b/iu')).toEqual({ source: 'a\\/b', flags: 'iu' });
    expect(parseRegexLiteral('per our policy')).toBeUndefined();
    expect(parseRegexLiteral('and/or')).toBeUndefined();
    expect(parseRegexLiteral('/')).toBeUndefined();
  });
});

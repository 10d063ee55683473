import { describe, expect, it } from 'vitest';
import { parseRegexLiteral, safeRegex, UnsafePatternError } from '../../src/text/safe-regex.js';

describe('safeRegex', () => {
  it('compiles a safe pattern with the g flag added', () => {
    const re = safeRegex('\\bper our policy\\b', 'i');
    expect(re.flags).toBe('gi');
    expect(re.test('Per our policy')).toBe(true);
  });

  // These patterns take exponential time on V8's backtracking engine; here they finish because the
  // matching runs on the linear-time engine. A hang would time the test out.
  it.each([
    ['(b|b)*c', 'b'.repeat(50_000), null],
    ['(a|a)*$', `${'a'.repeat(50_000)}!`, [50_001, 50_001]],
    ['(a+)+$', `${'a'.repeat(50_000)}!`, null],
    ['(x*)*y', 'x'.repeat(50_000), null],
    ['(a*)*b', `${'a'.repeat(50_000)}b`, [0, 50_001]],
    ['(\\w+\\s?)+$', `${'word '.repeat(10_000)}!`, null],
  ] as const)('runs the once-catastrophic pattern %s on 50,000 characters', (source, input, expected) => {
    const m = safeRegex(source).exec(input);
    expect(m === null ? null : [m.index, m.index + (m[0] ?? '').length]).toEqual(expected);
  });

  it.each([
    ['(?=x)y', /lookahead .* is not supported by the linear-time regex engine; rewrite/],
    ['a(?!b)', /lookahead/],
    ['(a)\\1', /backreference `\\1` is not supported by the linear-time regex engine/],
    ['(?<w>a)\\k<w>', /named backreference/],
    ['a{1001}', /not supported by the linear-time regex engine/],
  ])('refuses %s, which the linear-time engine cannot run, saying how to rewrite it', (source, message) => {
    let error: unknown;
    try {
      safeRegex(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsafePatternError);
    expect(error).toMatchObject({ reason: 'unsupported' });
    expect((error as Error).message).toMatch(message);
  });

  it('refuses \\p without the u flag instead of matching the letter p', () => {
    expect(() => safeRegex('\\p{L}')).toThrow(/without the u flag/);
    expect(safeRegex('\\p{L}+', 'u').exec('12 héllo')?.[0]).toBe('héllo');
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

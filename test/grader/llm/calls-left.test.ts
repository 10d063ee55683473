import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders } from '../../../src/grader/clients/anthropic.js';
import { callsLeft } from '../../../src/grader/llm/calls-left.js';

const NOW = Date.parse('2026-11-23T06:00:00Z');
const estimate = { inputTokens: 1000, outputTokens: 500 };

describe('parseRateLimitHeaders', () => {
  it('reads every bucket that reports a remaining count', () => {
    const quota = parseRateLimitHeaders(
      new Headers({
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '3',
        'anthropic-ratelimit-requests-reset': '2026-11-23T06:00:01.500Z',
        'anthropic-ratelimit-input-tokens-remaining': '40000',
        'anthropic-ratelimit-input-tokens-reset': '2026-11-23T07:00:00+01:00',
      }),
    );
    expect(quota).toEqual({
      requests: { remaining: 3, limit: 50, resetAt: NOW + 1500 },
      inputTokens: { remaining: 40000, resetAt: NOW },
    });
  });

  it('leaves out what does not parse, and is undefined without headers', () => {
    expect(parseRateLimitHeaders(new Headers())).toBeUndefined();
    expect(parseRateLimitHeaders(undefined)).toBeUndefined();
    expect(parseRateLimitHeaders(new Headers({ 'anthropic-ratelimit-requests-remaining': 'lots' }))).toBeUndefined();
    expect(parseRateLimitHeaders(new Headers({ 'anthropic-ratelimit-requests-remaining': '-1' }))).toBeUndefined();
    const quota = parseRateLimitHeaders(
      new Headers({
        'anthropic-ratelimit-requests-remaining': '0',
        'anthropic-ratelimit-requests-limit': 'x',
        'anthropic-ratelimit-requests-reset': 'in a minute',
        'anthropic-ratelimit-tokens-remaining': '5',
        'anthropic-ratelimit-tokens-reset': 'Mon, 23 Nov 2026 06:00:00 GMT',
      }),
    );
    expect(quota).toEqual({ requests: { remaining: 0 }, tokens: { remaining: 5 } });
  });
});

describe('callsLeft', () => {
  it('counts calls in the tightest bucket and when it has room again', () => {
    const left = callsLeft(
      {
        requests: { remaining: 10, resetAt: NOW + 5000 },
        inputTokens: { remaining: 2500, resetAt: NOW + 9000 },
        outputTokens: { remaining: 100_000, resetAt: NOW + 1000 },
      },
      estimate,
      NOW,
    );
    expect(left).toEqual({ calls: 2, resetAt: NOW + 9000 });
    expect(callsLeft({ tokens: { remaining: 1499, resetAt: NOW + 3000 } }, estimate, NOW)).toEqual({ calls: 0, resetAt: NOW + 3000 });
  });

  it('waits only until one call’s worth has refilled when the limit is known', () => {
    // 60 requests/minute: one is back within a second, though the bucket is full only in 50 s.
    expect(callsLeft({ requests: { remaining: 0, limit: 60, resetAt: NOW + 50_000 } }, estimate, NOW)).toEqual({ calls: 0, resetAt: NOW + 1000 });
  });

  it('gives no reset when it is unknown or already past', () => {
    expect(callsLeft({ requests: { remaining: 0 } }, estimate, NOW)).toEqual({ calls: 0 });
    expect(callsLeft({ requests: { remaining: 0, limit: 60, resetAt: NOW - 1 } }, estimate, NOW)).toEqual({ calls: 0 });
    expect(callsLeft({ requests: { remaining: 0, resetAt: NOW } }, estimate, NOW)).toEqual({ calls: 0 });
    expect(callsLeft({}, estimate, NOW)).toBeUndefined();
  });
});

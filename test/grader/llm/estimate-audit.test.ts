import { afterEach, describe, expect, it } from 'vitest';
import { estimateAudit, EXPECTED_OUTPUT_TOKENS } from '../../../src/grader/llm/estimate-audit.js';
import { readPriceTable } from '../../../src/grader/llm/read-price-table.js';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../../helpers/fake-anthropic-server.js';
import { expandTurns } from '../../../src/load/samples/expand-turns.js';
import { API_KEY, makeGuide, makeSample } from './fixtures.js';

let server: FakeAnthropicServer | undefined;
afterEach(async () => server?.close());

describe('estimateAudit', () => {
  const guide = makeGuide({ voice: { summary: 'Warm. '.repeat(600), traits: [] } });
  const samples = [makeSample(), makeSample(), makeSample()];

  it('counts tokens with count_tokens and prices cache write once, reads after, by hand', async () => {
    server = await startFakeAnthropicServer();
    const estimate = await estimateAudit(samples, guide, { apiKey: API_KEY, baseURL: server.url });
    expect(estimate.method).toBe('count_tokens');
    expect(server.requests.filter((r) => r.path === '/v1/messages/count_tokens')).toHaveLength(2);
    expect(server.messageRequests()).toHaveLength(0);
    expect(estimate.calls).toBe(3);
    expect(estimate.systemTokens).toBeGreaterThan(512);
    expect(estimate.cacheWriteTokens).toBe(estimate.systemTokens);
    expect(estimate.cacheReadTokens).toBe(2 * estimate.systemTokens);
    expect(estimate.outputTokens).toBe(3 * EXPECTED_OUTPUT_TOKENS);
    const p = readPriceTable().models['claude-haiku-5-5']!;
    const expected = (estimate.inputTokens * p.input + estimate.outputTokens * p.output + estimate.cacheWriteTokens * p.cache_write_5m + estimate.cacheReadTokens * p.cache_read) / 1e6;
    expect(estimate.costUsd).toBeCloseTo(expected, 12);
    expect(estimate.priced).toBe(true);
  });

  it('falls back to chars/4 when the server has no count_tokens', async () => {
    server = await startFakeAnthropicServer({ countTokens: false });
    const estimate = await estimateAudit(samples, guide, { apiKey: API_KEY, baseURL: server.url });
    expect(estimate.method).toBe('chars/4');
    expect(estimate.calls).toBe(3);
    expect(estimate.costUsd).toBeGreaterThan(0);
  });

  it('counts one scoring call per conversation of 2–8 bot turns, as the grader makes them, with fewer input tokens', async () => {
    const conversation = expandTurns(
      makeSample({
        id: 'c1',
        transcript: [
          { role: 'customer', text: 'My deploy fails with exit code 137.' },
          { role: 'bot', text: 'It ran out of memory: raise the build memory to 2 GB.' },
          { role: 'customer', text: 'Done, it still fails.' },
          { role: 'bot', text: 'Then the cache is too large: clear it under Settings.' },
          { role: 'customer', text: 'Still failing.' },
        ],
        response: 'I have passed this to our on-call engineer, who will email you within the hour.',
      }),
      'all',
    );
    const options = { apiKey: API_KEY, countTokens: false } as const;
    const whole = await estimateAudit([...conversation, makeSample()], guide, options);
    const perTurn = await estimateAudit([...conversation, makeSample()], guide, { ...options, conversationCalls: 'per-turn' });
    expect(whole.calls).toBe(2);
    expect(perTurn.calls).toBe(4);
    // Every turn still gets a verdict's worth of output.
    expect(whole.outputTokens).toBe(perTurn.outputTokens);
    expect(whole.inputTokens).toBeLessThan(perTurn.inputTokens);
    expect(whole.cachedResults).toBe(0);
  });
});

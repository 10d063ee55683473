import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicClient } from '../../../src/grader/clients/anthropic.js';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../../helpers/fake-anthropic-server.js';

// A 200 whose body is cut off mid-JSON is a transient fault: the client retries it like a 5xx.
describe('a truncated 200 response', () => {
  let server: FakeAnthropicServer;
  beforeEach(async () => {
    server = await startFakeAnthropicServer();
  });
  afterEach(async () => server.close());

  const params = { model: 'claude-haiku-5-5', max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };

  it('is retried, and the retry answers', async () => {
    const base = server.handler;
    server.handler = async (request, index) => (server.messageRequests().length === 1 ? { body: '{"id":"msg_1","type":"mess' } : base(request, index));
    const client = createAnthropicClient({ apiKey: 'sk-ant-test-garbled', baseURL: server.url, maxRetries: 2 });
    const message = await client.createMessage(params);
    expect(message.type).toBe('message');
    expect(server.messageRequests()).toHaveLength(2);
  });

  it('gives up after the retries with an API error, not a crash', async () => {
    server.handler = async () => ({ body: '{"id":"msg_1","ty' });
    const client = createAnthropicClient({ apiKey: 'sk-ant-test-garbled', baseURL: server.url, maxRetries: 1 });
    await expect(client.createMessage(params)).rejects.toMatchObject({ kind: 'api' });
    expect(server.messageRequests()).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { openai } from '../../../src/load/importers/openai.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { load, where } from './import-helpers.js';

describe('openai messages importer', () => {
  it('reads text and refusal parts; developer prompts, tool calls and tool results are not turns', async () => {
    const { samples, errors } = await load(['openai-messages.jsonl'], { format: 'openai' });
    expect(errors).toEqual([]);
    expect(samples.map((s) => [s.id, s.response])).toEqual([
      ['oa-1', 'Kindly utilize the quota page to request more capacity.'],
      ['oa-2', "I can't do that here, but our privacy team can: I've passed your request to them and they'll email you within two working days."],
    ]);
    // The image part is not text: the customer's turn is its text part.
    expect(samples[0]?.customer).toBe('Here is the error I get:');
    expect(samples[0]?.transcript).toEqual([{ role: 'customer', text: 'Here is the error I get:' }]);
    expect(samples[0]?.metadata).toMatchObject({ import_format: 'openai', model: 'gpt-5-mini', system_messages: 1, tool_messages: 2 });
  });

  it('points at a message with an unknown role or content that is neither text nor parts', async () => {
    const dir = tempDir({
      'm.jsonl': [
        { messages: [{ role: 'customer', content: 'hi' }] },
        { messages: [{ role: 'user', content: 7 }] },
        { prompt: 'no messages here' },
      ].map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
    const { errors } = await load(['m.jsonl'], { cwd: dir, format: 'openai' });
    expect(errors.map(where)).toEqual([
      'm.jsonl:1 messages[0].role: unknown role "customer"; expected system, developer, user, assistant or tool',
      'm.jsonl:2 messages[0].content: `content` must be a string or a list of parts, got number',
      'm.jsonl:3 messages: missing field `messages` (a list of chat messages)',
    ]);
  });

  it('keeps other top-level fields as metadata', () => {
    const result = openai.read([{ messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }], channel: 'chat', tags: ['x'] }], { botAuthors: new Set() });
    expect(result.ok && result.conversations[0]?.metadata).toEqual({ channel: 'chat', tags: '["x"]' });
  });
});

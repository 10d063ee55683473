import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';
import { load, where } from './import-helpers.js';

describe('anthropic messages importer', () => {
  it('reads text blocks only; thinking, tool_use and tool-result-only user turns are not turns; batch lines read from params', async () => {
    const { samples, errors } = await load(['anthropic-messages.jsonl'], { format: 'anthropic' });
    expect(errors).toEqual([]);
    const [declined, thanks] = samples;
    expect(declined).toMatchObject({ id: 'an-1', response: 'Obviously your card expired. Just update it.', customer: 'Why was my card declined?' });
    expect(declined?.transcript).toEqual([{ role: 'customer', text: 'Why was my card declined?' }]);
    expect(declined?.metadata).toMatchObject({ import_format: 'anthropic', model: 'claude-haiku-5-5', system_messages: 1, tool_messages: 2 });
    expect(JSON.stringify(declined)).not.toContain('Check the billing tool');
    expect(thanks).toMatchObject({ response: 'Glad to hear it. Have a good day.', customer: 'Thanks, it works now.' });
    expect(thanks?.id).toMatch(/^h-[0-9a-f]{12}$/);
  });

  it('points at a message with an unknown role or no content', async () => {
    const dir = tempDir({
      'a.jsonl': [{ messages: [{ role: 'system', content: 'x' }] }, { messages: [{ role: 'assistant' }] }].map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
    const { errors } = await load(['a.jsonl'], { cwd: dir, format: 'anthropic' });
    expect(errors.map(where)).toEqual([
      'a.jsonl:1 messages[0].role: unknown role "system"; expected user or assistant',
      'a.jsonl:2 messages[0].content: missing field `content`',
    ]);
  });
});

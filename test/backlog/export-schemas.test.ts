import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportBedrock, exportDpo, exportOpenAi, exportOpenAiDpo, type BacklogItem } from '../../src/backlog/index.js';
import { makeItem } from './backlog-fixtures.js';
import { validateBedrockRecord, validateJsonLines, validateOpenAiDpoRecord, validateOpenAiRecord } from './validate-export.js';

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/fine-tuning');

/** The published shape as a JSON Schema file in schema/fine-tuning, turned into a validator by zod. */
function schemaValidator(name: string): (record: unknown) => string[] {
  const schema = z.fromJSONSchema(JSON.parse(readFileSync(path.join(schemaDir, `${name}.schema.json`), 'utf8')));
  return (record) => {
    const result = schema.safeParse(record);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  };
}

const both = (...validators: ((record: unknown) => string[])[]) => (record: unknown) => validators.flatMap((v) => v(record));

const single = makeItem({ status: 'accepted', customer: 'Where is my refund?', original: 'Per our policy, refunds take 10 days.' });
const multiTurn = makeItem({
  status: 'accepted',
  customer: 'It still has not arrived.',
  original: 'Per our policy, please wait.',
  rewrite: 'I am sorry it is taking this long. I have asked our billing team to check it today.',
  transcript: [
    { role: 'customer', text: 'My refund never came.' },
    { role: 'bot', text: 'Refunds take up to 10 days.' },
    { role: 'customer', text: 'It still has not arrived.' },
  ],
});
const items: BacklogItem[] = [single, multiTurn];
const system = 'Warm, plain, never blames the customer.';

describe('exports match their published shapes (JSON Schemas in schema/fine-tuning)', () => {
  it('openai: OpenAI chat fine-tuning', () => {
    const result = exportOpenAi(items, { system });
    expect(result.exported).toBe(2);
    expect(validateJsonLines(result.text, both(schemaValidator('openai-chat'), validateOpenAiRecord))).toEqual([]);
  });

  it('bedrock: Claude fine-tuning on Amazon Bedrock', () => {
    const result = exportBedrock(items, { system });
    expect(result.exported).toBe(2);
    expect(validateJsonLines(result.text, both(schemaValidator('bedrock-claude'), validateBedrockRecord))).toEqual([]);
  });

  it('openai-dpo: OpenAI preference fine-tuning, the conversation so far as input messages', () => {
    const result = exportOpenAiDpo(items, { system });
    expect(result.exported).toBe(2);
    expect(validateJsonLines(result.text, both(schemaValidator('openai-dpo'), validateOpenAiDpoRecord))).toEqual([]);
    const [first, second] = result.text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(first).toEqual({
      input: { messages: [{ role: 'system', content: system }, { role: 'user', content: single.customer }] },
      preferred_output: [{ role: 'assistant', content: single.rewrite }],
      non_preferred_output: [{ role: 'assistant', content: single.original }],
    });
    expect(second.input.messages).toEqual([
      { role: 'system', content: system },
      { role: 'user', content: 'My refund never came.' },
      { role: 'assistant', content: 'Refunds take up to 10 days.' },
      { role: 'user', content: 'It still has not arrived.' },
    ]);
  });

  it('openai-dpo leaves out an empty system message and skips a pair that teaches nothing', () => {
    const same = makeItem({ status: 'accepted', customer: 'Hi', original: 'Hello there.', rewrite: 'Hello there.' });
    const result = exportOpenAiDpo([single, same], { system: '  ' });
    expect(result.skipped).toEqual([{ id: same.id, reason: 'the rewrite is the same as the original' }]);
    expect(JSON.parse(result.text).input.messages).toEqual([{ role: 'user', content: single.customer }]);
  });

  it('the schemas reject what the services reject', () => {
    const dpo = schemaValidator('openai-dpo');
    const trl = JSON.parse(exportDpo([single]).text);
    expect(dpo(trl).length).toBeGreaterThan(0);
    const twoOutputs = { input: { messages: [{ role: 'user', content: 'q' }] }, preferred_output: [{ role: 'assistant', content: 'a' }, { role: 'assistant', content: 'b' }], non_preferred_output: [{ role: 'assistant', content: 'c' }] };
    expect(dpo(twoOutputs)).toEqual(['preferred_output: Too big: expected array to have <=1 items']);
    const bedrock = schemaValidator('bedrock-claude');
    expect(bedrock({ system: 's', messages: [{ role: 'system', content: 's' }, { role: 'assistant', content: 'a' }] }).length).toBeGreaterThan(0);
    expect(bedrock({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }], extra: 1 })).toEqual(['(root): Unrecognized key: "extra"']);
    const chat = schemaValidator('openai-chat');
    expect(chat({ messages: [{ role: 'user', content: '' }, { role: 'assistant', content: 'a' }] })).toEqual(['messages.0.content: Too small: expected string to have >=1 characters']);
  });
});

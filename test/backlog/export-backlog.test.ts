import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildPromptTurns, exportBedrock, exportCsv, exportDpo, exportOpenAi, selectExportable, type BacklogItem } from '../../src/backlog/index.js';
import { makeItem } from './backlog-fixtures.js';
import { validateBedrockRecord, validateCsv, validateDpoRecord, validateJsonLines, validateOpenAiRecord } from './validate-export.js';

const plain = makeItem({ status: 'ready' });
const conversation = makeItem({
  status: 'accepted',
  customer: 'Still nothing!',
  original: 'Per our policy, wait.',
  rewrite: 'I am sorry it is taking this long. I have escalated it to our billing team.',
  transcript: [
    { role: 'system', text: 'You are a support bot.' },
    { role: 'bot', text: 'Hi! How can I help?' },
    { role: 'customer', text: 'My refund never came.' },
    { role: 'customer', text: 'It has been two weeks.' },
    { role: 'bot', text: 'Let me check.' },
    { role: 'agent', text: '   ' },
    { role: 'agent', text: 'I see the refund was issued.' },
    { role: 'customer', text: 'Still nothing!' },
    { role: 'bot', text: 'typing…' },
  ],
});
const { rewrite: _r, rewriteSource: _s, ...withoutRewrite } = makeItem({ status: 'needs-review', customer: 'Hi', original: 'Per our policy, hi.' });
const noContext = makeItem({ status: 'ready', customer: '  ', original: 'Per our policy, ok.' });
const rejected = makeItem({ status: 'rejected', customer: 'Q', original: 'Per our policy, a.' });
const all: BacklogItem[] = [plain, conversation, withoutRewrite as BacklogItem, noContext, rejected];

describe('selectExportable', () => {
  it('takes accepted items by default, ready ones on request, everything with all', () => {
    expect(selectExportable(all).map((i) => i.id)).toEqual([conversation.id]);
    expect(selectExportable(all, 'accepted+ready').map((i) => i.id)).toEqual([plain.id, conversation.id, noContext.id]);
    expect(selectExportable(all, 'all')).toHaveLength(5);
  });
});

describe('buildPromptTurns', () => {
  it('maps roles, drops system, leading/trailing assistant and empty turns, merges same-role runs', () => {
    expect(buildPromptTurns(conversation)).toEqual([
      { role: 'user', content: 'My refund never came.\n\nIt has been two weeks.' },
      { role: 'assistant', content: 'Let me check.\n\nI see the refund was issued.' },
      { role: 'user', content: 'Still nothing!' },
    ]);
    expect(buildPromptTurns(plain)).toEqual([{ role: 'user', content: plain.customer }]);
    expect(buildPromptTurns(noContext)).toBeUndefined();
  });
});

describe('exportBedrock', () => {
  it('writes valid Bedrock Claude records and skips what cannot be one', () => {
    const result = exportBedrock(all, { system: 'Warm, plain, never blames the customer.' });
    expect(validateJsonLines(result.text, validateBedrockRecord)).toEqual([]);
    expect(result.exported).toBe(3);
    expect(result.skipped).toEqual([
      { id: withoutRewrite.id, reason: 'no rewrite' },
      { id: noContext.id, reason: 'no customer message or transcript to use as the prompt' },
    ]);
    const records = result.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records[0]).toEqual({
      system: 'Warm, plain, never blames the customer.',
      messages: [
        { role: 'user', content: plain.customer },
        { role: 'assistant', content: plain.rewrite },
      ],
    });
    expect(records[1].messages).toHaveLength(4);
    expect(records[1].messages.at(-1)).toEqual({ role: 'assistant', content: conversation.rewrite });
  });

  it('leaves out an empty system prompt rather than sending it empty', () => {
    const result = exportBedrock([plain], { system: '  ' });
    expect(validateJsonLines(result.text, validateBedrockRecord)).toEqual([]);
    expect(Object.keys(JSON.parse(result.text))).toEqual(['messages']);
  });
});

describe('exportOpenAi', () => {
  it('writes valid OpenAI chat records with the voice as the system message', () => {
    const result = exportOpenAi(selectExportable(all, 'accepted+ready'), { system: 'Warm.' });
    expect(validateJsonLines(result.text, validateOpenAiRecord)).toEqual([]);
    const first = JSON.parse(result.text.split('\n')[0]!);
    expect(first.messages[0]).toEqual({ role: 'system', content: 'Warm.' });
    expect(result.exported).toBe(2);
  });
});

describe('exportDpo', () => {
  it('writes prompt / chosen / rejected strings, rendering transcripts as labelled turns', () => {
    const same = makeItem({ status: 'ready', customer: 'Z', original: 'Same.', rewrite: 'Same.' });
    const result = exportDpo([...all, same]);
    expect(validateJsonLines(result.text, validateDpoRecord)).toEqual([]);
    const records = result.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records[0]).toEqual({ prompt: plain.customer, chosen: plain.rewrite, rejected: plain.original });
    expect(records[1].prompt).toBe('Customer: My refund never came.\n\nIt has been two weeks.\n\nAgent: Let me check.\n\nI see the refund was issued.\n\nCustomer: Still nothing!');
    expect(result.skipped.map((s) => s.reason)).toContain('the rewrite is the same as the original');
  });
});

describe('exportCsv', () => {
  it('writes one row per item that a CSV parser reads back, neutralising formulas', () => {
    const formula = makeItem({ status: 'ready', customer: '=HYPERLINK("http://x")', original: 'Per our policy,\n"quoted", two lines', scores: { tone: 2, clarity: 4 } });
    const result = exportCsv([...all, formula]);
    expect(validateCsv(result.text, 6)).toEqual([]);
    const rows = parse(result.text, { columns: true }) as Record<string, string>[];
    const last = rows.at(-1)!;
    expect(last.customer).toBe('\'=HYPERLINK("http://x")');
    expect(last.original).toBe('Per our policy,\n"quoted", two lines');
    expect(last.scores).toBe('clarity=4; tone=2');
    expect(last.rules).toBe('no-policy');
    expect(last.times_seen).toBe('1');
    expect(rows.find((r) => r.id === withoutRewrite.id)!.rewrite).toBe('');
  });
});

describe('the validators themselves', () => {
  it('catch broken records', () => {
    expect(validateBedrockRecord({ messages: [{ role: 'assistant', content: 'a' }, { role: 'user', content: 'b' }] })).toEqual(
      expect.arrayContaining(['turn 0: expected user, got assistant', 'last turn is not assistant']),
    );
    expect(validateBedrockRecord({ messages: [{ role: 'user', content: ' ' }, { role: 'assistant', content: 'b', name: 'x' }], extra: 1 })).toEqual(
      expect.arrayContaining(['extra key extra', 'turn 0: empty content', 'turn 1: extra key name']),
    );
    expect(validateOpenAiRecord({ messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u' }, { role: 'user', content: 'v' }] })).toEqual(
      expect.arrayContaining(['turn 1: expected assistant, got user']),
    );
    expect(validateDpoRecord({ prompt: 'p', chosen: 'x', rejected: 'x' })).toEqual(['chosen equals rejected']);
    expect(validateDpoRecord({ prompt: 'p', chosen: 'x' })).toEqual(expect.arrayContaining(['missing key rejected']));
  });
});

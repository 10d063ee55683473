import { describe, expect, it } from 'vitest';
import { salesforce } from '../../../src/load/importers/salesforce.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { load, readFixture, where } from './import-helpers.js';

describe('salesforce ConversationEntry importer', () => {
  it('groups CSV rows by ConversationId, orders them by EntryTime and maps ActorType (detected from the header)', async () => {
    const { samples, errors } = await load(['salesforce-conversation-entries.csv']);
    expect(errors).toEqual([]);
    // Conversation AAA has two bot turns, each judged in the context before it; BBB one.
    expect(samples.map((s) => s.id)).toEqual(['0Mw000000000AAA#0', '0Mw000000000AAA#1', '0Mw000000000BBB']);
    const second = samples[1]!;
    expect(second.response).toBe('Please provide your order number.');
    expect(second.transcript?.map((t) => t.role)).toEqual(['customer', 'bot', 'customer']);
    expect(second.customer).toBe("I already gave it: 55120. Get me a human.");
    expect(second.metadata).toMatchObject({ import_format: 'salesforce', agent_turns: 1, turns_after_last_bot_turn: 1, timestamp: '2026-11-06T08:00:00.000+0000' });
  });

  it('reads a SOQL query result holding the rows of several sessions', () => {
    const rows = [
      { attributes: { type: 'ConversationEntry' }, ConversationId: 'A', ActorType: 'EndUser', Message: 'hi', EntryTime: '2026-11-06T08:00:00.000+0000' },
      { attributes: { type: 'ConversationEntry' }, ConversationId: 'A', ActorType: 'Bot', Message: 'Hello!', EntryTime: '2026-11-06T08:00:01.000+0000' },
      { attributes: { type: 'ConversationEntry' }, ConversationId: 'B', ActorType: 'Supervisor', Message: 'Joining.', EntryTime: '2026-11-06T09:00:00.000+0000' },
    ];
    const result = salesforce.read([{ totalSize: 3, done: true, records: rows }], { botAuthors: new Set() });
    expect(result.ok && result.conversations.map((c) => [c.id, c.turns.map((t) => t.role)])).toEqual([['A', ['customer', 'bot']], ['B', ['agent']]]);
  });

  it('warns when a conversation\'s rows are split apart, and does not merge them', async () => {
    const lines = readFixture('salesforce-conversation-entries.csv').trim().split('\n');
    const header = lines[0]!;
    const dir = tempDir({ 'e.csv': [header, lines[1], lines[2], lines[7], lines[8], lines[3], lines[5]].join('\n') + '\n' });
    const { samples, warnings } = await load(['e.csv'], { cwd: dir });
    expect(warnings.map(where)).toEqual([
      'e.csv:6 : conversation 0Mw000000000AAA continues here after rows of other conversations: read as a separate conversation, not merged',
      'e.csv:6 id: duplicate id `0Mw000000000AAA` (first seen at e.csv:2); both records are kept',
    ]);
    expect(samples.map((s) => [s.id, s.transcript?.length])).toEqual([['0Mw000000000AAA', 1], ['0Mw000000000BBB', 1], ['0Mw000000000AAA', 1]]);
  });

  it('points at the row with an unknown ActorType or no EntryTime', async () => {
    const dir = tempDir({
      'e.jsonl': [
        { ConversationId: 'A', ActorType: 'Robot', Message: 'x', EntryTime: '2026-11-06T08:00:00Z' },
        { ConversationId: 'B', ActorType: 'Bot', Message: 'x' },
      ].map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
    const { errors } = await load(['e.jsonl'], { cwd: dir, format: 'salesforce' });
    expect(errors.map(where)).toEqual([
      'e.jsonl:1 ActorType: unknown ActorType `Robot`; expected Agent, Bot, EndUser, Supervisor or System',
      'e.jsonl:2 EntryTime: missing field `EntryTime`: when the entry was made',
    ]);
  });
});

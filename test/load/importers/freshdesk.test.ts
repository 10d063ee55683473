import { describe, expect, it } from 'vitest';
import { freshdesk } from '../../../src/load/importers/freshdesk.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { load, readFixture, where } from './import-helpers.js';

const ticket = () => JSON.parse(readFixture('freshdesk-ticket.json')) as Record<string, unknown>;

describe('freshdesk importer', () => {
  it('reads description and conversations: incoming is the customer, --bot-author the bot, private notes left out', async () => {
    const { samples, errors, warnings } = await load(['freshdesk-ticket.json'], { format: 'freshdesk', botAuthors: ['43000777'] });
    expect(errors).toEqual([]);
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({
      id: '8812',
      response: 'Unfortunately you should have read the billing docs before the invoice was issued.',
      customer: 'My invoice shows our old address. Can you fix it before we pay?',
      metadata: { import_format: 'freshdesk', freshdesk_subject: 'Invoice address wrong', private_notes: 1, agent_turns: 1, turns_after_last_bot_turn: 2 },
    });
    expect(JSON.stringify(samples[0])).not.toContain('enterprise plan');
    expect(warnings).toHaveLength(1);
  });

  it('without --bot-author every outgoing reply is a human agent\'s: nothing is judged as the bot', async () => {
    const { samples, warnings } = await load(['freshdesk-ticket.json'], { format: 'freshdesk' });
    expect(samples).toEqual([]);
    expect(warnings.map(where)).toContainEqual(expect.stringMatching(/freshdesk conversation 8812 has no bot turn \(2 human-agent replies\)/));
  });

  it('falls back to body_text when there is no HTML body', () => {
    const record = ticket();
    const entry = (record.conversations as Record<string, unknown>[])[0]!;
    delete entry.body;
    const result = freshdesk.read([record], { botAuthors: new Set(['43000777']) });
    expect(result.ok && result.conversations[0]?.turns[1]).toEqual({ role: 'bot', text: 'Unfortunately you should have read the billing docs before the invoice was issued.' });
  });

  it('is detected from the shape, and points at a conversation missing `incoming`', async () => {
    const record = ticket();
    delete (record.conversations as Record<string, unknown>[])[2]!.incoming;
    const dir = tempDir({ 'ok.jsonl': `${JSON.stringify(ticket())}\n`, 'bad.jsonl': `${JSON.stringify(record)}\n` });
    const detected = await load(['ok.jsonl'], { cwd: dir, botAuthors: ['43000777'] });
    expect(detected.samples.map((s) => s.metadata.import_format)).toEqual(['freshdesk']);
    const { errors } = await load(['bad.jsonl'], { cwd: dir, format: 'freshdesk' });
    expect(errors.map(where)).toEqual(["bad.jsonl:1 conversations[2].incoming: missing field `incoming` (true for a customer's message)"]);
  });

  it('says how to export a ticket with its conversations when they are missing', () => {
    const result = freshdesk.read([{ id: 1, subject: 'x' }], { botAuthors: new Set() });
    expect(result).toMatchObject({ ok: false, path: 'conversations', hint: expect.stringContaining('include=conversations') });
  });
});

import { describe, expect, it } from 'vitest';
import { intercom } from '../../../src/load/importers/intercom.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { load, readFixture, where } from './import-helpers.js';

const conversations = () => readFixture('intercom-conversations.jsonl').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
const noBots = { botAuthors: new Set<string>() };

describe('intercom importer', () => {
  it('is detected from the shape: source then parts, Fin as the bot, admins as human agents, notes and events left out', async () => {
    const { samples, errors, warnings } = await load(['intercom-conversations.jsonl']);
    expect(errors).toEqual([]);
    expect(samples.map((s) => s.id)).toEqual(['215468970000021', '215468970000022']);
    const [outage, howTo] = samples;
    expect(outage?.response).toBe('Kindly note that outages are rare. Please utilize the status page for updates.');
    expect(outage?.customer).toBe('Our production database has been down for an hour. We are losing orders!!');
    expect(outage?.metadata).toMatchObject({ import_format: 'intercom', private_notes: 1, agent_turns: 1, turns_after_last_bot_turn: 2, channel: 'customer_initiated' });
    expect(JSON.stringify(outage)).not.toContain('primary node failed over');
    // HTML entities and inline markup are text: `&#39;` is an apostrophe, <b> leaves no trace.
    expect(howTo?.response).toBe('Open Settings → API keys and choose Rotate. The old key keeps working for 24 hours, so you can switch over without downtime.');
    expect(warnings.map(where)).toEqual([expect.stringMatching(/1 internal note in 1 conversation left out/)]);
  });

  it('reads the turns in order with their roles', () => {
    const result = intercom.read([conversations()[0]!], noBots);
    expect(result.ok && result.conversations[0]?.turns).toEqual([
      { role: 'customer', text: 'Our production database has been down for an hour. We are losing orders!!' },
      { role: 'bot', text: 'Kindly note that outages are rare. Please utilize the status page for updates.' },
      { role: 'customer', text: "I don't need the status page, I need someone to fix it now." },
      { role: 'agent', text: "I'm Marta from the database team. I can see the failover and I'm restoring the replica now; I'll update you here within 15 minutes." },
    ]);
  });

  it('counts an admin part written by the AI agent (is_ai_answer) as the bot', () => {
    const record = conversations()[0]!;
    const parts = (record.conversation_parts as { conversation_parts: Record<string, unknown>[] }).conversation_parts;
    parts[4]!.author = { type: 'admin', id: '1', name: 'Fin', is_ai_answer: true };
    const result = intercom.read([record], noBots);
    expect(result.ok && result.conversations[0]?.turns.at(-1)?.role).toBe('bot');
  });

  it('reads a conversation.list page', () => {
    const result = intercom.read([{ type: 'conversation.list', conversations: conversations() }], noBots);
    expect(result.ok && result.conversations.map((c) => c.id)).toEqual(['215468970000021', '215468970000022']);
  });

  it('points at a part without an author and at an unknown author type', async () => {
    const [first, second] = conversations();
    delete (first!.conversation_parts as { conversation_parts: Record<string, unknown>[] }).conversation_parts[0]!.author;
    (second!.source as Record<string, unknown>).author = { type: 'robot', id: '9' };
    const dir = tempDir({ 'c.jsonl': `${JSON.stringify(first)}\n${JSON.stringify(second)}\n` });
    const { errors } = await load(['c.jsonl'], { cwd: dir, format: 'intercom' });
    expect(errors.map(where)).toEqual([
      'c.jsonl:1 conversation_parts.conversation_parts[0].author: missing field `author`: who wrote the message',
      'c.jsonl:2 source.author.type: unknown author type "robot"; expected user, lead, contact, admin, team or bot',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { zendesk } from '../../../src/load/importers/zendesk.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { load, readFixture, where } from './import-helpers.js';

const page = () => JSON.parse(readFixture('zendesk-tickets.json')) as Record<string, unknown>;
const noBots = { botAuthors: new Set<string>() };

describe('zendesk importer', () => {
  it('reads a comments page: Answer Bot is the bot, the requester the customer, other agents human agents; HTML becomes text', async () => {
    const { samples, errors, warnings } = await load(['zendesk-tickets.json'], { format: 'zendesk' });
    expect(errors).toEqual([]);
    expect(samples).toHaveLength(1);
    const [sample] = samples;
    expect(sample?.id).toBe('35436');
    expect(sample?.response).toBe('Per our policy, no.');
    expect(sample?.customer).toBe('I was charged twice for my November invoice. Please refund one of the charges.');
    expect(sample?.metadata).toMatchObject({ import_format: 'zendesk', zendesk_subject: 'Charged twice for November', channel: 'web', private_notes: 1, agent_turns: 1, turns_after_last_bot_turn: 2 });
    // The private note is nowhere in what is audited.
    expect(JSON.stringify(sample)).not.toContain('gateway retry');
    expect(warnings.map(where)).toEqual([expect.stringMatching(/zendesk-tickets\.json:1 : 1 internal note in 1 conversation left out/)]);
  });

  it('detects the shape without --input-format when the export is one ticket per line', async () => {
    const dir = tempDir({ 'tickets.jsonl': `${JSON.stringify(page())}\n` });
    const { samples } = await load(['tickets.jsonl'], { cwd: dir });
    expect(samples.map((s) => [s.id, s.response, s.metadata.import_format])).toEqual([['35436', 'Per our policy, no.', 'zendesk']]);
  });

  it('keeps human-agent comments as context: judged turns are only the bot\'s', async () => {
    const record = page();
    const comments = record.comments as Record<string, unknown>[];
    // A second bot answer after the person took over: the person's reply is context before it.
    comments.push({ id: 1279, author_id: 900001, public: true, html_body: '<p>Is there anything else?</p>', via: { channel: 'answer_bot_for_web_widget' } });
    const dir = tempDir({ 't.json': JSON.stringify(record) });
    const { samples } = await load(['t.json'], { cwd: dir, format: 'zendesk' });
    expect(samples.map((s) => s.response)).toEqual(['Per our policy, no.', 'Is there anything else?']);
    expect(samples[1]?.transcript?.map((t) => t.role)).toEqual(['customer', 'bot', 'customer', 'agent']);
  });

  it('names bot authors given with --bot-author, by id or by the sideloaded user name', () => {
    const record = page();
    for (const comment of record.comments as Record<string, unknown>[]) comment.via = { channel: 'api' };
    const byName = zendesk.read([record], { botAuthors: new Set(['Answer Bot']) });
    const none = zendesk.read([record], noBots);
    expect(byName.ok && byName.conversations[0]?.turns.map((t) => t.role)).toEqual(['customer', 'bot', 'customer', 'agent']);
    expect(none.ok && none.conversations[0]?.turns.map((t) => t.role)).toEqual(['customer', 'agent', 'customer', 'agent']);
  });

  it('warns (and audits nothing) for a ticket with no bot turn', async () => {
    const record = page();
    for (const comment of record.comments as Record<string, unknown>[]) comment.via = { channel: 'web' };
    const dir = tempDir({ 't.json': JSON.stringify(record) });
    const { samples, warnings } = await load(['t.json'], { cwd: dir, format: 'zendesk' });
    expect(samples).toEqual([]);
    expect(warnings.map(where)).toContainEqual(expect.stringMatching(/conversation 35436 has no bot turn \(2 human-agent replies\)/));
  });

  it('reads a page of tickets with comments inline', () => {
    const { ticket, comments } = page() as { ticket: Record<string, unknown>; comments: unknown[] };
    const result = zendesk.read([{ tickets: [{ ...ticket, comments }, { ...ticket, id: 2, comments: comments.slice(0, 2) }] }], noBots);
    expect(result.ok && result.conversations.map((c) => [c.id, c.turns.length])).toEqual([['35436', 4], ['2', 2]]);
  });

  it('points at the comment missing author_id, and at a comments field that is not a list', async () => {
    const record = page();
    delete (record.comments as Record<string, unknown>[])[3]?.author_id;
    const dir = tempDir({ 't.json': JSON.stringify(record), 'u.jsonl': `${JSON.stringify({ ticket: { id: 1 }, comments: 'none' })}\n` });
    const { errors } = await load(['t.json', 'u.jsonl'], { cwd: dir, format: 'zendesk' });
    expect(errors.map(where)).toEqual([
      't.json:1 comments[3].author_id: missing field `author_id`: who wrote the comment',
      'u.jsonl:1 comments: field `comments` must be a list, got string',
    ]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/importers');
const guide = path.join(root, 'styleguide/northwind.yaml');
const audit = (args: string[], cwd = fixtures) => runCli(['audit', ...args, '--guide', guide, '--grader', 'none'], { cwd });

describe('tone-audit audit with importers', () => {
  it('audits a Zendesk export: the <p>-wrapped bot reply is judged on its text and fails the gate', async () => {
    const run = await audit(['zendesk-tickets.json', '--input-format', 'zendesk', '--format', 'json']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.samples).toHaveLength(1);
    expect(result.samples[0].response).toBe('Per our policy, no.');
    expect(result.samples[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('policy-first');
    expect(run.stderr).toMatch(/warning: zendesk-tickets\.json:1 1 internal note in 1 conversation left out/);
  });

  it('a plain record whose reply is <p>-wrapped HTML is judged on its text too (it used to pass)', async () => {
    const dir = tempDir({ 'r.jsonl': `${JSON.stringify({ customer: 'Refund please', response: '<p>Per our policy, no.</p>' })}\n` });
    const run = await audit(['r.jsonl', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const [sample] = JSON.parse(run.stdout).samples;
    expect(sample.response).toBe('Per our policy, no.');
    expect(sample.metadata.html_converted).toBe(true);
    expect(sample.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('policy-first');
  });

  it('audits an Intercom export without --input-format (detected), judging only the bot turns', async () => {
    const run = await audit(['intercom-conversations.jsonl', '--format', 'json']);
    const result = JSON.parse(run.stdout);
    expect(result.samples.map((s: { id: string }) => s.id)).toEqual(['215468970000021', '215468970000022']);
    const drifting = result.samples[0];
    expect(drifting.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['plain-words']));
    // Marta's reply (a human agent) is context, never a judged sample.
    expect(run.stdout).not.toMatch(/"response": "I'm Marta/);
    // Warnings only (plain words, urgency not acknowledged): the default gate fails on errors.
    expect(run.code).toBe(0);
  });

  it('reads the bundled samples/imports examples the README runs', async () => {
    const zendesk = await audit(['samples/imports/zendesk-tickets.json', '--input-format', 'zendesk'], root);
    expect(zendesk.code).toBe(1);
    expect(zendesk.stdout).toContain('[Per our policy], no.');
    expect(zendesk.stdout).toContain('gate: FAILED');
    const intercom = await audit(['samples/imports/intercom-conversations.jsonl'], root);
    expect(intercom.code).toBe(0);
    expect(intercom.stdout).toMatch(/215468970000021 .* drift/);
    expect(intercom.stdout).toContain('1 pass · 1 drifting');
    expect(readFileSync(path.join(root, 'samples/imports/zendesk-tickets.json'), 'utf8')).toBe(readFileSync(path.join(fixtures, 'zendesk-tickets.json'), 'utf8'));
  });

  it('--bot-author names the bot on Freshdesk, where replies carry no bot marker', async () => {
    const without = await audit(['freshdesk-ticket.json', '--input-format', 'freshdesk']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/freshdesk conversation 8812 has no bot turn/);
    const withBot = await audit(['freshdesk-ticket.json', '--input-format', 'freshdesk', '--bot-author', '43000777', '--format', 'json']);
    expect(JSON.parse(withBot.stdout).samples[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('no-blame');
  });

  it('a record missing a required field: file:line and field, exit 2 with --strict', async () => {
    const record = JSON.parse(readFileSync(path.join(fixtures, 'zendesk-tickets.json'), 'utf8'));
    delete record.comments[1].author_id;
    const dir = tempDir({ 'z.json': JSON.stringify(record, null, 2) });
    const run = await audit(['z.json', '--input-format', 'zendesk', '--strict'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: z.json:1 comments[1].author_id: missing field `author_id`: who wrote the comment');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown --input-format gives a did-you-mean and exits 2', async () => {
    const run = await audit(['zendesk-tickets.json', '--input-format', 'zendsk']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown format "zendsk" — did you mean "zendesk"\?/);
  });

  it('lists the formats in --help', async () => {
    const run = await runCli(['audit', '--help']);
    expect(run.code).toBe(0);
    for (const name of ['parquet', 'zendesk', 'intercom', 'freshdesk', 'salesforce', 'openai', 'anthropic', 'langfuse', '--bot-author']) expect(run.stdout).toContain(name);
  });

  it('accepts an importer as the config file\'s inputFormat', async () => {
    const dir = tempDir({ '.toneauditrc.yaml': 'inputFormat: anthropic\n', 'a.jsonl': readFileSync(path.join(fixtures, 'anthropic-messages.jsonl'), 'utf8') });
    const run = await audit(['a.jsonl', '--format', 'json'], dir);
    expect(JSON.parse(run.stdout).samples.map((s: { metadata: { import_format: string } }) => s.metadata.import_format)).toEqual(['anthropic', 'anthropic']);
  });
});

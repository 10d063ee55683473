import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { readBacklog, writeBacklog, type BacklogItem } from '../../src/backlog/index.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { addBacklogCommands } from '../../src/cli/program-backlog.js';
import { formatProblem, UserError } from '../../src/errors.js';
import { makeItem } from '../backlog/backlog-fixtures.js';
import { validateBedrockRecord, validateCsv, validateJsonLines } from '../backlog/validate-export.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const guide = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../styleguide/northwind.yaml');
const wired = buildProgram({} as Io, () => undefined).commands.some((c) => c.name() === 'backlog');

/**
 * Through `main()` once program.ts registers the backlog commands; until then through
 * `addBacklogCommands` on a bare program, with errors reported the way `main()` reports them.
 */
async function backlog(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  if (wired) return runCli(['backlog', ...args], options);
  let stdout = '';
  let stderr = '';
  let code = 0;
  const stdin = new PassThrough();
  stdin.end('');
  const io: Io = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    stdin,
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd,
    now: () => new Date('2026-11-23T12:00:00Z'),
  };
  const program = new Command('tone-audit').exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  addBacklogCommands(program, io, (c) => (code = c));
  try {
    await program.parseAsync(['backlog', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { code: error.exitCode === 0 ? 0 : 2, stdout, stderr };
    if (!(error instanceof UserError)) throw error;
    stderr += `error: ${error.message}\n${error.problems.map((p) => `error: ${formatProblem(p)}\n`).join('')}${error.hint ? `hint: ${error.hint}\n` : ''}`;
    return { code: 2, stdout, stderr };
  }
  return { code, stdout, stderr };
}

const drifting = makeItem({
  customer: 'How do I rotate my API key?',
  original: 'Obviously, you should have read the docs.',
  findings: [{ ruleId: 'no-condescension', severity: 'error', message: 'Talks down', match: 'Obviously' }],
  status: 'needs-review',
  rewrite: 'Obviously, open Settings.',
  rewriteSource: 'grader',
  notes: 'rewrite not ready: still fails no-condescension (error) "Obviously"',
  scores: { empathy: 2 },
});
const ready = makeItem({ customer: 'Refund?', original: 'Per our policy, refunds take 10 days.', status: 'ready', guideVersion: '2026.5' });
const { rewrite: _r, rewriteSource: _s, ...bare } = makeItem({ customer: 'Hello', original: 'Per our policy, hello.', status: 'needs-review' });

async function setup(items: BacklogItem[] = [drifting, ready, bare as BacklogItem]): Promise<{ cwd: string; file: string }> {
  const cwd = tempDir();
  const file = path.join(cwd, 'tone-audit-backlog.jsonl');
  await writeBacklog(file, items);
  return { cwd, file };
}

describe('tone-audit backlog (CLI)', () => {
  it('lists items with filters, as a table or JSON', async () => {
    const { cwd } = await setup();
    const table = await backlog(['list'], { cwd });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+STATUS\s+SEEN\s+REWRITE\s+RULES\s+ORIGINAL/);
    expect(table.stdout).toContain('3 item(s)');
    const json = await backlog(['list', '--status', 'needs-review', '--rule', 'no-condescension', '--format', 'json'], { cwd });
    expect(JSON.parse(json.stdout).map((i: BacklogItem) => i.id)).toEqual([drifting.id]);
    const byVersion = await backlog(['list', '--guide-version', '2026.5', '--format', 'json'], { cwd });
    expect(JSON.parse(byVersion.stdout).map((i: BacklogItem) => i.id)).toEqual([ready.id]);
    const byDimension = await backlog(['list', '--dimension', 'empathy', '--guide', guide, '--format', 'json'], { cwd });
    expect(byDimension.code).toBe(0);
    expect(JSON.parse(byDimension.stdout).map((i: BacklogItem) => i.id)).toEqual([drifting.id]);
    const unknown = await backlog(['list', '--dimension', 'nope', '--guide', guide], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no dimension "nope"/);
  });

  it('shows one item by unique prefix; an ambiguous prefix exits 2 listing matches', async () => {
    const twins = [makeItem({ id: 'abc0000000000001' }), makeItem({ id: 'abc0000000000002' })];
    const { cwd } = await setup([drifting, ...twins]);
    const show = await backlog(['show', drifting.id.slice(0, 6)], { cwd });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`id:        ${drifting.id}`);
    expect(show.stdout).toContain('Obviously, you should have read the docs.');
    const ambiguous = await backlog(['show', 'abc'], { cwd });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('"abc" matches 2 items: abc0000000000001, abc0000000000002');
  });

  it('accepts and rejects, recording who, when and why', async () => {
    const { cwd, file } = await setup();
    const accept = await backlog(['accept', ready.id.slice(0, 8), '--by', 'ana', '--reason', 'good'], { cwd });
    expect(accept).toMatchObject({ code: 0, stdout: `accepted 1 item(s): ${ready.id}\n` });
    const noReason = await backlog(['reject', drifting.id], { cwd });
    expect(noReason.code).toBe(2);
    const reject = await backlog(['reject', drifting.id, '--reason', 'tone is off'], { cwd });
    expect(reject.code).toBe(0);
    const noRewrite = await backlog(['accept', bare.id], { cwd });
    expect(noRewrite.code).toBe(2);
    expect(noRewrite.stderr).toMatch(/no rewrite/);
    const items = new Map((await readBacklog(file)).map((i) => [i.id, i]));
    expect(items.get(ready.id)).toMatchObject({ status: 'accepted', review: { by: 'ana', at: '2026-11-23T12:00:00.000Z', reason: 'good' } });
    expect(items.get(drifting.id)).toMatchObject({ status: 'rejected', review: { reason: 'tone is off' } });
    expect(items.get(bare.id)!.status).toBe('needs-rewrite');
  });

  it('edit --rewrite re-checks the rewrite against the guide rules', async () => {
    const { cwd, file } = await setup();
    const good = await backlog(['edit', drifting.id, '--guide', guide, '--rewrite', 'Open Settings, then API keys, and choose Rotate. The old key keeps working for a day.'], { cwd });
    expect(good).toMatchObject({ code: 0, stdout: `${drifting.id}: ready\n` });
    expect((await readBacklog(file)).find((i) => i.id === drifting.id)).toMatchObject({ status: 'ready', rewriteSource: 'human' });
    const bad = await backlog(['edit', drifting.id, '--guide', guide, '--rewrite', 'I guarantee the key rotation works.'], { cwd });
    expect(bad.code).toBe(0);
    expect(bad.stdout).toMatch(/needs-review — rewrite not ready: breaks no-overpromising \(error\) "I guarantee"/);
  });

  it('edit without --rewrite opens $EDITOR on the current rewrite', async () => {
    const { cwd, file } = await setup();
    const editor = path.join(cwd, 'fake-editor.mjs');
    writeFileSync(
      editor,
      "import { readFileSync, writeFileSync } from 'node:fs';\nconst f = process.argv[2];\nwriteFileSync(f + '.seen', readFileSync(f, 'utf8'));\nwriteFileSync(f, process.env.NEW_TEXT + '\\n');\n",
    );
    const env = { EDITOR: `"${process.execPath}" "${editor}"`, NEW_TEXT: 'Open Settings, then API keys, and choose Rotate.' };
    const run = await backlog(['edit', bare.id, '--guide', guide], { cwd, env });
    expect(run.code).toBe(0);
    expect((await readBacklog(file)).find((i) => i.id === bare.id)).toMatchObject({ rewrite: 'Open Settings, then API keys, and choose Rotate.', rewriteSource: 'human', status: 'ready' });
    const noEditor = await backlog(['edit', bare.id], { cwd });
    expect(noEditor.code).toBe(2);
    expect(noEditor.stderr).toMatch(/EDITOR/);
  });

  it('prints stats', async () => {
    const { cwd } = await setup();
    const run = await backlog(['stats', '--format', 'json'], { cwd });
    // `bare` was written as needs-review without a rewrite (the format before needs-rewrite): read as needs-rewrite.
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 3, byStatus: { 'needs-rewrite': 1, 'needs-review': 1, ready: 1 } });
    expect((await backlog(['stats'], { cwd })).stdout).toMatch(/by status:\n {2}needs-rewrite +1\n {2}needs-review +1/);
  });

  it('exports ready and accepted pairs, valid for Bedrock, to a file', async () => {
    const { cwd } = await setup();
    const byDefault = await backlog(['export', '--format', 'bedrock', '--guide', guide], { cwd });
    expect(byDefault).toMatchObject({ code: 0, stdout: '' });
    expect(byDefault.stderr).toContain('exported 0 accepted item(s) as bedrock');
    expect(byDefault.stderr).toContain('hint: only accepted items are exported');
    const run = await backlog(['export', '--format', 'bedrock', '--include-ready', '--guide', guide, '--output', 'train.jsonl'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('exported 1 accepted/ready item(s) as bedrock to train.jsonl');
    const text = readFileSync(path.join(cwd, 'train.jsonl'), 'utf8');
    expect(validateJsonLines(text, validateBedrockRecord)).toEqual([]);
    expect(JSON.parse(text).system).toMatch(/\w/);
    const csv = await backlog(['export', '--format', 'csv', '--all'], { cwd });
    expect(validateCsv(csv.stdout, 3)).toEqual([]);
    const missing = await backlog(['export'], { cwd });
    expect(missing.code).toBe(2);
  });

  it('refuses (exit 2, naming the items) to export targets that still break a rule, writing nothing', async () => {
    const overpromise = makeItem({ customer: 'Will it work?', original: 'Per our policy, maybe.', status: 'accepted', rewrite: 'I guarantee the key rotation works.', rewriteSource: 'human' });
    const { cwd } = await setup([overpromise, makeItem({ status: 'accepted' })]);
    const run = await backlog(['export', '--format', 'openai', '--guide', guide, '--output', 'train.jsonl'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`refusing to export: the rewrite of 1 item(s) still breaks the guide's rules: ${overpromise.id} (no-overpromising); nothing was written`);
    expect(run.stderr).toMatch(/hint: fix each with `tone-audit backlog edit <id>`/);
    expect(() => readFileSync(path.join(cwd, 'train.jsonl'))).toThrow();
    // A review spreadsheet is not training data: csv exports it.
    expect((await backlog(['export', '--format', 'csv'], { cwd })).code).toBe(0);
  });

  it('exports OpenAI preference pairs with the conversation so far as input messages', async () => {
    const conversation = makeItem({
      status: 'accepted',
      customer: 'It still has not arrived.',
      original: 'Per our policy, please wait.',
      rewrite: 'I am sorry it is taking this long. I have asked our billing team to check it today.',
      rewriteSource: 'human',
      transcript: [
        { role: 'customer', text: 'My refund never came.' },
        { role: 'bot', text: 'Refunds take up to 10 days.' },
        { role: 'customer', text: 'It still has not arrived.' },
      ],
    });
    const { cwd } = await setup([conversation]);
    const run = await backlog(['export', '--format', 'openai-dpo', '--guide', guide], { cwd });
    expect(run.code).toBe(0);
    const record = JSON.parse(run.stdout);
    expect(record.input.messages.slice(1)).toEqual([
      { role: 'user', content: 'My refund never came.' },
      { role: 'assistant', content: 'Refunds take up to 10 days.' },
      { role: 'user', content: 'It still has not arrived.' },
    ]);
    expect(record.input.messages[0].role).toBe('system');
    expect(record.preferred_output).toEqual([{ role: 'assistant', content: conversation.rewrite }]);
    expect(record.non_preferred_output).toEqual([{ role: 'assistant', content: conversation.original }]);
  });

  it('fails with exit 2 and file:line on a damaged backlog, writing nothing', async () => {
    const { cwd, file } = await setup();
    const damaged = `${readFileSync(file, 'utf8')}{"broken"\n`;
    writeFileSync(file, damaged);
    const run = await backlog(['accept', ready.id], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:4 not valid JSON`);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });
});

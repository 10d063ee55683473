import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { validateJunit } from '../report/junit-schema.js';
import { findAll, parseXml } from '../report/parse-xml.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');
const jsonl = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const blame = { id: 'b1', customer: 'My deploy failed.', response: 'You should have read the docs before deploying.' };
const clean = { id: 'c1', customer: 'How do I rotate an API key?', response: 'Open Settings, then API keys, and choose Rotate. The old key keeps working for a day.' };
/** Two style warnings: drift by the pile-up rule, yet nothing the default gate (--fail-on error) fails on. */
const stiff = { id: 'w1', customer: 'How do I restart the agent?', response: 'Kindly restart the agent at this time.' };
const injecting = { id: 'i1', customer: 'My deploy failed.', response: 'You should have read the docs.\n::add-mask::secret\n::error::x' };

/** Lines the Actions runner would run as workflow commands: outside a stop-commands fence, after trimming leading space. */
function runnerCommands(stdout: string): string[] {
  const commands: string[] = [];
  let fence: string | undefined;
  for (const raw of stdout.split(/\r?\n|\r/)) {
    const line = raw.trimStart();
    if (fence !== undefined) {
      if (line === `::${fence}::`) fence = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) fence = stop[1];
    else if (line.startsWith('::')) commands.push(line);
  }
  return commands;
}

const base = ['--guide', guide, '--grader', 'none'];

describe('audit --format github: annotations on stdout', () => {
  it('prints annotations on stdout with --output-dir (the README workflow), gate first, and writes the other formats to files', async () => {
    const dir = tempDir({ 'r.jsonl': jsonl(blame, clean, stiff) });
    const run = await runCli(['audit', 'r.jsonl', ...base, '--format', 'github,json', '--output-dir', 'report'], { cwd: dir });
    expect(run.code).toBe(1);
    const commands = runnerCommands(run.stdout);
    expect(commands).toEqual(run.stdout.trimEnd().split('\n'));
    expect(commands[0]).toMatch(/^::error title=tone-audit gate::Gate FAILED: /);
    expect(commands[1]).toMatch(/^::error file=r\.jsonl,line=1,title=drift%3A no-blame/);
    expect(commands[2]).toMatch(/^::warning file=r\.jsonl,line=3,title=drift%3A plain-words::Sample w1 drifts: 0 errors, 2 warnings\./);
    expect(commands).toHaveLength(3);
    expect(JSON.parse(readFileSync(path.join(dir, 'report/tone-audit.json'), 'utf8')).samples).toHaveLength(3);
    expect(existsSync(path.join(dir, 'report/tone-audit.txt'))).toBe(false);
    expect(run.stderr).toContain('wrote report/tone-audit.json');
  });

  it('says how many were left out and where the full report is, with at most 10 annotations per level', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...blame, id: `b${i}` }));
    const dir = tempDir({ 'r.jsonl': jsonl(...many) });
    const run = await runCli(['audit', 'r.jsonl', ...base, '--format', 'github,json', '--output-dir', 'out'], { cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') } });
    const commands = runnerCommands(run.stdout);
    expect(commands.filter((c) => c.startsWith('::error'))).toHaveLength(10);
    expect(commands.at(-1)).toBe(
      '::notice title=tone-audit%3A more in the full report::16 more replies or records were left out (16 drifting with errors): GitHub shows only 10 annotations of each kind per step, so these are the worst. Full report: out/tone-audit.json, the job summary.',
    );
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toMatch(/^## ❌ Tone audit failed the gate/);
  });

  it('accepts --format terminal,github without a folder: the terminal report fenced off, then the annotations', async () => {
    const dir = tempDir({ 'r.jsonl': jsonl(injecting, clean) });
    const run = await runCli(['audit', 'r.jsonl', ...base, '--format', 'terminal,github'], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)![1];
    const end = lines.indexOf(`::${token}::`);
    expect(lines.slice(1, end).join('\n')).toContain('gate: FAILED');
    expect(lines.slice(1, end).some((l) => l.trimStart() === '::add-mask::secret')).toBe(true); // shown, inside the fence
    const commands = runnerCommands(run.stdout);
    expect(commands).toEqual(lines.slice(end + 1));
    expect(commands.map((c) => c.slice(0, 30))).toEqual(['::error title=tone-audit gate:', '::error file=r.jsonl,line=1,ti']);
    expect(commands.join('\n')).not.toMatch(/::add-mask::|^::error::x/m);
  });

  it('fences a terminal report on GitHub Actions even without the github format', async () => {
    const dir = tempDir({ 'r.jsonl': jsonl(injecting) });
    const run = await runCli(['audit', 'r.jsonl', ...base], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(run.stdout).toMatch(/^::stop-commands::[0-9a-f]{32}\n/);
    expect(runnerCommands(run.stdout)).toEqual([]);
    const plain = await runCli(['audit', 'r.jsonl', ...base], { cwd: dir });
    expect(plain.stdout).not.toContain('::stop-commands::');
  });

  it('sends github to stdout beside --output for another format, and refuses to mix it with a machine format on stdout', async () => {
    const dir = tempDir({ 'r.jsonl': jsonl(clean) });
    const both = await runCli(['audit', 'r.jsonl', ...base, '--format', 'json,github', '--output', 'a.json'], { cwd: dir });
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/^::notice title=tone-audit gate::Gate passed/);
    expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')).gate.passed).toBe(true);
    const mixed = await runCli(['audit', 'r.jsonl', ...base, '--format', 'json,github'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--format github prints workflow commands on stdout, which json cannot share');
    const alone = await runCli(['audit', 'r.jsonl', ...base, '--format', 'github', '--output', 'annotations.txt'], { cwd: dir });
    expect(alone.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'annotations.txt'), 'utf8')).toMatch(/^::notice title=tone-audit gate::/);
  });
});

describe('audit --format junit', () => {
  const spools = () => readdirSync(tmpdir()).filter((f) => f.startsWith('tone-audit-junit-'));

  it('streams through a spool and assembles a schema-valid file whose counts agree with the gate', async () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ ...(i % 3 === 0 ? blame : i % 3 === 1 ? clean : stiff), id: `r${i}` }));
    const dir = tempDir({ 'r.jsonl': jsonl(...records) });
    const before = spools();
    const run = await runCli(['audit', 'r.jsonl', ...base, '--format', 'terminal,junit', '--output-dir', 'out'], { cwd: dir });
    expect(run.code).toBe(1);
    const doc = parseXml(readFileSync(path.join(dir, 'out/tone-audit.xml'), 'utf8'));
    expect(validateJunit(doc)).toEqual([]);
    const samples = doc.children.find((s) => s.attrs.name === 'tone-audit: samples')!;
    // The gate failed: every drifting reply fails, the blaming ones and the stiff ones (two warnings pile up).
    expect(samples.attrs).toMatchObject({ tests: '300', failures: '200', errors: '0', skipped: '0', timestamp: '2026-11-23T12:00:00' });
    expect(findAll(samples, 'testcase').map((t) => t.attrs.name)).toEqual(records.map((r) => r.id));
    expect(spools()).toEqual(before);
  });

  it('has no failure at all when only warnings were found and the audit exits 0', async () => {
    const dir = tempDir({ 'r.jsonl': jsonl(stiff, clean) });
    const run = await runCli(['audit', 'r.jsonl', ...base, '--format', 'junit'], { cwd: dir });
    expect(run.code).toBe(0);
    const doc = parseXml(run.stdout);
    expect(validateJunit(doc)).toEqual([]);
    expect(doc.attrs).toMatchObject({ failures: '0', errors: '0' });
    expect(findAll(doc, 'failure')).toEqual([]);
  });
});

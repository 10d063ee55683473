import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');

const jsonl = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const blame = { id: 'b1', customer: 'My deploy failed.', response: 'You should have read the docs before deploying.' };
const clean = { id: 'c1', customer: 'How do I rotate an API key?', response: 'Open Settings, then API keys, and choose Rotate. The old key keeps working for a day.' };

describe('tone-audit audit', () => {
  it('audits the bundled samples with the bundled guide and fails the gate on error findings', async () => {
    const run = await runCli(['audit', path.join(root, 'samples/support-replies.jsonl'), '--grader', 'none'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('gate: FAILED');
    expect(run.stdout).toMatch(/\d+ samples · \d+ pass · \d+ drifting/);
    expect(run.stdout).toContain('grader: none (rules only)');
  });

  it('passes (exit 0) when no finding reaches --fail-on', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(clean) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gate: passed');
  });

  it('writes a versioned JSON result with guide identity, findings with spans, and a summary', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(blame, clean) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.schemaVersion).toBe(2);
    expect(result.tool.name).toBe('tone-audit');
    expect(result.guide.brand).toMatch(/Northwind/);
    expect(result.guide.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.grader).toEqual({ kind: 'none' });
    expect(result.samples.map((s: { id: string }) => s.id)).toEqual(['b1', 'c1']);
    const finding = result.samples[0].findings.find((f: { ruleId: string }) => f.ruleId === 'no-blame');
    expect(finding.match).toMatch(/^you should have read/i);
    expect(blame.response.slice(finding.span.start, finding.span.end)).toBe(finding.match);
    expect(result.summary.samples).toBe(2);
    expect(result.summary.drifting).toBe(1);
    expect(result.gate.passed).toBe(false);
    expect(result.summary.rules.some((r: { findings: number }) => r.findings === 0)).toBe(true);
  });

  it('gives byte-identical JSON for the same input (determinism)', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(blame, clean) });
    const args = ['audit', 'a.jsonl', '--guide', guide, '--grader', 'heuristic', '--format', 'json'];
    const first = await runCli(args, { cwd: dir });
    const second = await runCli(args, { cwd: dir });
    expect(first.stdout).toBe(second.stdout);
    expect(JSON.parse(first.stdout).grader.kind).toBe('heuristic');
  });

  it('says plainly that the offline heuristic grader ran when no API key is set', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(clean) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide], { cwd: dir });
    expect(run.stdout).toMatch(/grader: heuristic.*no ANTHROPIC_API_KEY/);
  });

  it('skips broken records with file:line warnings, counts them, and keeps going', async () => {
    const dir = tempDir({ 'a.jsonl': `${JSON.stringify(clean)}\n{not json\n${JSON.stringify({ id: 'x', customer: 'hi' })}\n` });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json'], { cwd: dir });
    // Skipped input fails the gate by default: broken data must not pass CI unnoticed.
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/warning: .*a\.jsonl:2/);
    expect(run.stderr).toMatch(/warning: .*a\.jsonl:3.*response/);
    const result = JSON.parse(run.stdout);
    expect(result.summary.skippedRecords).toBe(2);
    expect(result.inputProblems).toHaveLength(2);
    expect(result.gate.reasons).toEqual([expect.stringMatching(/^2 input record\(s\) could not be read .* --max-skipped 0/)]);
    const allowed = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json', '--max-skipped', '2'], { cwd: dir });
    expect(allowed.code).toBe(0);
  });

  it('exits 2 on the first broken record with --strict', async () => {
    const dir = tempDir({ 'a.jsonl': `${JSON.stringify(clean)}\n{not json\n` });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--strict'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a\.jsonl:2/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('audits the bundled malformed file without crashing', async () => {
    const run = await runCli(['audit', path.join(root, 'samples/malformed.jsonl'), '--grader', 'none', '--format', 'json'], { cwd: root });
    expect([0, 1]).toContain(run.code);
    expect(JSON.parse(run.stdout).summary.skippedRecords).toBeGreaterThan(0);
  });

  it('exits 2 with a clear message for a missing samples file', async () => {
    const dir = tempDir();
    const run = await runCli(['audit', 'nope.jsonl', '--guide', guide], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*nope\.jsonl/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('maps fields with --field and reads stdin with -', async () => {
    const stdin = jsonl({ ticket: 't1', user_msg: 'Hello', bot_reply: 'You should have checked first.' });
    const run = await runCli(
      ['audit', '-', '--input-format', 'jsonl', '--field', 'id=ticket', '--field', 'customer=user_msg', '--field', 'response=bot_reply', '--guide', guide, '--grader', 'none', '--format', 'json'],
      { stdin },
    );
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.samples[0].id).toBe('t1');
    expect(result.samples[0].customer).toBe('Hello');
  });

  it('rejects a bad --field spec, a bad rate and an unknown format with exit 2', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(clean) });
    for (const args of [
      ['--field', 'reply'],
      ['--max-drift-rate', 'lots'],
      ['--format', 'pdf'],
      ['--no-such-flag'],
    ]) {
      const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', ...args], { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/error/i);
    }
  });

  it('rejects --concurrency outside 1–256 with exit 2, as the config file does', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(clean) });
    for (const value of ['0', '257']) {
      const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--concurrency', value], { cwd: dir });
      expect(run.code, value).toBe(2);
      expect(run.stderr, value).toContain(`expected a whole number from 1 to 256, got "${value}"`);
    }
    const ok = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--concurrency', '1'], { cwd: dir });
    expect(ok.code).toBe(0);
  });

  it('fails the gate on --max-drift-rate and on --max-warnings, listing each reason', async () => {
    // Warnings alone are advisory (the verdict policy); the error makes the reply drift.
    const dir = tempDir({ 'a.jsonl': jsonl(clean, { id: 'w', customer: 'Hi', response: 'Kindly utilize the dashboard to view it. It was your fault.' }) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--max-drift-rate', '10%', '--max-warnings', '0'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/drift rate/i);
    expect(run.stdout).toMatch(/warning/i);
  });

  it('exits 2 when --grader llm has no API key, without a stack trace', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(clean) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'llm'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ANTHROPIC_API_KEY');
  });

  it('writes the report atomically to --output and leaves no temp file', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(blame) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json', '--output', 'out/audit.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'out/audit.json'), 'utf8')).summary.samples).toBe(1);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['audit.json']);
  });

  it('colours only on a TTY without NO_COLOR, and escapes control characters in bot text', async () => {
    const evil = { id: 'e', customer: 'hi', response: 'As I already said, \u001b[2J\u001b]0;pwned\u0007 restart it.' };
    const dir = tempDir({ 'a.jsonl': jsonl(evil) });
    const plain = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none'], { cwd: dir, tty: true });
    expect(plain.stdout).not.toMatch(/\u001b\[2J/);
    expect(plain.stdout).toContain('\\x1b[2J');
    expect(plain.stdout).not.toMatch(/\u001b\[\d+m/);
    const coloured = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none'], { cwd: dir, tty: true, env: { NO_COLOR: undefined } });
    expect(coloured.stdout).toMatch(/\u001b\[\d+m/);
    expect(coloured.stdout).not.toMatch(/\u001b\[2J/);
  });
});

describe('audit: nothing to judge, silent formats and huge replies', () => {
  it('exits 2 when no sample could be read (empty input, or every record skipped)', async () => {
    const dir = tempDir({ 'empty.jsonl': '', 'a.csv': 'id,customer,bot_reply\nr1,Hi,Hello there\n' });
    const empty = await runCli(['audit', 'empty.jsonl', '--guide', guide, '--grader', 'none'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no samples could be read/);
    const unmapped = await runCli(['audit', 'a.csv', '--guide', guide, '--grader', 'none', '--field', 'response=nope'], { cwd: dir });
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toMatch(/--field mapping may name a missing column/);
  });

  it('prints the gate reasons on stderr when no terminal report is shown', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl(blame) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/gate failed:\n {2}- \d+ findings? of severity error/);
  });

  it('cuts a huge reply in the terminal but keeps it whole in JSON', async () => {
    // Just under the 100 kB per-record limit (above it the record is skipped: test/load/samples/record-size.test.ts).
    const long = { id: 'long', customer: 'Hi', response: `You should have read the docs. ${'word '.repeat(19_000)}` };
    const dir = tempDir({ 'a.jsonl': jsonl(long) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none'], { cwd: dir });
    expect(run.stdout.length).toBeLessThan(20_000);
    expect(run.stdout).toMatch(/more characters\)/);
  });
});

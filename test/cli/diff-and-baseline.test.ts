import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');
const jsonl = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const good = (i: number) => ({ id: `s${i}`, customer: 'How do I rotate an API key?', response: `Open Settings, then API keys, and choose Rotate for key ${i}. The old key keeps working for a day.` });
const blamed = (i: number) => ({ id: `s${i}`, customer: 'How do I rotate an API key?', response: `You should have read the guide for key ${i}. Open Settings and choose Rotate.` });

async function writeAudit(dir: string, name: string, records: object[]): Promise<string> {
  writeFileSync(path.join(dir, `${name}.jsonl`), jsonl(records));
  const run = await runCli(['audit', `${name}.jsonl`, '--guide', guide, '--grader', 'none', '--format', 'json', '--output', `${name}.json`], { cwd: dir });
  expect(run.code).not.toBe(2);
  return path.join(dir, `${name}.json`);
}

describe('baseline comparison and the gate', () => {
  it('diffs two paired audits: newly drifting and fixed samples, per-rule change', async () => {
    const dir = tempDir();
    await writeAudit(dir, 'base', [good(1), good(2), blamed(3)]);
    await writeAudit(dir, 'head', [blamed(1), good(2), good(3)]);
    const run = await runCli(['diff', 'base.json', 'head.json', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const { comparison } = JSON.parse(run.stdout);
    expect(comparison.mode).toBe('paired');
    expect(comparison.samples.newlyDrifting).toEqual(['s1']);
    expect(comparison.samples.fixed).toEqual(['s3']);
    const noBlame = comparison.rules.find((r: { ruleId: string }) => r.ruleId === 'no-blame');
    expect(noBlame.base.count).toBe(1);
    expect(noBlame.head.count).toBe(1);
  });

  it('fails audit --baseline with --max-newly-drifting 0, listing the reason', async () => {
    const dir = tempDir();
    await writeAudit(dir, 'base', [good(1), good(2)]);
    writeFileSync(path.join(dir, 'head.jsonl'), jsonl([blamed(1), good(2)]));
    const run = await runCli(['audit', 'head.jsonl', '--guide', guide, '--grader', 'none', '--fail-on', 'info', '--baseline', 'base.json', '--max-newly-drifting', '0', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.gate.reasons.join('\n')).toMatch(/newly drifting|passed in the baseline/i);
  });

  it('pairs transcripts by conversation id: diff lists newly drifting conversations and the gate fails on them', async () => {
    const dir = tempDir();
    const transcript = (id: string, reply: string) => ({
      id,
      messages: [
        { role: 'user', content: 'How do I rotate an API key?' },
        { role: 'assistant', content: 'Open Settings, then API keys, and choose Rotate.' },
        { role: 'user', content: 'Will the old key stop working at once?' },
        { role: 'assistant', content: reply },
      ],
    });
    const fine = 'No, the old key keeps working for a day, so you have time to update your apps.';
    await writeAudit(dir, 'base', [transcript('t1', fine), transcript('t2', fine)]);
    await writeAudit(dir, 'head', [transcript('t1', 'You should have read the guide. It says a day.'), transcript('t2', fine)]);
    const diff = await runCli(['diff', 'base.json', 'head.json', '--format', 'json', '--max-newly-drifting-conversations', '0'], { cwd: dir });
    expect(diff.code).toBe(1);
    const { comparison, gate } = JSON.parse(diff.stdout);
    expect(comparison.conversations.mode).toBe('paired');
    expect(comparison.conversations.conversations.newlyDrifting).toEqual(['t1']);
    expect(comparison.conversations.conversations.stillPassing).toEqual(['t2']);
    expect(gate.reasons).toEqual(['1 conversation passed in the baseline and drift now (t1), more than --max-newly-drifting-conversations 0 allows.']);

    const terminal = await runCli(['diff', 'base.json', 'head.json', '--no-color'], { cwd: dir });
    expect(terminal.stdout).toContain('newly drifting conversations (1): t1');

    // audit --baseline prints the comparison in brief above the summary, and gates on it.
    const audit = await runCli(['audit', 'head.jsonl', '--guide', guide, '--grader', 'none', '--baseline', 'base.json', '--max-newly-drifting-conversations', '0', '--quiet', '--no-color'], { cwd: dir });
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain('Against the baseline');
    expect(audit.stdout).toContain('  newly drifting conversations (1): t1');
    expect(audit.stdout.indexOf('Against the baseline')).toBeLessThan(audit.stdout.indexOf('gate: FAILED'));

    const bad = await runCli(['diff', 'base.json', 'head.json', '--max-newly-drifting-conversations', 'two'], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it('shows a trend for three audits and exits 1 on a diff threshold', async () => {
    const dir = tempDir();
    await writeAudit(dir, 'q1', [good(1), good(2), good(3), good(4)]);
    await writeAudit(dir, 'q2', [good(1), blamed(2), good(3), good(4)]);
    await writeAudit(dir, 'q3', [blamed(1), blamed(2), good(3), good(4)]);
    const run = await runCli(['diff', 'q1.json', 'q2.json', 'q3.json', '--format', 'json', '--max-drift-rate', '0.25'], { cwd: dir });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.trend).toHaveLength(3);
    expect(out.gate.passed).toBe(false);
    const terminal = await runCli(['diff', 'q1.json', 'q2.json', 'q3.json'], { cwd: dir });
    expect(terminal.code).toBe(0);
    expect(terminal.stdout.length).toBeGreaterThan(0);
  });

  it('rejects a baseline that is not an audit result, with exit 2', async () => {
    const dir = tempDir({ 'bad.json': '{"hello": 1}', 'trunc.json': '{"schemaVersion": 1, "samples": [', 'a.jsonl': jsonl([good(1)]) });
    const notAudit = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--baseline', 'bad.json'], { cwd: dir });
    expect(notAudit.code).toBe(2);
    expect(notAudit.stderr).toMatch(/bad\.json:1 schemaVersion: missing; expected the output of tone-audit audit --format json/);
    const truncated = await runCli(['diff', 'trunc.json', 'bad.json'], { cwd: dir });
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/trunc\.json.*not valid JSON/);
    const one = await runCli(['diff', 'bad.json'], { cwd: dir });
    expect(one.code).toBe(2);
  });

  it('reads a schemaVersion 1 baseline (it only lacks conversation verdicts) and refuses an unknown version', async () => {
    const dir = tempDir();
    const base = await writeAudit(dir, 'base', [good(1), blamed(2)]);
    await writeAudit(dir, 'head', [good(1), good(2)]);
    const v1 = JSON.parse(readFileSync(base, 'utf8'));
    writeFileSync(path.join(dir, 'v1.json'), JSON.stringify({ ...v1, schemaVersion: 1 }));
    writeFileSync(path.join(dir, 'v9.json'), JSON.stringify({ ...v1, schemaVersion: 9 }));
    const run = await runCli(['diff', 'v1.json', 'head.json', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const { comparison } = JSON.parse(run.stdout);
    expect(comparison.samples.fixed).toEqual(['s2']);
    expect(comparison.warnings.map((w: { code: string }) => w.code)).toContain('schema-version');
    const future = await runCli(['diff', 'v9.json', 'head.json'], { cwd: dir });
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/v9\.json has schemaVersion 9; this tone-audit reads schemaVersion 1 and 2/);
  });
});

describe('accepted findings (suppressions)', () => {
  it('accepts a reviewed finding so it no longer fails the gate, and reports unused and expired entries', async () => {
    const dir = tempDir({
      'a.jsonl': jsonl([blamed(1)]),
      'accepted.yaml': [
        'accepted:',
        '  - { sample: s1, rule: no-blame, match: "You should have read", reason: "Legacy macro, fixed in p-2026.12", by: qa@northwind.example, date: 2026-11-01 }',
        '  - { sample: s9, rule: no-blame, reason: "gone", by: qa, date: 2026-10-01 }',
        '  - { sample: s1, rule: plain-words, reason: "old", by: qa, date: 2026-10-01, expires: 2026-11-01 }',
      ].join('\n'),
    });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--suppressions', 'accepted.yaml', '--format', 'json'], { cwd: dir });
    const result = JSON.parse(run.stdout);
    expect(result.samples[0].findings.some((f: { ruleId: string }) => f.ruleId === 'no-blame')).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/no longer occurs.*s9/);
    expect(run.stderr).toMatch(/expired.*plain-words/);
  });

  it('rejects a malformed suppressions file with positions, exit 2', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl([good(1)]), 'accepted.yaml': 'accepted:\n  - { sample: s1, rul: no-blame }\n' });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--suppressions', 'accepted.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/accepted\.yaml:2:\d+/);
  });
});

describe('several formats at once', () => {
  it('writes one file per format into --output-dir and keeps the terminal report on stdout', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl([good(1), blamed(2)]) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'terminal,json', '--output-dir', 'reports'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('gate: FAILED');
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/tone-audit.json'), 'utf8')).summary.samples).toBe(2);
  });

  it('refuses two formats on stdout', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl([good(1)]) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json', '--format', 'terminal'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--output-dir/);
  });
});

describe('diff --format html and per-id gate flags', () => {
  it('renders the head audit with the comparison and trend as one HTML page', async () => {
    const dir = tempDir();
    await writeAudit(dir, 'q1', [good(1), good(2), good(3)]);
    await writeAudit(dir, 'q2', [good(1), blamed(2), good(3)]);
    await writeAudit(dir, 'q3', [blamed(1), blamed(2), good(3)]);
    const run = await runCli(['diff', 'q1.json', 'q2.json', 'q3.json', '--format', 'html', '--output', 'trend.html'], { cwd: dir });
    expect(run.code).toBe(0);
    const html = readFileSync(path.join(dir, 'trend.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/trend/i);
    expect(html).toMatch(/<svg/);
  });

  it('gates on --max-rule-drift-rate and --min-dimension-mean, and rejects malformed specs', async () => {
    const dir = tempDir({ 'a.jsonl': jsonl([good(1), blamed(2)]) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'heuristic', '--fail-on', 'info', '--max-rule-drift-rate', 'no-blame=10%', '--min-dimension-mean', 'empathy=4.9', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const reasons = JSON.parse(run.stdout).gate.reasons.join('\n');
    expect(reasons).toMatch(/no-blame/);
    expect(reasons).toMatch(/empathy/);
    for (const bad of [['--max-rule-drift-rate', 'no-blame'], ['--min-dimension-mean', 'empathy=7']]) {
      const r = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', ...bad], { cwd: dir });
      expect(r.code, bad.join(' ')).toBe(2);
    }
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../../..');
const guide = path.join(root, 'styleguide/northwind.yaml');
const fine = { id: 'ok', customer: 'Where are invoices?', response: 'Invoices are under Billing, then History.' };

// A 50 MB reply is a pasted log or a runaway generation: skipped at its line, not sent as one huge request.
describe('the per-record size limit', () => {
  const dir = () => {
    const d = tempDir();
    const huge = { id: 'huge', customer: 'Hi', response: `${'Our logs say the deploy failed. '.repeat(1_600_000)}` };
    writeFileSync(path.join(d, 'a.jsonl'), `${JSON.stringify(fine)}\n${JSON.stringify(huge)}\n${JSON.stringify({ ...fine, id: 'ok2' })}\n`);
    return d;
  };

  it('skips a 50 MB reply with a file:line warning, counts it, and the skipped-records gate fails', { timeout: 120_000 }, async () => {
    const cwd = dir();
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json'], { cwd });
    expect(run.stderr).toMatch(/warning: a\.jsonl:2 response: the record holds 51,200 kB of text \(reply, customer message and transcript\), over the 100 kB limit per record; skipped \(record skipped\)/);
    const result = JSON.parse(run.stdout);
    expect(result.summary.samples).toBe(2);
    expect(result.summary.skippedRecords).toBe(1);
    expect(result.inputProblems).toHaveLength(1);
    expect(run.code).toBe(1);
    expect(result.gate.reasons.join(' ')).toMatch(/skipped/);

    const allowed = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json', '--max-skipped', '1'], { cwd });
    expect(allowed.code).toBe(0);
    // A higher limit takes the record in.
    const raised = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json', '--max-record-kb', '60000'], { cwd });
    expect(JSON.parse(raised.stdout).summary).toMatchObject({ samples: 3, skippedRecords: 0 });
  });

  it('exits 2 under --strict, naming the record', { timeout: 120_000 }, async () => {
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--strict'], { cwd: dir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: a\.jsonl:2 response: the record holds .* over the 100 kB limit/);
    expect(run.stderr).toMatch(/hint: raise the limit with --max-record-kb/);
  });

  it('--dry-run lists the oversize record and warns about outliers below the limit', { timeout: 120_000 }, async () => {
    const cwd = dir();
    const long = { id: 'long', customer: 'Hi', response: 'Here is the whole log. '.repeat(2_000) };
    writeFileSync(path.join(cwd, 'a.jsonl'), `${JSON.stringify({ ...fine, id: 'ok3' })}\n${JSON.stringify(long)}\n${JSON.stringify({ ...fine, id: 'ok4' })}\n`, { flag: 'a' });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--dry-run'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: a\.jsonl:2 response: the record holds .* limit per record; skipped \(record skipped\)/);
    expect(run.stderr).toMatch(/warning: a\.jsonl:5 long: 46 kB of text, \d+× the median sample/);
    expect(run.stdout).toMatch(/dry run: 5 samples \(1 broken or oversize records would be skipped\)/);
  });
});

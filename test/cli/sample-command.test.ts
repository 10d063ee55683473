import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const samples = path.join(root, 'samples/support-replies.jsonl');

describe('tone-audit sample', () => {
  it('draws the same sample for the same seed, in the audit input format', async () => {
    const first = await runCli(['sample', samples, '--size', '12', '--seed', 'q4']);
    const second = await runCli(['sample', samples, '--size', '12', '--seed', 'q4']);
    const other = await runCli(['sample', samples, '--size', '12', '--seed', 'q5']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).not.toBe(other.stdout);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('response');
    expect(first.stderr).toMatch(/n = 12/);
  });

  it('prints the seed it drew when none is given, so the sample can be reproduced', async () => {
    const run = await runCli(['sample', samples, '--size', '3']);
    const seed = /--seed (\S+)/.exec(run.stderr)?.[1];
    expect(seed).toBeDefined();
    const again = await runCli(['sample', samples, '--size', '3', '--seed', seed!]);
    expect(again.stdout).toBe(run.stdout);
  });

  it('computes the size from --margin and stratifies by channel', async () => {
    const run = await runCli(['sample', samples, '--margin', '0.1', '--stratify-by', 'channel', '--seed', '1']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/±10\.0% at 95% confidence/);
    expect(run.stderr).toMatch(/strata: /);
  });

  it('exits 2 on contradictory or missing options', async () => {
    const dir = tempDir();
    expect((await runCli(['sample', samples, '--seed', '1'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['sample', samples, '--size', '5', '--margin', '0.05', '--seed', '1'], { cwd: dir })).code).toBe(2);
    const missing = await runCli(['sample', 'missing.jsonl', '--size', '5', '--seed', '1'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: cannot read samples file missing.jsonl: no such file\nhint: check the path; use - to read from stdin\n');
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const bundled = readFileSync(path.join(root, 'samples/support-replies.jsonl'), 'utf8').trim().split('\n');

/** The parts of a result that are judgement, not bookkeeping about where the input came from. */
function judgement(result: { samples: { findings: unknown; grade?: unknown; verdict: unknown }[]; summary: Record<string, unknown>; gate: unknown }) {
  const { findings, grade, verdict } = result.samples[0]!;
  return { findings, grade, verdict, summary: result.summary, gate: result.gate };
}

describe('one audit engine for audit and check', () => {
  it('judges a reply given to check exactly as audit judges the same record', async () => {
    for (const line of bundled.slice(0, 6)) {
      const record = JSON.parse(line) as { id: string; customer: string; response: string };
      const dir = tempDir({ 'one.jsonl': `${JSON.stringify({ id: 'check', customer: record.customer, response: record.response })}\n` });
      const audited = await runCli(['audit', path.join(dir, 'one.jsonl'), '--grader', 'heuristic', '--format', 'json', '--no-cache'], { cwd: dir });
      const checked = await runCli(['check', record.response, '--customer', record.customer, '--grader', 'heuristic', '--format', 'json', '--no-cache'], { cwd: dir });
      expect(checked.code).toBe(audited.code);
      expect(judgement(JSON.parse(checked.stdout))).toEqual(judgement(JSON.parse(audited.stdout)));
    }
  }, 120_000);
});

describe('the worker pool (--jobs)', () => {
  // The pool runs the built worker, so this drives the real binary as a user would.
  const bin = path.join(root, 'bin/tone-audit.js');
  const env = { ...process.env, ANTHROPIC_API_KEY: '', NO_COLOR: '1' };

  it('gives the same result, in input order, as judging in one thread', () => {
    const dir = tempDir({
      'many.jsonl': `${Array.from({ length: 100 }, (_, i) => {
        const record = JSON.parse(bundled[i % bundled.length]!) as Record<string, unknown>;
        return JSON.stringify({ ...record, id: `pool-${i}` });
      }).join('\n')}\n`,
    });
    const run = (jobs: string) =>
      spawnSync(process.execPath, [bin, 'audit', 'many.jsonl', '--grader', 'heuristic', '--format', 'json', '--jobs', jobs, '--no-cache'], { cwd: dir, env, encoding: 'utf8' });
    const one = run('1');
    const two = run('2');
    expect(two.status).toBe(one.status);
    expect(two.stderr).not.toMatch(/\n\s+at /);
    const [a, b] = [JSON.parse(one.stdout), JSON.parse(two.stdout)];
    expect(b.samples.map((s: { id: string }) => s.id)).toEqual(Array.from({ length: 100 }, (_, i) => `pool-${i}`));
    expect(b).toEqual(a);
  }, 180_000);

  it('refuses --jobs 0 as a usage error', () => {
    const r = spawnSync(process.execPath, [bin, 'audit', 'samples/support-replies.jsonl', '--jobs', '0'], { cwd: root, env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
  });
});

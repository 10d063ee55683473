import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm test` builds first, so these run the real compiled binary as a user would.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/tone-audit.js');
const env = { ...process.env, ANTHROPIC_API_KEY: '', NO_COLOR: '1' };

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, env, input, encoding: 'utf8' });
}

describe('the built binary', () => {
  it('prints its version', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs the README main job and exits 1 on the seeded drift', () => {
    const r = run(['audit', 'samples/support-replies.jsonl']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/grader: heuristic/);
    expect(r.stdout).toContain('gate: FAILED');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('pipes sample into audit', () => {
    const sampled = run(['sample', 'samples/support-replies.jsonl', '--size', '25', '--seed', 'smoke']);
    expect(sampled.status).toBe(0);
    expect(sampled.stdout.trim().split('\n')).toHaveLength(25);
    const audited = run(['audit', '-', '--grader', 'none', '--format', 'json'], sampled.stdout);
    expect([0, 1]).toContain(audited.status);
    expect(JSON.parse(audited.stdout).summary.samples).toBe(25);
  });

  it('exits 2 without a stack trace on a missing guide', () => {
    const r = run(['check', 'hello', '--guide', 'nope.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the built binary in a pipe that closes early', () => {
  it('does not crash with EPIPE when the reader stops (| head), and still exits with the gate code', async () => {
    const child = spawn(process.execPath, [bin, 'audit', 'samples/support-replies.jsonl'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -n 1`: read the first chunk, then close the reading end of the pipe.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(1);
  });
});

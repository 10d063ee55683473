import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const ANSI = /\u001b\[\d+m/;
/** Rules only: fast, for what does not depend on the grader. */
const rulesOnly = ['audit', 'samples/support-replies.jsonl', '--grader', 'none', '--quiet'];

describe('audit: the terminal report a person reads', () => {
  it('lists the first 20 replies, says how to see the others, and ends with the headline and the gate', async () => {
    const r = await runCli(['audit', 'samples/support-replies.jsonl', '--grader', 'none'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^nw-\S+ {2}samples\/support-replies\.jsonl:\d+ {2}drift$/gm)).toHaveLength(20);
    const drifting = Number(/(\d+) drifting/.exec(r.stdout)![1]);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`… ${drifting - 20} more replies not shown (the first 20 are above, in input order): --show all lists every one`);
    const tail = r.stdout.trimEnd().split('\n').slice(-8).join('\n');
    expect(tail).toMatch(/240 samples · \d+ pass · \d+ drifting/);
    expect(tail).toMatch(/gate: FAILED\n {2}- \d+ findings of severity error/);
  });

  it('--show n, --show all and --quiet', async () => {
    const rules = ['audit', 'samples/support-replies.jsonl', '--grader', 'none'];
    const all = await runCli([...rules, '--show', 'all'], { cwd: root });
    const drifting = Number(/(\d+) drifting/.exec(all.stdout)![1]);
    expect(drifting).toBeGreaterThan(5);
    expect(all.stdout.match(/ {2}drift$/gm)).toHaveLength(drifting);
    expect(all.stdout).not.toContain('not shown');
    const five = await runCli([...rules, '--show', '5'], { cwd: root });
    expect(five.stdout.match(/ {2}drift$/gm)).toHaveLength(5);
    expect(five.stdout).toContain(`… ${drifting - 5} more replies`);
    const quiet = await runCli([...rules, '--quiet'], { cwd: root });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain('reply:');
    expect(quiet.stdout).toContain(`${drifting} replies not listed (--quiet)`);
    expect(quiet.stdout).toContain('gate: FAILED');
  });

  it('wraps to COLUMNS when stdout is not a terminal, else at 80', async () => {
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
    const wrapped = (await runCli(['audit', 'samples/support-replies.jsonl', '--grader', 'none'], { cwd: root })).stdout;
    expect(widest(wrapped)).toBeLessThanOrEqual(80);
    expect(widest(wrapped)).toBeGreaterThan(70);
    expect(widest((await runCli(['audit', 'samples/support-replies.jsonl', '--grader', 'none'], { cwd: root, env: { COLUMNS: '50' } })).stdout)).toBeLessThanOrEqual(50);
  });

  it('--color and --no-color beat NO_COLOR, FORCE_COLOR and the terminal', async () => {
    expect((await runCli([...rulesOnly, '--color'], { cwd: root })).stdout).toMatch(ANSI);
    expect((await runCli([...rulesOnly, '--no-color'], { cwd: root, tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '3' } })).stdout).not.toMatch(ANSI);
    expect((await runCli([...rulesOnly], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runCli([...rulesOnly], { cwd: root, tty: true })).stdout).not.toMatch(ANSI);
  });

  it('exits 2 with usage for no command at all and for a bad --show', async () => {
    const bare = await runCli([], { cwd: root });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^Usage: tone-audit/);
    expect(bare.stderr).toContain('error: no command given');
    const badShow = await runCli([...rulesOnly, '--show', 'many'], { cwd: root });
    expect(badShow.code).toBe(2);
    expect(badShow.stderr).toContain('expected a whole number >= 0 or "all", got "many"');
  });

  it('takes show and quiet from the config file', async () => {
    const r = await runCli([...rulesOnly.slice(0, -1), '--config', 'test/fixtures/terminal-config/.toneauditrc.yaml'], { cwd: root });
    expect(r.stdout).not.toContain('reply:');
    expect(r.stdout).toMatch(/\d+ replies not listed \(--quiet\)/);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKLOG_MERGE_HEAP_FLAGS, heapFlagsForRun, RELAUNCH_MIN_INPUT_BYTES, STREAMING_HEAP_FLAGS } from '../../src/cli/heap-relaunch.js';
import { WHOLE_DOCUMENT_FORMATS, REPORT_FORMATS } from '../../src/report/format-names.js';
import { REPORTERS } from '../../src/report/registry.js';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../helpers/fake-anthropic-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/tone-audit.js');
const guide = path.join(root, 'styleguide/northwind.yaml');
const samples = path.join(root, 'samples/support-replies.jsonl');

describe('heapFlagsForRun: which streaming audits rerun with a small heap', () => {
  const big = { streamedBytes: RELAUNCH_MIN_INPUT_BYTES, env: {}, execArgv: [] };
  it('relaunches file inputs of at least the threshold, not smaller ones or stdin', () => {
    expect(heapFlagsForRun(big)).toEqual(STREAMING_HEAP_FLAGS);
    expect(heapFlagsForRun({ ...big, streamedBytes: RELAUNCH_MIN_INPUT_BYTES - 1 })).toBeUndefined();
    expect(heapFlagsForRun({ ...big, streamedBytes: undefined })).toBeUndefined();
    expect(heapFlagsForRun({ ...big, mergesBacklog: true })).toEqual(BACKLOG_MERGE_HEAP_FLAGS);
  });
  it('never relaunches the child, nor a run whose heap the user sized', () => {
    expect(heapFlagsForRun({ ...big, env: { TONE_AUDIT_RELAUNCHED: '1' } })).toBeUndefined();
    expect(heapFlagsForRun({ ...big, env: { NODE_OPTIONS: '--enable-source-maps --max-old-space-size=4096' } })).toBeUndefined();
    expect(heapFlagsForRun({ ...big, execArgv: ['--max-semi-space-size=2'] })).toBeUndefined();
    expect(heapFlagsForRun({ ...big, env: { NODE_OPTIONS: '--enable-source-maps' } })).toEqual(STREAMING_HEAP_FLAGS);
  });
  it('TONE_AUDIT_RELAUNCH_MIN_BYTES moves the threshold', () => {
    expect(heapFlagsForRun({ ...big, streamedBytes: 10, env: { TONE_AUDIT_RELAUNCH_MIN_BYTES: '0' } })).toEqual(STREAMING_HEAP_FLAGS);
    expect(heapFlagsForRun({ ...big, env: { TONE_AUDIT_RELAUNCH_MIN_BYTES: String(RELAUNCH_MIN_INPUT_BYTES + 1) } })).toBeUndefined();
    for (const ignored of ['', ' ', 'lots', '-5']) expect(heapFlagsForRun({ ...big, streamedBytes: 10, env: { TONE_AUDIT_RELAUNCH_MIN_BYTES: ignored } })).toBeUndefined();
  });
  it('the whole-document formats are exactly the reporters that need every sample', () => {
    for (const format of REPORT_FORMATS) expect((WHOLE_DOCUMENT_FORMATS as readonly string[]).includes(format)).toBe(REPORTERS[format].needsAllSamples === true);
  });
});

function run(args: string[], env: Record<string, string> = {}, cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TONE_AUDIT_RELAUNCHED: '', GITHUB_ACTIONS: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const withoutTime = (json: string) => JSON.parse(json, (key, value) => (key === 'generatedAt' ? undefined : value));
const relaunchNote = /note: a large streaming audit: running it in a child Node with --max-old-space-size=128 --max-semi-space-size=[248]/;

describe('the built CLI relaunching a large streaming audit', () => {
  const audit = ['audit', samples, '--guide', guide, '--grader', 'none', '--no-cache', '--verbose'];
  it('the child writes the same report and exits with the gate\'s code', () => {
    const relaunched = run([...audit, '--format', 'json'], { TONE_AUDIT_RELAUNCH_MIN_BYTES: '0' });
    const here = run([...audit, '--format', 'json'], { TONE_AUDIT_RELAUNCHED: '1' });
    expect(relaunched.stderr).toMatch(relaunchNote);
    expect(here.stderr).not.toMatch(relaunchNote);
    expect(relaunched.code).toBe(1);
    expect(here.code).toBe(1);
    expect(withoutTime(relaunched.stdout)).toEqual(withoutTime(here.stdout));
    // Everything the run says is said once, by the child.
    expect(relaunched.stderr.match(/gate failed:/g)).toHaveLength(1);
  });
  it('a usage error is still exit 2 with a clear message, from whichever process meets it', () => {
    const result = run([...audit, '--format', 'json', '--fail-on', 'sometimes'], { TONE_AUDIT_RELAUNCH_MIN_BYTES: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: .*fail-on/);
    expect(result.stderr).not.toMatch(/    at /);
  });
  it('runs that keep every sample stay in this process: HTML, a baseline, the backlog, stdin', () => {
    const dir = tempDir();
    const env = { TONE_AUDIT_RELAUNCH_MIN_BYTES: '0' };
    expect(run([...audit, '--format', 'html', '--output', path.join(dir, 'r.html')], env).stderr).not.toMatch(relaunchNote);
    const baseline = path.join(dir, 'base.json');
    run([...audit, '--format', 'json', '--output', baseline], { TONE_AUDIT_RELAUNCHED: '1' });
    expect(run([...audit, '--format', 'json', '--baseline', baseline], env).stderr).not.toMatch(relaunchNote);
    // A backlog that does not exist yet streams nothing: no relaunch. Merging into it afterwards relaunches (threshold 0).
    expect(run([...audit, '--format', 'json', '--backlog', path.join(dir, 'b.jsonl')], { TONE_AUDIT_RELAUNCH_MIN_BYTES: '1' }).stderr).not.toMatch(relaunchNote);
    const merged = run([...audit, '--format', 'json', '--output', path.join(dir, 'r.json'), '--backlog', path.join(dir, 'b.jsonl')], env);
    expect(merged.stderr).toMatch(relaunchNote);
    expect(merged.stderr).toContain("--max-semi-space-size=2");
    expect(merged.stderr).toMatch(/backlog .*b\.jsonl: 0 added, 0 updated/);
    const stdin = spawnSync(process.execPath, [bin, 'audit', '-', '--guide', guide, '--grader', 'none', '--verbose', '--format', 'json'], { input: readFileSync(samples), encoding: 'utf8', env: { ...process.env, ...env, TONE_AUDIT_RELAUNCHED: '', GITHUB_ACTIONS: '' } });
    expect(stdin.stderr).not.toMatch(relaunchNote);
  });
});

describe('signals reach the relaunched child', () => {
  let server: FakeAnthropicServer;
  beforeEach(async () => {
    server = await startFakeAnthropicServer({ latencyMs: 60_000 });
  });
  afterEach(async () => server.close());

  it('one SIGTERM to the parent stops the child cleanly: partial report written, exit 2, no *.tmp', async () => {
    const dir = tempDir({ 'a.jsonl': Array.from({ length: 8 }, (_, i) => JSON.stringify({ id: `r${i}`, response: `Invoices are under Billing (${i}).` })).join('\n') });
    const child = spawn(process.execPath, [bin, 'audit', 'a.jsonl', '--guide', guide, '--grader', 'llm', '--no-cache', '--format', 'json', '--output', 'out.json', '--verbose'], {
      cwd: dir,
      env: { ...process.env, ANTHROPIC_API_KEY: 'sk-ant-test-relaunch', ANTHROPIC_BASE_URL: server.url, NO_COLOR: '1', TONE_AUDIT_RELAUNCH_MIN_BYTES: '0', TONE_AUDIT_RELAUNCHED: '', GITHUB_ACTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let waited = 0; server.messageRequests().length === 0; waited += 25) {
      if (waited > 25_000) throw new Error('the run never called the API');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill('SIGTERM');
    const [exit] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toMatch(relaunchNote);
    expect(exit).toBe(2);
    expect(stderr).toMatch(/interrupted: stopping/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).gate.reasons).toContain('The run was interrupted; the audit is incomplete.');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../helpers/fake-anthropic-server.js';
import { tempDir } from '../helpers/temp-dir.js';

// The built CLI in a real child process, sent real signals while a slow server keeps its calls open.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/tone-audit.js');
const guide = path.join(root, 'styleguide/northwind.yaml');
const OLD_REPORT = '{"an":"earlier report"}\n';

const replies = Array.from({ length: 20 }, (_, i) => JSON.stringify({ id: `r${i}`, customer: 'Where are invoices?', response: `Invoices are under Billing, then History (${i}).` })).join('\n');

let server: FakeAnthropicServer;
beforeEach(async () => {
  server = await startFakeAnthropicServer({ latencyMs: 60_000 });
});
afterEach(async () => server.close());

function setup(): { dir: string; out: string } {
  const dir = tempDir({ 'a.jsonl': replies });
  const out = path.join(dir, 'out');
  mkdirSync(out);
  writeFileSync(path.join(out, 'tone-audit.json'), OLD_REPORT);
  return { dir, out };
}

function start(dir: string, extra: string[] = []): { child: ChildProcess; stderr: () => string } {
  const input = extra.length > 0 ? [] : ['a.jsonl'];
  const child = spawn(process.execPath, [bin, 'audit', ...input, '--guide', guide, '--grader', 'llm', '--no-cache', '--format', 'json', '--output-dir', 'out', ...extra], {
    cwd: dir,
    env: { ...process.env, ANTHROPIC_API_KEY: 'sk-ant-test-signals', ANTHROPIC_BASE_URL: server.url, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 25) {
    if (waited > 25_000) throw new Error('timed out waiting for the run to start');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const temps = (out: string) => readdirSync(out).filter((f) => f.endsWith('.tmp'));

describe('signals during an LLM audit', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`a second ${signal} exits at once (${code}): no *.tmp left, the earlier report untouched`, async () => {
      const { dir, out } = setup();
      // Replies arrive on stdin, which stays open (a log being tailed): after the first signal the run
      // still waits there, so the second one lands while the report is half written.
      const { child } = start(dir, ['-', '--input-format', 'jsonl']);
      child.stdin!.write(`${replies}\n`);
      await until(() => server.messageRequests().length > 0 && temps(out).length > 0);
      child.kill(signal);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(child.exitCode).toBeNull();
      expect(temps(out)).toHaveLength(1);
      child.kill(signal);
      const [exit] = (await once(child, 'exit')) as [number | null];
      expect(exit).toBe(code);
      expect(temps(out)).toEqual([]);
      expect(readFileSync(path.join(out, 'tone-audit.json'), 'utf8')).toBe(OLD_REPORT);
    });
  }

  it('one SIGTERM is handled like Ctrl-C: the calls in flight are cancelled, the partial report written, exit 2', async () => {
    const { dir, out } = setup();
    const { child, stderr } = start(dir);
    await until(() => server.messageRequests().length > 0 && temps(out).length > 0);
    child.kill('SIGTERM');
    const [exit] = (await once(child, 'exit')) as [number | null];
    expect(exit).toBe(2);
    expect(stderr()).toMatch(/interrupted: stopping; API calls in flight are cancelled/);
    expect(temps(out)).toEqual([]);
    const report = JSON.parse(readFileSync(path.join(out, 'tone-audit.json'), 'utf8'));
    expect(report.gate.reasons).toContain('The run was interrupted; the audit is incomplete.');
  });

  it('--batch against an unreachable server: a clear error, exit 2, no *.tmp, the earlier report untouched', async () => {
    const { dir, out } = setup();
    const child = spawn(process.execPath, [bin, 'audit', 'a.jsonl', '--guide', guide, '--grader', 'llm', '--batch', '--format', 'json', '--output-dir', 'out'], {
      cwd: dir,
      env: { ...process.env, ANTHROPIC_API_KEY: 'sk-ant-test-signals', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [exit] = (await once(child, 'exit')) as [number | null];
    expect(exit).toBe(2);
    expect(stderr).toMatch(/error: --batch: the Message Batches API at http:\/\/127\.0\.0\.1:9 failed: connection error/);
    expect(stderr).toMatch(/hint: check --base-url/);
    expect(stderr).not.toMatch(/internal error|    at /);
    expect(temps(out)).toEqual([]);
    expect(readFileSync(path.join(out, 'tone-audit.json'), 'utf8')).toBe(OLD_REPORT);
  });
});

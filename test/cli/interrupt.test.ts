import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');
const record = (i: number) => `${JSON.stringify({ id: `r${i}`, customer: 'Hi', response: `Kindly utilize the dashboard ${i}.` })}\n`;

describe('Ctrl-C during an audit', () => {
  it('stops reading, writes the partial report with the reason, and exits 2', async () => {
    const stdin = new PassThrough();
    let interrupt: (() => void) | undefined;
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
      stdin,
      env: { NO_COLOR: '1' },
      cwd: root,
      now: () => new Date('2026-11-23T12:00:00Z'),
      onInterrupt: (handler) => {
        interrupt = handler;
        return () => {
          interrupt = undefined;
        };
      },
    };
    const run = main(['audit', '-', '--input-format', 'jsonl', '--guide', guide, '--grader', 'none', '--format', 'json'], io);
    for (let i = 0; i < 5; i++) stdin.write(record(i));
    // Wait until the audit is running (it registers its Ctrl-C handler), then press Ctrl-C and keep
    // sending records it must not read.
    for (let waited = 0; !interrupt && waited < 20_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(interrupt).toBeDefined();
    interrupt!();
    for (let i = 5; i < 50; i++) stdin.write(record(i));
    stdin.end();
    const code = await run;
    expect(code).toBe(2);
    expect(stderr).toMatch(/interrupted: stopping; API calls in flight are cancelled/);
    const result = JSON.parse(stdout);
    expect(result.summary.samples).toBeGreaterThan(0);
    expect(result.summary.samples).toBeLessThan(50);
    expect(result.gate.passed).toBe(false);
    expect(result.gate.reasons).toContain('The run was interrupted; the audit is incomplete.');
    expect(interrupt).toBeUndefined();
  });
});

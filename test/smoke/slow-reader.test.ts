import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

// `npm test` builds first: this runs the compiled binary, its stdout a real pipe to a slow reader.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/tone-audit.js');
const env = { ...process.env, ANTHROPIC_API_KEY: '', NO_COLOR: '1' };

/** The bundled samples ten times over with distinct ids: a report of megabytes, many pipe buffers. */
function manySamples(): { text: string; ids: string[] } {
  const lines = readFileSync(path.join(root, 'samples/support-replies.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const ids: string[] = [];
  const out: string[] = [];
  for (let copy = 0; copy < 10; copy += 1) {
    for (const line of lines) {
      const record = JSON.parse(line) as { id: string };
      record.id = `${record.id}-${copy}`;
      ids.push(record.id);
      out.push(JSON.stringify(record));
    }
  }
  return { text: `${out.join('\n')}\n`, ids };
}

/** Runs the CLI with `input` on stdin; reads its stdout one chunk at a time, yielding between chunks. */
function runWithSlowReader(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string; chunks: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const parts: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      parts.push(chunk);
      // A slow consumer: stop reading, let several turns of the event loop pass, then read again,
      // so the pipe fills and the CLI's writes meet back-pressure.
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 2);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(parts).toString('utf8'), stderr, chunks: parts.length }));
    child.stdin.end(input);
  });
}

describe('the built binary writing to a slow reader through a pipe', () => {
  it('delivers the whole JSON report, every sample once and in input order', async () => {
    const { text, ids } = manySamples();
    const piped = await runWithSlowReader(['audit', '-', '--input-format', 'jsonl', '--grader', 'none', '--format', 'json'], text);
    expect(piped.stderr).not.toMatch(/\n\s+at /);
    expect(piped.code).toBe(1);
    expect(piped.chunks).toBeGreaterThan(10);
    const report = JSON.parse(piped.stdout) as { samples: { id: string }[]; summary: { samples: number } };
    expect(report.summary.samples).toBe(ids.length);
    expect(report.samples.map((s) => s.id)).toEqual(ids);

    // The same audit to a file gives the same report, byte for byte.
    const output = path.join(tempDir(), 'report.json');
    const toFile = await runWithSlowReader(['audit', '-', '--input-format', 'jsonl', '--grader', 'none', '--format', 'json', '--output', output], text);
    expect(toFile.code).toBe(1);
    expect(readFileSync(output, 'utf8')).toBe(piped.stdout);
  });

  it('delivers the whole terminal report with the heuristic grader', async () => {
    const { text, ids } = manySamples();
    const piped = await runWithSlowReader(['audit', '-', '--input-format', 'jsonl', '--grader', 'heuristic', '--show-passing', '--show', 'all'], text.split('\n').slice(0, 240).join('\n'));
    expect(piped.code).toBe(1);
    for (const id of ids.slice(0, 240)) expect(piped.stdout).toContain(`${id} `);
    expect(piped.stdout).toMatch(/\ngate: FAILED\n(  - .*\n)+$/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem } from '../../src/types.js';

/** A scratch directory (`dir`) for one test file; `write` returns the path, `cleanup` removes everything. */
export function scratchDir(): { dir: string; write: (name: string, text: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tone-audit-sample-'));
  return {
    dir,
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** JSONL log lines with ids 0..n-1, a channel, and a timestamp one hour apart from 2024-05-01T00:00Z. */
export function logLines(n: number, channels = ['chat', 'email', 'voice']): string {
  const start = Date.UTC(2024, 4, 1);
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `c${i}`, channel: channels[i % channels.length], timestamp: new Date(start + i * 3_600_000).toISOString(), response: `Reply ${i}` }),
  ).join('\n') + '\n';
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export function problemCollector(): { problems: Problem[]; onProblem: (p: Problem) => void } {
  const problems: Problem[] = [];
  return { problems, onProblem: (p) => problems.push(p) };
}

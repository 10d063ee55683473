import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSamples } from '../../../src/load/samples/index.js';

const RECORDS = 200_000;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tone-audit-large-'));
  const out = createWriteStream(join(dir, 'large.jsonl'));
  for (let i = 0; i < RECORDS; i++) {
    // Every 1000th line is broken, to prove problems do not stop a long stream.
    const line = i % 1000 === 999
      ? '{"id": "broken",'
      : JSON.stringify({ id: `nw-${i}`, customer: `Deploy ${i} failed`, response: 'Sorry about that, redeploying now.', channel: 'chat' });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('streams a 200,000-line JSONL file to the end', async () => {
  let count = 0;
  let problemCount = 0;
  let capWarnings = 0;
  let lastLine = 0;
  for await (const event of readSamples(['large.jsonl'], { cwd: dir })) {
    if (event.type === 'sample') {
      count++;
      lastLine = event.sample.source.line;
    } else if (event.severity === 'error') {
      problemCount++;
    } else {
      capWarnings++;
    }
  }
  expect(count).toBe(RECORDS - RECORDS / 1000);
  expect(problemCount).toBe(RECORDS / 1000);
  // Past 100,000 ids the duplicate check stops (memory stays flat) and says so once.
  expect(capWarnings).toBe(1);
  expect(lastLine).toBe(RECORDS - 1);
});

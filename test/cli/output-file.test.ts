import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutputFile, streamWriter } from '../../src/cli/output-file.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A stream that is full after every write until the test lets it drain. */
function fullStream() {
  const written: string[] = [];
  let drain: (() => void) | undefined;
  return {
    written,
    drainNow: () => drain?.(),
    stream: {
      write: (chunk: string) => (written.push(chunk), false),
      drained: () => new Promise<void>((resolve) => (drain = resolve)),
    },
  };
}

/** Lets every pending callback and promise run, so a write that could settle has settled. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('streamWriter', () => {
  it('holds the write that filled the stream until the stream drains (back-pressure)', async () => {
    const sink = fullStream();
    const writer = streamWriter(sink.stream);
    let done = false;
    const write = writer.write('x'.repeat(70_000)).then(() => (done = true));
    await settle();
    expect(sink.written).toHaveLength(1);
    expect(done).toBe(false);
    sink.drainNow();
    await write;
    expect(done).toBe(true);
  });

  it('gathers small chunks into one write and flushes the rest on close', async () => {
    const written: string[] = [];
    const writer = streamWriter({ write: (chunk: string) => (written.push(chunk), true) });
    for (let i = 0; i < 10; i += 1) await writer.write(`line ${i}\n`);
    expect(written).toEqual([]);
    await writer.close();
    expect(written).toEqual([Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join('')]);
  });

  it('never waits on a stream that cannot say when it drains (an in-memory capture)', async () => {
    const written: string[] = [];
    const writer = streamWriter({ write: (chunk: string) => (written.push(chunk), false) });
    await writer.write('y'.repeat(70_000));
    await writer.close();
    expect(written.join('')).toHaveLength(70_000);
  });
});

describe('openOutputFile', () => {
  it('writes a report far larger than the stream buffer completely, in order, under its final name only on close', async () => {
    const file = path.join(tempDir(), 'reports', 'big.jsonl');
    const writer = await openOutputFile(file);
    const lines = Array.from({ length: 50_000 }, (_, i) => `{"n":${i},"pad":"${'p'.repeat(40)}"}\n`);
    for (const line of lines) await writer.write(line);
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
    await writer.close();
    expect(readFileSync(file, 'utf8')).toBe(lines.join(''));
  });
});

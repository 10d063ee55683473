import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { OutputStream } from './io.js';
import { trackTempFile } from '../temp-files.js';

/** Where a report goes: a file (written atomically) or an injected stream. */
export interface OutputWriter {
  write(chunk: string): Promise<void>;
  /** Finishes the report; a file appears under its final name only now. */
  close(): Promise<void>;
  /** Drops a half-written file after a failure. */
  abort(): Promise<void>;
}

/**
 * Streams a report into `<file>.<random>.tmp` and renames it into place on close, so a crash or a
 * Ctrl-C never leaves a truncated report that a later `diff` would misread.
 */
export async function openOutputFile(file: string): Promise<OutputWriter> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const untrack = trackTempFile(temp);
  let stream: WriteStream;
  try {
    stream = createWriteStream(temp, { flags: 'wx' });
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  } catch (error) {
    untrack();
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`, { hint: 'check that the folder exists and is writable' });
  }
  // One persistent error listener: adding one per write would leak listeners on a long report.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const cannotWrite = (error: Error) => new UsageError(`cannot write ${file}: ${(failure ?? error).message}`);
  // events.once rejects on 'error', so a disk that fails mid-report cannot leave the wait hanging.
  const buffered = streamWriter({ write: (chunk: string) => stream.write(chunk), drained: () => once(stream, 'drain').then(() => undefined) });
  return {
    write: async (chunk) => {
      if (failure) throw cannotWrite(failure);
      await buffered.write(chunk).catch((error: Error) => {
        throw cannotWrite(error);
      });
    },
    close: async () => {
      try {
        await buffered.close();
        await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      } catch (error) {
        throw cannotWrite(error as Error);
      }
      if (failure) throw cannotWrite(failure);
      await rename(temp, file);
      untrack();
    },
    abort: async () => {
      stream.destroy();
      await rm(temp, { force: true });
      untrack();
    },
  };
}

/** Bytes gathered before one write: a write per sample would spend more time in syscalls than in judging. */
const FLUSH_AT = 64 * 1024;

/**
 * Adapts a plain stream (stdout) to the writer interface, buffering small chunks into larger writes.
 * Back-pressure: when the stream says it is full (`write()` returns false), the write that filled it
 * resolves only once the stream has drained, so at most one buffer's worth waits in memory
 * whatever the reader's speed.
 */
export function streamWriter(stream: Pick<OutputStream, 'write' | 'drained'>): OutputWriter {
  let pending = '';
  const flush = async () => {
    if (!pending) return;
    const full = stream.write(pending) === false;
    pending = '';
    if (full && stream.drained) await stream.drained();
  };
  return {
    write: async (chunk) => {
      pending += chunk;
      if (pending.length >= FLUSH_AT) await flush();
    },
    close: flush,
    abort: flush,
  };
}

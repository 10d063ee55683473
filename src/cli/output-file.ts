import { openAtomicFile, type AtomicFile } from '../atomic-file.js';
import { UsageError } from '../errors.js';
import type { OutputStream } from './io.js';

/** Where a report goes: a file (written atomically) or an injected stream. */
export interface OutputWriter {
  write(chunk: string): Promise<void>;
  /** Finishes the report; a file appears under its final name only now. */
  close(): Promise<void>;
  /** Drops a half-written file after a failure. */
  abort(): Promise<void>;
}

/**
 * Streams a report into a temp file renamed into place on close ({@link openAtomicFile}), so a crash
 * or a Ctrl-C never leaves a truncated report that a later `diff` would misread.
 */
export async function openOutputFile(file: string): Promise<OutputWriter> {
  let out: AtomicFile;
  try {
    out = await openAtomicFile(file);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`, { hint: 'check that the folder exists and is writable' });
  }
  const cannotWrite = (error: unknown) => new UsageError(`cannot write ${file}: ${(error as Error).message}`);
  // Small chunks are gathered into larger writes; the atomic file applies back-pressure.
  const gather = gatherWrites((chunk) => out.write(chunk));
  return {
    write: async (chunk) => {
      await gather.write(chunk).catch((error: unknown) => {
        throw cannotWrite(error);
      });
    },
    close: async () => {
      try {
        await gather.close();
        await out.commit();
      } catch (error) {
        throw cannotWrite(error);
      }
    },
    abort: async () => {
      await out.discard();
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
  return gatherWrites(async (chunk) => {
    if (stream.write(chunk) === false && stream.drained) await stream.drained();
  });
}

/** Gathers chunks into writes of about {@link FLUSH_AT} characters; each write is awaited before the next. */
function gatherWrites(sink: (chunk: string) => Promise<void>): OutputWriter {
  let pending = '';
  const flush = async () => {
    if (!pending) return;
    const chunk = pending;
    pending = '';
    await sink(chunk);
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

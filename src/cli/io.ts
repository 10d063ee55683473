/**
 * Everything the CLI needs from the outside world, injected so tests can run `main()` in-process
 * with captured streams, a fixed clock and a fake environment. Only `bin/` builds the real one.
 */
export interface OutputStream {
  /** Returns false when the stream's buffer is full: the writer should then await {@link drained}. */
  write(chunk: string): boolean | void;
  /**
   * Resolves when the stream can take more (its 'drain', or at once when it is not full or is
   * closed). Streaming writers await it, so a slow reader slows the run instead of the report
   * queueing in memory. A stream without it never holds a write back (an in-memory capture).
   */
  drained?(): Promise<void>;
  /** True when attached to a terminal: enables colour, spinners and progress lines. */
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** The clock, for report timestamps and suppression expiry; never read elsewhere. */
  now(): Date;
  /**
   * Calls `handler` on the first Ctrl-C (SIGINT) so a run can stop cleanly and keep what it paid for;
   * a second Ctrl-C exits at once. Returns a function that removes the handler.
   */
  onInterrupt?(handler: () => void): () => void;
}

/**
 * stdout that outlives its reader: when the pipe closes (`tone-audit audit … | head`), later writes
 * are dropped instead of crashing with an EPIPE stack trace, so the run finishes and still exits
 * with the gate's code. A wait for 'drain' ends when the pipe closes, so it never hangs the run.
 */
function pipeTolerantStdout(): OutputStream {
  let closed = false;
  const stdout = process.stdout;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    write: (chunk: string) => (closed ? true : stdout.write(chunk)),
    drained: () =>
      closed || !stdout.writableNeedDrain
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => {
              for (const event of ['drain', 'close', 'error'] as const) stdout.off(event, done);
              resolve();
            };
            for (const event of ['drain', 'close', 'error'] as const) stdout.once(event, done);
          }),
    get isTTY() {
      return stdout.isTTY;
    },
    get columns() {
      return stdout.columns;
    },
  };
}

export function processIo(): Io {
  return {
    stdout: pipeTolerantStdout(),
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    onInterrupt(handler) {
      let interrupted = false;
      // Stays registered after the first Ctrl-C: signal-exit (loaded with ora) re-raises SIGINT,
      // killing the process before the partial report is written, whenever it is the only listener left.
      const listener = () => {
        if (interrupted) return process.exit(130);
        interrupted = true;
        handler();
      };
      process.on('SIGINT', listener);
      return () => process.removeListener('SIGINT', listener);
    },
  };
}

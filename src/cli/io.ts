/**
 * Everything the CLI needs from the outside world, injected so tests can run `main()` in-process
 * with captured streams, a fixed clock and a fake environment. Only `bin/` builds the real one.
 */
export interface OutputStream {
  write(chunk: string): boolean | void;
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

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    onInterrupt(handler) {
      const listener = () => {
        process.removeListener('SIGINT', listener);
        // The next Ctrl-C gets Node's default behaviour: exit now.
        handler();
      };
      process.on('SIGINT', listener);
      return () => process.removeListener('SIGINT', listener);
    },
  };
}

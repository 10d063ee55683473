import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { removeTempFilesSync } from '../temp-files.js';
import { RELAUNCHED_ENV } from './heap-relaunch.js';

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
   * Calls `handler` on the first Ctrl-C (SIGINT) or SIGTERM so a run can stop cleanly and keep what it
   * paid for; a second one exits at once (after removing the temp files of writes in progress).
   * Returns a function that removes the handler.
   */
  onInterrupt?(handler: () => void): () => void;
  /**
   * Runs this same command again in a child Node started with `nodeFlags`, sharing stdin, stdout
   * and stderr, and resolves with its exit code (see `heap-relaunch.ts`). Absent in tests and in
   * the child itself.
   */
  relaunch?(nodeFlags: readonly string[]): Promise<number>;
  /** The running Node's own flags (`process.execArgv`): a heap the user sized is never overridden. */
  execArgv?: readonly string[];
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

/** 128 + signal number, as shells report a process killed by it. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * SIGINT and SIGTERM: the first one goes to the running command's handler, when it registered one;
 * otherwise (or the second time) the process exits at once — but only after removing the temp files
 * of atomic writes in progress, which Node's default signal exit would leave behind. While a
 * relaunched child runs the command, every signal is passed on to it instead, and this process
 * exits when the child does. Installed once per process.
 */
interface SignalHandling {
  register(handler: () => void): () => void;
  /** Sends every later SIGINT and SIGTERM to `child` until the returned function is called. */
  forwardTo(child: ChildProcess): () => void;
}

let installed: SignalHandling | undefined;

function installSignalHandling(): SignalHandling {
  installed ??= createSignalHandling();
  return installed;
}

function createSignalHandling(): SignalHandling {
  let current: (() => void) | undefined;
  let forwarding: ChildProcess | undefined;
  let interrupted = false;
  const onSignal = (signal: keyof typeof SIGNAL_EXIT) => () => {
    if (forwarding) {
      forwarding.kill(signal);
      return;
    }
    if (current && !interrupted) {
      interrupted = true;
      current();
      return;
    }
    removeTempFilesSync();
    process.exit(SIGNAL_EXIT[signal]);
  };
  // Stays registered for the whole run: signal-exit (loaded with ora) re-raises SIGINT, killing the
  // process before the partial report is written, whenever it is the only listener left.
  process.on('SIGINT', onSignal('SIGINT'));
  process.on('SIGTERM', onSignal('SIGTERM'));
  // Any other way out (process.exit elsewhere, an uncaught error) still leaves no temp file.
  process.on('exit', () => removeTempFilesSync());
  return {
    register(handler) {
      current = handler;
      interrupted = false;
      return () => {
        if (current === handler) current = undefined;
      };
    },
    forwardTo(child) {
      forwarding = child;
      return () => {
        if (forwarding === child) forwarding = undefined;
      };
    },
  };
}

export function processIo(): Io {
  const signals = installSignalHandling();
  return {
    stdout: pipeTolerantStdout(),
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    onInterrupt: (handler) => signals.register(handler),
    execArgv: process.execArgv,
    ...(process.env[RELAUNCHED_ENV] ? {} : { relaunch: (nodeFlags: readonly string[]) => relaunchNode(nodeFlags, signals) }),
  };
}

/**
 * The same command in a child Node with extra flags. The child shares this process's stdout and
 * stderr and reads its input files itself; this process only waits. It runs in its own process
 * group, so a Ctrl-C reaches it once, passed on from here, like a SIGTERM from a CI timeout (the
 * first stops the run cleanly, a second at once). Relaunched runs read no stdin (their inputs are
 * files), so it is not shared: a background group must not read the terminal. Exits as the child
 * did: its code, or 128 + its signal.
 */
function relaunchNode(nodeFlags: readonly string[], signals: SignalHandling): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...nodeFlags, ...process.argv.slice(1)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, [RELAUNCHED_ENV]: '1' },
  });
  const stopForwarding = signals.forwardTo(child);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      stopForwarding();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 1));
    });
  });
}

import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
  stdinIsTTY?: boolean;
  tty?: boolean;
}

/** Runs `main()` in-process with captured streams: what a person would see, and the exit code. */
export async function runCli(args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (options.stdinIsTTY) stdin.isTTY = true;
  stdin.end(options.stdin ?? '');
  const io: Io = {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    stdin,
    // No key and no colour unless a test says otherwise: the suite must never reach the real API.
    env: { ANTHROPIC_API_KEY: undefined, NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    now: () => new Date('2026-11-23T12:00:00Z'),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

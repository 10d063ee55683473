// Runs the built CLI's main() in-process for the evaluation scripts: captured streams, an empty
// environment (no API key can switch the grader), empty stdin and a fixed clock.
import { PassThrough } from 'node:stream';

const { main } = await import('../dist/cli/main.js');

/** `tone-audit <args>` run from `cwd`; resolves to the exit code and what it printed. */
export async function runCliInProcess(args, cwd) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end();
  const io = {
    stdout: { write: (chunk) => ((stdout += chunk), true), isTTY: false },
    stderr: { write: (chunk) => ((stderr += chunk), true), isTTY: false },
    stdin,
    env: {},
    cwd,
    now: () => new Date('2026-12-01T00:00:00Z'),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

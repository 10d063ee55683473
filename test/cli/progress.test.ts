import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Grader } from '../../src/grader/grader.js';
import type { Io } from '../../src/cli/io.js';
import { spinnerOptions, startProgress } from '../../src/cli/progress.js';

const grader: Grader = {
  kind: 'heuristic',
  grade: () => Promise.reject(new Error('not called')),
};

function ttyIo(columns: number | undefined): { io: Io; written: string[] } {
  const written: string[] = [];
  const io: Io = {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => (written.push(chunk), true), isTTY: true, ...(columns === undefined ? {} : { columns }) },
    stdin: new PassThrough(),
    env: {},
    cwd: process.cwd(),
    now: () => new Date(0),
  };
  return { io, written };
}

describe('startProgress', () => {
  it('shows no spinner on a terminal that reports 0 columns (ora would loop forever clearing lines)', async () => {
    const { io, written } = ttyIo(0);
    expect(await startProgress(io, grader, [])).toBeUndefined();
    expect(written).toEqual([]);
  });

  it('shows no spinner when stderr is not a terminal or in CI', async () => {
    const piped = ttyIo(80);
    piped.io.stderr.isTTY = false;
    expect(await startProgress(piped.io, grader, [])).toBeUndefined();
    const ci = ttyIo(80);
    ci.io.env.CI = 'true';
    expect(await startProgress(ci.io, grader, [])).toBeUndefined();
  });
});

describe('spinnerOptions', () => {
  it('leaves stdin alone so Ctrl-C still raises SIGINT during an audit', () => {
    const stream = new PassThrough();
    expect(spinnerOptions(stream, 'grading…')).toEqual({ stream, text: 'grading…', discardStdin: false });
  });
});

import type { Grader } from '../grader/grader.js';
import type { Io } from './io.js';

export interface Progress {
  tick(): void;
  stop(): void;
}

/**
 * A spinner with a running count on stderr, only on a terminal: never in CI logs or piped output,
 * and never on stdout where `--format json` must stay clean. ora is loaded only when shown.
 */
export async function startProgress(io: Io, grader: Grader): Promise<Progress | undefined> {
  if (!io.stderr.isTTY || io.env.CI) return undefined;
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: io.stderr as NodeJS.WritableStream, text: `grading with ${grader.kind}…` }).start();
  const started = io.now().getTime();
  let done = 0;
  return {
    tick() {
      done += 1;
      const seconds = (io.now().getTime() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      spinner.text = `graded ${done} replies with the ${grader.kind} grader · ${rate.toFixed(1)}/s`;
    },
    stop() {
      spinner.stop();
    },
  };
}

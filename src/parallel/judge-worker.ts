import { parentPort, workerData } from 'node:worker_threads';
import { Readable } from 'node:stream';
import { auditSample } from '../audit.js';
import { prepareJudging } from '../cli/prepare-judging.js';
import { UserError } from '../errors.js';
import type { JudgeRequest, JudgeResponse, WorkerSetup } from './judge-protocol.js';

// One judge per worker, built from the same flags as the main thread's: the guide comes from the
// validated-guide cache the main thread has just filled, so building it costs little.
const setup = workerData as WorkerSetup;
const silent = { write: () => true };
const ready = prepareJudging(setup.flags, {
  stdout: silent,
  stderr: silent, // notes about the judge were already printed by the main thread
  stdin: Readable.from([]),
  env: setup.env,
  cwd: setup.cwd,
  now: () => new Date(),
});

parentPort!.on('message', (message: JudgeRequest) => {
  void judge(message).then(
    (response) => parentPort!.postMessage(response),
    (error: unknown) =>
      parentPort!.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof UserError ? { userError: true } : {}),
      } satisfies JudgeResponse),
  );
});

async function judge(message: JudgeRequest): Promise<JudgeResponse> {
  const { engine } = await ready;
  const results: { seq: number; result: Awaited<ReturnType<typeof auditSample>> }[] = [];
  for (const { seq, sample } of message.samples) results.push({ seq, result: await auditSample(engine, sample) });
  return { type: 'results', results };
}

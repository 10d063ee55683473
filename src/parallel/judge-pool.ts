import { Worker } from 'node:worker_threads';
import type { Sample, SampleResult } from '../types.js';
import type { JudgeRequest, JudgeResponse, WorkerSetup } from './judge-protocol.js';

import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageFile } from '../package-root.js';
import { POOL_BATCH_SIZE as BATCH_SIZE, POOL_WORKER_RESOURCE_LIMITS } from './pool-policy.js';

export interface JudgePool {
  readonly workers: number;
  /** Judges `sample` in a worker, exactly as `auditSample` would in this thread. */
  judge(sample: Sample): Promise<SampleResult>;
  close(): Promise<void>;
}

interface Pending {
  resolve(result: SampleResult): void;
  reject(error: Error): void;
}

/**
 * A pool of worker threads, each with its own judge built from the same flags (rules, heuristic
 * grader, calibration), for offline audits large enough that a second core beats the cost of
 * starting one (~the start-up of `check`). Samples go out in batches round-robin; every result is
 * matched to its promise by sequence number, so the caller's window keeps input order.
 */
export function createJudgePool(setup: WorkerSetup, workers: number, script: URL): JudgePool {
  const pending = new Map<number, Pending>();
  let nextSeq = 0;
  let nextWorker = 0;
  let failure: Error | undefined;
  let closing = false;
  const queues: JudgeRequest['samples'][] = [];
  let flushScheduled = false;

  const threads = Array.from({ length: workers }, () => {
    const worker = new Worker(script, { workerData: setup, resourceLimits: POOL_WORKER_RESOURCE_LIMITS });
    worker.on('message', (message: JudgeResponse) => {
      if (message.type === 'results') {
        for (const { seq, result } of message.results) {
          pending.get(seq)?.resolve(result);
          pending.delete(seq);
        }
      } else fail(Object.assign(new Error(message.message), message.userError ? { userError: message.userError } : {}));
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (code !== 0 && !closing) fail(new Error(`a judge worker exited with code ${code}`));
    });
    queues.push([]);
    return worker;
  });

  /** A worker that cannot judge fails the run: every waiting reply is rejected, none is lost silently. */
  function fail(error: Error): void {
    failure ??= error;
    for (const entry of pending.values()) entry.reject(failure);
    pending.clear();
  }

  function flush(): void {
    flushScheduled = false;
    threads.forEach((worker, i) => {
      if (queues[i]!.length === 0) return;
      worker.postMessage({ type: 'judge', samples: queues[i]! } satisfies JudgeRequest);
      queues[i] = [];
    });
  }

  return {
    workers,
    judge(sample) {
      if (failure) return Promise.reject(failure);
      const seq = nextSeq++;
      const promise = new Promise<SampleResult>((resolve, reject) => pending.set(seq, { resolve, reject }));
      const queue = queues[nextWorker]!;
      queue.push({ seq, sample });
      if (queue.length >= BATCH_SIZE) {
        threads[nextWorker]!.postMessage({ type: 'judge', samples: queue } satisfies JudgeRequest);
        queues[nextWorker] = [];
        nextWorker = (nextWorker + 1) % threads.length;
      }
      // A partial batch leaves once the caller stops feeding (its window is full, or the input ended).
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
      return promise;
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The worker's script: beside this module in the build and the CLI bundle. Run from the TypeScript
 * sources (the library under a test runner) there is no `.js` beside it, so the build's is used;
 * undefined when there is neither, and the audit then judges in its own thread.
 */
export function workerScript(): URL | undefined {
  const beside = new URL('./judge-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = packageFile('dist', 'parallel', 'judge-worker.js');
  return existsSync(built) ? pathToFileURL(built) : undefined;
}

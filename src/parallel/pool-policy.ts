import { availableParallelism } from 'node:os';

// When an audit is worth worker threads, and how wide their window is; kept apart from the pool
// itself so deciding costs no worker_threads import on the small runs that never start one.

/** Samples sent to a worker per message: one structured clone per batch, not per reply. */
export const POOL_BATCH_SIZE = 32;
/** Replies in flight per worker while results wait to leave in input order (memory: one reply per entry). */
export const POOL_WINDOW_PER_WORKER = 4 * POOL_BATCH_SIZE;

/**
 * Heap limits of each worker. V8 sizes a heap's growth by its limit: under the default (a share of
 * the machine's memory, GBs) each isolate lets garbage reach several times its live data before a
 * full collection, and with the main thread and two workers that headroom, not live data, was most
 * of the 617 MiB of a 100k heuristic audit (a worker's live heap is ~60 MiB: code, the guide's
 * lexicons, wink's model). A 512 MiB old generation makes V8 collect sooner while leaving the
 * judge room to grow several times over (wink-nlp adds every new word it reads to its model);
 * a 12 MiB young generation (default: up to 48) cost no measurable CPU on 10k replies. Neither
 * changes what is judged. Measured on 10k replies, 2 workers: 445–538 MiB → 322 MiB.
 */
export const POOL_WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 12 } as const;

/** Input this large (bytes of sample files) is worth a second core; below it, start-up would dominate. */
export const POOL_MIN_INPUT_BYTES = 2 * 1024 * 1024;

/**
 * How many workers an audit should use: `--jobs` when given (1 = none), else all cores for the
 * heuristic grader over files of at least {@link POOL_MIN_INPUT_BYTES}. Rules alone are too cheap
 * per reply for a second core to pay for a second copy of the judge (10k replies: 4.63 s in one
 * thread, 4.40 s on two, at twice the memory). The LLM grader waits on the network, not the CPU,
 * so it never uses the pool.
 */
export function chooseWorkers(jobs: number | undefined, context: { offline: boolean; heuristic: boolean; inputBytes: number | undefined }): number {
  if (!context.offline) return 0;
  if (jobs !== undefined) return jobs <= 1 ? 0 : jobs;
  const cores = availableParallelism();
  return context.heuristic && cores > 1 && context.inputBytes !== undefined && context.inputBytes >= POOL_MIN_INPUT_BYTES ? cores : 0;
}

/** Values queued behind a computation still running, at most: bounds memory when one check is slow. */
const MAX_QUEUED = 1024;

export interface OrderedWrites<T> {
  /** Queues a value, or a promise of one still being computed; resolves once the queue has room again. */
  push(value: T | Promise<T>): Promise<void>;
  /** Writes everything queued, waiting for the computations. */
  flush(): Promise<void>;
  /** After a failure: waits for the computations still running (so none outlives the caller) and drops the queue. */
  settle(): Promise<void>;
}

/**
 * Writes values in the order they were pushed while some are still being computed: up to
 * `concurrency` computations run ahead, and the plain values behind them wait (up to
 * {@link MAX_QUEUED}). So a streaming merge can check several rewrites at once and still write
 * the backlog in id order, holding only the queue in memory.
 */
export function createOrderedWrites<T>(write: (value: T) => Promise<void>, concurrency: number): OrderedWrites<T> {
  const queue: (T | Promise<T>)[] = [];
  let running = 0;
  const writeHead = async () => {
    const head = queue.shift()!;
    if (!(head instanceof Promise)) return write(head);
    running -= 1;
    return write(await head);
  };
  return {
    push: async (value) => {
      if (value instanceof Promise) {
        // Marked handled now: it may reject while an earlier write is awaited; `writeHead` still sees the rejection.
        value.catch(() => undefined);
        running += 1;
      }
      queue.push(value);
      while (queue.length > 0 && (!(queue[0] instanceof Promise) || running >= Math.max(1, concurrency) || queue.length > MAX_QUEUED)) await writeHead();
    },
    flush: async () => {
      while (queue.length > 0) await writeHead();
    },
    settle: async () => {
      await Promise.allSettled(queue.filter((value) => value instanceof Promise));
      queue.length = 0;
      running = 0;
    },
  };
}

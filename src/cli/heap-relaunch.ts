/**
 * Large streaming audits rerun themselves in a child Node with a small heap. V8 sizes a heap's
 * growth by its limit, and the default limit is a share of the machine's memory (GBs), so a
 * streaming audit's garbage grows far past its live data before a full collection: 1M rules-only
 * replies peaked at 219–241 MiB although what the run holds at once is a window of replies. A
 * 128 MiB old generation and 8 MiB semi-spaces make V8 collect sooner; 100k replies, rules only,
 * JSON out: 232 MiB → 126 MiB peak, 44.8 s → 46.1 s. Only runs whose memory is bounded by design
 * qualify (nothing collects every sample, or only a small audit's), so the cap is headroom, not a limit the run meets.
 */

/** Set in the child so it never relaunches again; set it yourself to keep Node's default heap. */
export const RELAUNCHED_ENV = 'TONE_AUDIT_RELAUNCHED';
/** Overrides {@link RELAUNCH_MIN_INPUT_BYTES} (bytes; tests use it to relaunch small inputs). */
export const RELAUNCH_MIN_BYTES_ENV = 'TONE_AUDIT_RELAUNCH_MIN_BYTES';
/** Sample files this large (about 50k replies of the bundled samples' length) are worth a second start-up (~0.15 s). */
export const RELAUNCH_MIN_INPUT_BYTES = 32 * 1024 * 1024;
export const STREAMING_HEAP_FLAGS = ['--max-old-space-size=128', '--max-semi-space-size=8'] as const;
/**
 * A backlog merge holds the (small) audit's results while it streams the backlog: smaller
 * semi-spaces keep the young generation's garbage down. 10k replies into a 1M-item backlog, summed
 * over parent and child: 207 MiB with 8 MiB semi-spaces, 200–201 with 4, 192–199 with 2.
 */
export const BACKLOG_MERGE_HEAP_FLAGS = ['--max-old-space-size=128', '--max-semi-space-size=2'] as const;

export interface RelaunchContext {
  /** Bytes of the files the run streams through (its inputs, or the backlog it merges into); undefined when unknown (stdin). */
  streamedBytes: number | undefined;
  env: Record<string, string | undefined>;
  /** The running Node's own flags (`process.execArgv`). */
  execArgv: readonly string[];
  /** What streams is a backlog the audit's results merge into (see {@link BACKLOG_MERGE_HEAP_FLAGS}). */
  mergesBacklog?: boolean;
}

/** The Node flags to relaunch a streaming audit with, or undefined to run it here. */
export function heapFlagsForRun(context: RelaunchContext): readonly string[] | undefined {
  if (context.streamedBytes === undefined) return undefined;
  if (context.env[RELAUNCHED_ENV]) return undefined;
  // Someone who sized the heap themselves keeps their choice.
  const chosen = [...context.execArgv, ...(context.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (chosen.some((flag) => /^--max-(old|semi)-space-size\b/.test(flag))) return undefined;
  // An empty or malformed value is no value (Number('') is 0, which would relaunch every run).
  const raw = context.env[RELAUNCH_MIN_BYTES_ENV]?.trim();
  const override = raw ? Number(raw) : Number.NaN;
  const minimum = Number.isFinite(override) && override >= 0 ? override : RELAUNCH_MIN_INPUT_BYTES;
  if (context.streamedBytes < minimum) return undefined;
  return context.mergesBacklog === true ? BACKLOG_MERGE_HEAP_FLAGS : STREAMING_HEAP_FLAGS;
}

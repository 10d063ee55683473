import { resolveRunOptions } from '../config/resolve-run-options.js';
import { WHOLE_DOCUMENT_FORMATS } from '../report/format-names.js';
import { heapFlagsForRun, RELAUNCHED_ENV } from './heap-relaunch.js';
import { totalFileBytes } from './input-bytes.js';
import type { Io } from './io.js';

/**
 * Reruns a large streaming `audit` in a child Node with a small heap (see `heap-relaunch.ts`) and
 * returns its exit code; undefined to run here. Loaded before the audit command itself and decided
 * before anything is read or printed, so this process stays a bare waiting Node (~70 MiB) and the
 * child does everything once. A run that keeps every sample (a baseline, a whole-document report,
 * a step summary, a batch, a dry run; the backlog, unless the audit is small) keeps Node's default heap.
 */
/**
 * Audit inputs up to this size may be merged into a large backlog under the small heap: 10k replies
 * (6.3 MB) merged into 1M items (1.4 GB) peaked at 158 MiB with it, 344 MiB without.
 */
export const BACKLOG_RELAUNCH_MAX_INPUT_BYTES = 8 * 1024 * 1024;

export async function relaunchLargeAudit(inputs: string[], flags: Record<string, unknown>, io: Io): Promise<number | undefined> {
  if (!io.relaunch) return undefined;
  const { options } = await resolveRunOptions(flags, io.cwd);
  const keepsEverySample =
    Boolean(options.baseline) ||
    flags.batch === true ||
    flags.dryRun === true ||
    Boolean(io.env.GITHUB_ACTIONS === 'true' && io.env.GITHUB_STEP_SUMMARY) ||
    options.formats.some((format) => (WHOLE_DOCUMENT_FORMATS as readonly string[]).includes(format));
  if (keepsEverySample) return undefined;
  const inputBytes = await totalFileBytes(inputs, io.cwd);
  // The backlog keeps the audit's results, but a small audit merged into a large backlog streams the
  // backlog file (a sorted merge-join): that file's size is what the run's garbage grows with.
  const streamedBytes = !options.backlog ? inputBytes : inputBytes !== undefined && inputBytes <= BACKLOG_RELAUNCH_MAX_INPUT_BYTES ? await totalFileBytes([options.backlog], io.cwd) : undefined;
  const nodeFlags = heapFlagsForRun({ streamedBytes, env: io.env, execArgv: io.execArgv ?? [], mergesBacklog: Boolean(options.backlog) });
  if (!nodeFlags) return undefined;
  if (flags.verbose === true) io.stderr.write(`note: a large streaming audit: running it in a child Node with ${nodeFlags.join(' ')} (set ${RELAUNCHED_ENV}=1 to keep the default heap)\n`);
  return io.relaunch(nodeFlags);
}

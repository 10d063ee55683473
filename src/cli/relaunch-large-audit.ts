import { resolveRunOptions } from '../config/resolve-run-options.js';
import { WHOLE_DOCUMENT_FORMATS } from '../report/format-names.js';
import { heapFlagsForRun, RELAUNCHED_ENV } from './heap-relaunch.js';
import { totalFileBytes } from './input-bytes.js';
import type { Io } from './io.js';

/**
 * Reruns a large streaming `audit` in a child Node with a small heap (see `heap-relaunch.ts`) and
 * returns its exit code; undefined to run here. Loaded before the audit command itself and decided
 * before anything is read or printed, so this process stays a bare waiting Node (~70 MiB) and the
 * child does everything once. A run that keeps every sample (a baseline, the backlog, a
 * whole-document report, a step summary, a batch, a dry run) keeps Node's default heap.
 */
export async function relaunchLargeAudit(inputs: string[], flags: Record<string, unknown>, io: Io): Promise<number | undefined> {
  if (!io.relaunch) return undefined;
  const { options } = await resolveRunOptions(flags, io.cwd);
  const keepsEverySample =
    Boolean(options.baseline || options.backlog) ||
    flags.batch === true ||
    flags.dryRun === true ||
    Boolean(io.env.GITHUB_ACTIONS === 'true' && io.env.GITHUB_STEP_SUMMARY) ||
    options.formats.some((format) => (WHOLE_DOCUMENT_FORMATS as readonly string[]).includes(format));
  if (keepsEverySample) return undefined;
  const nodeFlags = heapFlagsForRun({ inputBytes: await totalFileBytes(inputs, io.cwd), env: io.env, execArgv: io.execArgv ?? [] });
  if (!nodeFlags) return undefined;
  if (flags.verbose === true) io.stderr.write(`note: a large streaming audit: running it in a child Node with ${nodeFlags.join(' ')} (set ${RELAUNCHED_ENV}=1 to keep the default heap)\n`);
  return io.relaunch(nodeFlags);
}

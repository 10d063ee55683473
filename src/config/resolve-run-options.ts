import { readConfig } from './load-config.js';
import { resolveOptions, type CliFlags, type ResolvedOptions } from './resolve-options.js';

export interface ResolvedRun {
  loaded: Awaited<ReturnType<typeof readConfig>>;
  options: ResolvedOptions;
}

/** Config file → options: what a command may need to decide before the guide is read and anything is printed. */
export async function resolveRunOptions(flags: Record<string, unknown>, cwd: string): Promise<ResolvedRun> {
  const loaded = await readConfig(cwd, flags.config as string | undefined);
  return { loaded, options: resolveOptions(loaded.config, flags as CliFlags, cwd) };
}

import { describeOptionSources, renderOptionSources } from '../../config/describe-option-sources.js';
import { readConfig } from '../../config/load-config.js';
import { resolveOptions, type CliFlags } from '../../config/resolve-options.js';
import { parseFieldMappings } from '../../load/samples/index.js';
import type { Io } from '../io.js';

/** `--print-config`: the options `audit` or `check` would run with, each with its source; reads nothing else. */
export async function runPrintConfig(rawFlags: Record<string, unknown>, io: Io): Promise<number> {
  const flags = { ...rawFlags };
  if (Array.isArray(flags.field)) flags.fields = parseFieldMappings(flags.field as string[]);
  delete flags.field;
  delete flags.printConfig;
  const loaded = await readConfig(io.cwd, flags.config as string | undefined);
  const options = resolveOptions(loaded.config, flags as CliFlags, io.cwd);
  const sources = describeOptionSources(options, loaded, flags as CliFlags, io.env, io.cwd);
  io.stdout.write(renderOptionSources(loaded, sources, io.cwd, Boolean(io.env.ANTHROPIC_API_KEY)));
  return 0;
}

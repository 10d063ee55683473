import { readConfig } from '../config/load-config.js';
import { resolveOptions, type CliFlags, type ResolvedOptions } from '../config/resolve-options.js';
import { selectGrader } from '../grader/select-grader.js';
import { readStyleGuide } from '../load/styleguide/index.js';
import { compileRules } from '../rules/index.js';
import type { AuditEngine } from '../audit.js';
import type { Io } from './io.js';

export interface PreparedJudging {
  options: ResolvedOptions;
  engine: AuditEngine;
  graderNote: string;
}

/** Config → options → guide → compiled rules → grader: everything `audit` and `check` share. */
export async function prepareJudging(flags: Record<string, unknown>, io: Io): Promise<PreparedJudging> {
  const { config } = await readConfig(io.cwd, flags.config as string | undefined);
  const options = resolveOptions(config, flags as CliFlags, io.cwd);
  const guide = await readStyleGuide(options.guide);
  const rules = compileRules(guide);
  const apiKey = io.env.ANTHROPIC_API_KEY || undefined;
  const baseUrl = options.baseUrl ?? (io.env.ANTHROPIC_BASE_URL || undefined);
  const { grader, note } = await selectGrader(guide, {
    choice: options.grader,
    ...(apiKey ? { apiKey } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    concurrency: options.concurrency,
    cacheDir: options.cache ? options.cacheDir : null,
    ...(options.maxCost !== undefined ? { maxCostUsd: options.maxCost } : {}),
  });
  return { options, engine: { guide, rules, ...(grader ? { grader } : {}) }, graderNote: note };
}

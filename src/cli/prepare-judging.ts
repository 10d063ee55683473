import path from 'node:path';
import { readConfig } from '../config/load-config.js';
import { resolveOptions, type CliFlags, type ResolvedOptions } from '../config/resolve-options.js';
import { selectGrader } from '../grader/select-grader.js';
import { readStyleGuide } from '../load/styleguide/index.js';
import { compileRules } from '../rules/index.js';
import type { AuditEngine } from '../audit.js';
import type { Io } from './io.js';
import type { LlmGraderEvent } from '../grader/llm/index.js';

export interface PreparedJudging {
  options: ResolvedOptions;
  engine: AuditEngine;
  graderNote: string;
}

/** Config → options → guide → compiled rules → grader: everything `audit` and `check` share. */
export async function prepareJudging(flags: Record<string, unknown>, io: Io): Promise<PreparedJudging> {
  const { config } = await readConfig(io.cwd, flags.config as string | undefined);
  const options = resolveOptions(config, flags as CliFlags, io.cwd);
  // Results and errors name the guide relative to where the audit ran, so they neither leak nor depend on machine paths.
  const guide = await readStyleGuide(options.guide, guideDisplayPath(options.guide, io.cwd));
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
    onEvent: graderEventPrinter(io),
  });
  return { options, engine: { guide, rules, ...(grader ? { grader } : {}) }, graderNote: note };
}

/** The guide relative to `cwd` when it lies inside it, else absolute. */
export function guideDisplayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** What the LLM grader reports along the way, said once and briefly on stderr (never stdout). */
function graderEventPrinter(io: Io): (event: LlmGraderEvent) => void {
  let budgetSaid = false;
  let lastBatchLine = '';
  return (event) => {
    switch (event.type) {
      case 'fallback':
        io.stderr.write(`note: the API rejected ${event.from} structured output (${event.reason}); using ${event.to} for the rest of the run\n`);
        break;
      case 'budget-exhausted':
        if (!budgetSaid) io.stderr.write(`warning: --max-cost $${event.budgetUsd} reached after $${event.spentUsd.toFixed(4)}; the remaining replies are left ungraded\n`);
        budgetSaid = true;
        break;
      case 'concurrency':
        io.stderr.write(`note: rate limited by the API; now ${event.limit} request(s) at once (${event.reason})\n`);
        break;
      case 'cache-error':
        io.stderr.write(`warning: result cache: ${event.message}\n`);
        break;
      case 'batch': {
        const line = `batch ${event.batchId}: ${event.status} · ${event.succeeded} done, ${event.processing} processing, ${event.failed} failed`;
        if (line !== lastBatchLine) io.stderr.write(`${line}\n`);
        lastBatchLine = line;
        break;
      }
      default:
        break;
    }
  };
}

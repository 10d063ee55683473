import path from 'node:path';
import { checkThresholdNames } from '../config/check-threshold-names.js';
import type { CliFlags, ResolvedOptions } from '../config/resolve-options.js';
import { resolveRunOptions } from '../config/resolve-run-options.js';
import { selectGrader } from '../grader/select-grader.js';
import { getProviderProfile, resolveProviderBaseUrl } from '../grader/providers/provider-profiles.js';
import { readStyleGuideCached } from '../load/styleguide/cached-style-guide.js';
import { compileRules, runRules } from '../rules/index.js';
import type { AuditEngine } from '../audit.js';
import type { Io } from './io.js';
import type { LlmGraderEvent } from '../grader/llm/index.js';
import { UsageError } from '../errors.js';
import type { AuditRedaction } from '../types.js';
import { PII_TYPES } from '../redact/pii-types.js';

export interface PreparedJudging {
  options: ResolvedOptions;
  engine: AuditEngine;
  graderNote: string;
}

export interface PrepareJudgingOptions {
  /**
   * `apply` (default): apply the calibration record from `--calibration` or the config, or say on
   * stderr that the judge is uncalibrated. `ignore`: judge with the guide's own minimums, silently
   * (`tone-audit calibrate` measures the raw judge).
   */
  calibration?: 'apply' | 'ignore';
}

/** Config → options → guide → compiled rules → grader (→ calibration): everything `audit`, `check` and `calibrate` share. */
export async function prepareJudging(flags: Record<string, unknown>, io: Io, prepare: PrepareJudgingOptions = {}): Promise<PreparedJudging> {
  const { loaded, options } = await resolveRunOptions(flags, io.cwd);
  if (!options.redact && options.redactOutput) {
    throw new UsageError('--no-redact and --redact-output contradict each other', {
      hint: 'redacting the reports while sending the texts verbatim protects nothing: drop one (config keys `redact`, `redactOutput`)',
    });
  }
  // Results and errors name the guide relative to where the audit ran, so they neither leak nor depend on machine paths.
  const guide = await readStyleGuideCached(options.guide, guideDisplayPath(options.guide, io.cwd), options.cache ? options.cacheDir : null);
  const applying = prepare.calibration !== 'ignore' && options.calibration !== undefined;
  // Read before the grader is built, so a missing record fails before anything is spent.
  const calibration = applying ? await (await import('../calibrate/read-calibration-record.js')).readCalibrationRecord(options.calibration!, guideDisplayPath(options.calibration!, io.cwd)) : undefined;
  const rules = compileRules(guide);
  checkThresholdNames(loaded, flags as CliFlags, { ruleIds: rules.rules.map((r) => r.ruleId), dimensionIds: guide.dimensions.map((d) => d.id) });
  const apiKey = io.env.ANTHROPIC_API_KEY || undefined;
  const profile = getProviderProfile(options.provider);
  const baseUrl = resolveProviderBaseUrl(profile, options.baseUrl, io.env.ANTHROPIC_BASE_URL);
  if (flags.batch === true && !profile.batches && options.grader !== 'none' && options.grader !== 'heuristic') {
    throw new UsageError(`--batch: ${profile.name} (--provider ${profile.id}) has no Message Batches API`, {
      hint:
        profile.id === 'litellm'
          ? 'LiteLLM passes Anthropic\'s batches through under /anthropic: --provider anthropic --base-url http://localhost:4000/anthropic; or drop --batch'
          : 'drop --batch: a local server grades reply by reply (--concurrency sets how many at once)',
    });
  }
  const { grader, note } = await selectGrader(guide, {
    choice: options.grader,
    ...(apiKey ? { apiKey } : {}),
    ...(options.model ? { model: options.model } : {}),
    provider: profile.id,
    ...(baseUrl ? { baseUrl } : {}),
    ...(flags.dryRun === true ? { dryRun: true } : {}),
    concurrency: options.concurrency,
    cacheDir: options.cache ? options.cacheDir : null,
    ...(options.maxCost !== undefined ? { maxCostUsd: options.maxCost } : {}),
    ...(options.repeat > 1 ? { repeat: options.repeat } : {}),
    ...(options.conversationCalls !== 'auto' ? { conversationCalls: options.conversationCalls } : {}),
    ...(options.redact ? {} : { redact: false }),
    // The LLM grader re-checks its rewrites with the same rules, in the original's conversation.
    checkRewrite: (text, sample) => runRules(rules, { ...sample, response: text }),
    onEvent: graderEventPrinter(io),
  });
  if (options.repeat > 1 && grader?.kind !== 'llm') {
    const why = grader ? 'the heuristic grader is deterministic' : 'there is no grader (--grader none)';
    io.stderr.write(`note: --repeat ${options.repeat} has no effect: ${why}, so each reply is judged once\n`);
  }
  if (!options.redact && grader?.kind === 'llm') io.stderr.write('warning: --no-redact: replies, customer messages and transcripts are sent to the API verbatim, personal data included\n');
  const redaction: AuditRedaction = { enabled: options.redact, scope: options.redactOutput ? 'api+output' : 'api', types: [...PII_TYPES] };
  if (!calibration) {
    if (grader?.kind === 'llm' && profile.id !== 'anthropic' && prepare.calibration !== 'ignore') {
      io.stderr.write(
        `warning: the judge is ${profile.name} (--provider ${profile.id}) and uncalibrated: let a local judge gate CI only once \`tone-audit calibrate\` has measured it against reviewer labels (then pass --calibration)\n`,
      );
    } else if (grader && prepare.calibration !== 'ignore') {
      io.stderr.write('note: the judge is uncalibrated (its drift thresholds are the guide\'s own minimums); measure it against reviewer labels with `tone-audit calibrate`\n');
    }
    return { options, engine: { guide, rules, ...(grader ? { grader } : {}), redaction }, graderNote: note };
  }
  const file = guideDisplayPath(options.calibration!, io.cwd);
  const { applyCalibration } = await import('../calibrate/apply-calibration.js');
  const applied = applyCalibration(guide, grader, calibration.record, { file, sha256: calibration.sha256 });
  if (applied.header.stale) io.stderr.write(`warning: calibration ${file} is stale: ${applied.staleReasons.join('; ')}; rerun tone-audit calibrate\n`);
  if (applied.unknownDimensions.length > 0) io.stderr.write(`warning: calibration ${file} names dimension(s) the guide does not have, ignored: ${applied.unknownDimensions.join(', ')}\n`);
  if (!grader) io.stderr.write(`note: calibration ${file} has no effect without a grader (--grader none)\n`);
  if (flags.batch === true) io.stderr.write(`warning: --batch verdicts are not re-decided with the minimums of calibration ${file}\n`);
  return { options, engine: { guide: applied.guide, rules, ...(applied.grader ? { grader: applied.grader } : {}), calibration: applied.header, redaction }, graderNote: note };
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
      case 'rewrite-failed':
        io.stderr.write(`warning: no rewrite for ${event.sampleId}: ${event.reason}\n`);
        break;
      case 'conversation-fallback':
        io.stderr.write(`warning: conversation ${event.conversationId}: the one-call verdict failed (${event.reason}); grading its turns one call each\n`);
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

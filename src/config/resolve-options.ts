import path from 'node:path';
import { packageFile } from '../package-root.js';
import type { SampleFormat } from '../load/importers/format-names.js';
import type { FieldMap, Severity } from '../types.js';
import type { ProviderId } from '../grader/providers/provider-profiles.js';
import { DEFAULT_SHOW_LIMIT } from '../report/terminal/show-limit.js';
import { DEFAULT_MAX_RECORD_KB } from '../load/samples/record-size.js';
import type { ToneAuditConfig } from './config-schema.js';

export type GraderChoice = 'auto' | 'llm' | 'heuristic' | 'none';

/** The example guide shipped with the package, used when neither `--guide` nor a config names one. */
export const BUNDLED_GUIDE = packageFile('styleguide', 'northwind.yaml');

/** Options common to `audit` and `check`, after defaults < config file < flags. */
export interface ResolvedOptions {
  guide: string;
  /** True when falling back to the bundled example guide (the CLI says so). */
  guideIsBundled: boolean;
  inputFormat?: SampleFormat;
  /** Imports: author ids or names whose messages are the bot's (`--bot-author`). */
  botAuthors: string[];
  fields: Partial<FieldMap>;
  strict: boolean;
  /** Records with more text than this many kB are skipped (default 100). */
  maxRecordKb: number;
  /** For conversations: judge every bot turn (`all`, default) or only the last reply. */
  turns: 'all' | 'last';
  formats: string[];
  output?: string;
  outputDir?: string;
  baseline?: string;
  suppressions?: string;
  backlog?: string;
  /** Calibration record whose minimums replace the guide's in the grader's drift decision. */
  calibration?: string;
  showPassing: boolean;
  /** Terminal report: most replies listed, or all (`--show`, default {@link DEFAULT_SHOW_LIMIT}). */
  show: number | 'all';
  /** Terminal report: no replies, only the summary and gate (`--quiet`). */
  quiet: boolean;
  /** `--color` / `--no-color`; undefined = decided by the terminal, NO_COLOR and FORCE_COLOR. A flag only: colour is a person's choice, not a project's. */
  color?: boolean;
  grader: GraderChoice;
  model?: string;
  /** The server behind the LLM grader (`--provider`, default anthropic). */
  provider: ProviderId;
  baseUrl?: string;
  concurrency: number;
  cache: boolean;
  cacheDir: string;
  maxCost?: number;
  /** Judgements per reply by the LLM grader (`--repeat`, default 1). */
  repeat: number;
  /** LLM grader: one scoring call per conversation (`auto`) or per bot turn (`--conversation-calls`). */
  conversationCalls: 'auto' | 'per-turn';
  /** Redact personal data before text reaches the API (default true; `--no-redact`). */
  redact: boolean;
  /** Also redact what reports, the result cache and the backlog get (`--redact-output`; default false). */
  redactOutput: boolean;
  failOn: Severity;
  maxDriftRate?: number;
  maxWarnings?: number;
  maxUngraded: number;
  maxSkipped: number;
  maxRuleDriftRate?: Record<string, number>;
  minDimensionMean?: Record<string, number>;
  maxNewlyDrifting?: number;
  maxNewlyDriftingConversations?: number;
  onlySignificantRegressions: boolean;
}

/** Flags exactly as the user gave them (commander values whose source is the command line). */
export type CliFlags = Partial<Omit<ToneAuditConfig, 'fields' | 'format'>> & { fields?: Partial<FieldMap>; format?: string[]; color?: boolean };

/** Merges defaults < config < flags. Pure: paths in `config` are already absolute, flag paths resolve against `cwd`. */
export function resolveOptions(config: ToneAuditConfig, flags: CliFlags, cwd: string): ResolvedOptions {
  const merged = { ...config, ...definedOnly(flags) };
  const fromFlag = (value: string | undefined) => (value === undefined ? undefined : path.resolve(cwd, value));
  const guide = fromFlag(flags.guide) ?? config.guide;
  const formats = merged.format === undefined ? ['terminal'] : Array.isArray(merged.format) ? merged.format : [merged.format];
  return {
    guide: guide ?? BUNDLED_GUIDE,
    guideIsBundled: guide === undefined,
    ...(merged.inputFormat ? { inputFormat: merged.inputFormat } : {}),
    botAuthors: merged.botAuthors ?? [],
    fields: { ...config.fields, ...flags.fields },
    strict: merged.strict ?? false,
    maxRecordKb: merged.maxRecordKb ?? DEFAULT_MAX_RECORD_KB,
    turns: merged.turns ?? 'all',
    formats: formats.flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean),
    ...pathOption('output', flags, config, cwd),
    ...pathOption('outputDir', flags, config, cwd),
    ...pathOption('baseline', flags, config, cwd),
    ...pathOption('suppressions', flags, config, cwd),
    ...pathOption('backlog', flags, config, cwd),
    ...pathOption('calibration', flags, config, cwd),
    showPassing: merged.showPassing ?? false,
    show: merged.show ?? DEFAULT_SHOW_LIMIT,
    quiet: merged.quiet ?? false,
    ...(flags.color !== undefined ? { color: flags.color } : {}),
    grader: merged.grader ?? 'auto',
    ...(merged.model ? { model: merged.model } : {}),
    provider: merged.provider ?? 'anthropic',
    ...(merged.baseUrl ? { baseUrl: merged.baseUrl } : {}),
    concurrency: merged.concurrency ?? 8,
    cache: merged.cache ?? true,
    cacheDir: fromFlag(flags.cacheDir) ?? config.cacheDir ?? path.resolve(cwd, '.tone-audit-cache'),
    ...(merged.maxCost !== undefined ? { maxCost: merged.maxCost } : {}),
    repeat: merged.repeat ?? 1,
    conversationCalls: merged.conversationCalls ?? 'auto',
    redact: merged.redact ?? true,
    redactOutput: merged.redactOutput ?? false,
    failOn: merged.failOn ?? 'error',
    ...(merged.maxDriftRate !== undefined ? { maxDriftRate: merged.maxDriftRate } : {}),
    ...(merged.maxWarnings !== undefined ? { maxWarnings: merged.maxWarnings } : {}),
    maxUngraded: merged.maxUngraded ?? 0,
    maxSkipped: merged.maxSkipped ?? 0,
    // Per-id thresholds merge key by key: a flag for one rule keeps the config's other rules.
    ...(config.maxRuleDriftRate || flags.maxRuleDriftRate ? { maxRuleDriftRate: { ...config.maxRuleDriftRate, ...flags.maxRuleDriftRate } } : {}),
    ...(config.minDimensionMean || flags.minDimensionMean ? { minDimensionMean: { ...config.minDimensionMean, ...flags.minDimensionMean } } : {}),
    ...(merged.maxNewlyDrifting !== undefined ? { maxNewlyDrifting: merged.maxNewlyDrifting } : {}),
    ...(merged.maxNewlyDriftingConversations !== undefined ? { maxNewlyDriftingConversations: merged.maxNewlyDriftingConversations } : {}),
    onlySignificantRegressions: merged.onlySignificantRegressions ?? false,
  };
}

type PathKey = 'output' | 'outputDir' | 'baseline' | 'suppressions' | 'backlog' | 'calibration';

/** A path flag resolves against the working folder; the same key from config is already absolute. */
function pathOption<K extends PathKey>(key: K, flags: CliFlags, config: ToneAuditConfig, cwd: string): Partial<Record<K, string>> {
  const fromFlag = flags[key];
  if (fromFlag !== undefined) return { [key]: path.resolve(cwd, fromFlag) } as Record<K, string>;
  const fromConfig = config[key];
  return fromConfig !== undefined ? ({ [key]: fromConfig } as Record<K, string>) : {};
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

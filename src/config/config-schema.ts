import { z } from 'zod';
import { PROVIDER_IDS } from '../grader/providers/provider-profiles.js';
import { SAMPLE_FORMATS, type SampleFormat } from '../load/importers/format-names.js';

const severity = z.enum(['error', 'warning', 'info']);
const rate = z.number().min(0).max(1);

/** Highest `repeat` (each repeat is a paid API call per reply). */
export const MAX_REPEAT = 20;

/**
 * The config file (`.toneauditrc.yaml`, `tone-audit.config.{json,yaml,js,mjs}` or the `tone-audit`
 * key of package.json). Keys are the camelCase form of the CLI flags: `--max-drift-rate` ↔ `maxDriftRate`.
 * Paths are relative to the config file's folder.
 */
export const configSchema = z
  .strictObject({
    guide: z.string().min(1).describe('Path to the brand style guide YAML'),
    inputFormat: z.enum(SAMPLE_FORMATS as [SampleFormat, ...SampleFormat[]]).describe('Force the samples format (jsonl, csv, json, parquet) or a platform importer (zendesk, intercom, freshdesk, salesforce, openai, anthropic, langfuse) instead of guessing from the extension and record shape'),
    botAuthors: z.array(z.string().min(1)).describe('Imports: author ids or names whose messages are the bot\'s, on platforms that do not mark bots (Zendesk, Freshdesk)'),
    fields: z
      .partialRecord(z.enum(['id', 'response', 'customer', 'transcript', 'escalated', 'timestamp']), z.string().min(1))
      .describe('Map tone-audit field names to your data\'s keys or CSV columns, e.g. { response: bot_reply }'),
    strict: z.boolean().describe('Exit 2 on the first broken input record instead of skipping it'),
    maxRecordKb: z.number().positive().describe('Skip records with more text than this many kB (reply, customer message and transcript); default 100'),
    turns: z.enum(['all', 'last']).describe('For conversations: judge every bot turn in the context before it (all, default) or only the last reply'),
    format: z.union([z.string(), z.array(z.string())]).describe('Report format(s)'),
    output: z.string().describe('Write the report to this file instead of stdout'),
    outputDir: z.string().describe('Write one report file per format into this folder'),
    baseline: z.string().describe('A previous audit (--format json) to compare against and gate on'),
    suppressions: z.string().describe('Accepted-findings file: findings the team has reviewed and accepted'),
    backlog: z.string().describe('Fine-tuning backlog file that drifting replies are added to'),
    calibration: z.string().describe('Calibration record (tone-audit calibrate --write): its dimension minimums replace the guide\'s in the grader\'s drift decision'),
    showPassing: z.boolean().describe('List passing samples in the terminal report too'),
    show: z.union([z.number().int().min(0), z.literal('all')]).describe('Terminal report: most replies listed (default 20), or "all"'),
    quiet: z.boolean().describe('Terminal report: list no replies, only the summary and the gate verdict'),
    grader: z.enum(['auto', 'llm', 'heuristic', 'none']),
    model: z.string().min(1),
    provider: z.enum(PROVIDER_IDS).describe('Server behind the LLM grader: anthropic (default), ollama, llamacpp, vllm or litellm — sets the default base URL and what the grader sends'),
    baseUrl: z.string().url(),
    concurrency: z.number().int().min(1).max(256),
    cache: z.boolean(),
    cacheDir: z.string(),
    maxCost: z.number().positive(),
    redact: z.boolean().describe('Redact personal data (emails, phones, cards, IBANs, SSNs, NI numbers, URL tokens, secrets, names) before text reaches the API; default true'),
    redactOutput: z.boolean().describe('Also redact the texts written to reports, the result cache and the backlog; default false'),
    conversationCalls: z.enum(['auto', 'per-turn']).describe('LLM grader: auto (default) scores the bot turns of a conversation in one call; per-turn makes one call per bot turn'),
    repeat: z.number().int().min(1).max(MAX_REPEAT).describe('LLM grader: judge each reply this many times (median scores, majority verdict, unstable replies counted); default 1'),
    failOn: severity.describe('Fail the gate on any finding at or above this severity'),
    maxDriftRate: rate,
    maxWarnings: z.number().int().min(0),
    maxUngraded: z.number().int().min(0),
    maxSkipped: z.number().int().min(0),
    maxRuleDriftRate: z.record(z.string(), rate).describe('Per rule id: highest allowed share of samples with a finding of the rule'),
    minDimensionMean: z.record(z.string(), z.number().min(1).max(5)).describe('Per dimension id: lowest allowed mean score'),
    maxNewlyDrifting: z.number().int().min(0).describe('Highest allowed number of samples that passed in the baseline and drift now'),
    maxNewlyDriftingConversations: z.number().int().min(0).describe('Highest allowed number of conversations that passed in the baseline and drift now'),
    onlySignificantRegressions: z.boolean().describe('With a baseline, rate thresholds fail only on a statistically significant rise'),
  })
  .partial();

export type ToneAuditConfig = z.infer<typeof configSchema>;

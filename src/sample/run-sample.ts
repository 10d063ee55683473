import { UsageError } from '../errors.js';
import { lookupPath } from '../load/samples/lookup-field.js';
import type { InputFormat, Problem } from '../types.js';
import type { StratumAllocation } from './allocate.js';
import { describeSampleSize } from './describe-sample-size.js';
import { parseTimestamp } from './parse-timestamp.js';
import { createRandom } from './random.js';
import { detachRecord, type InputRecord } from './input-record.js';
import { readRecords, type Chunks } from './read-records.js';
import { Reservoir } from './reservoir.js';
import { marginOfError, requiredSampleSize } from './sample-size.js';
import { stratifiedSample, type Allocation } from './stratify.js';
import { subsample } from './subsample.js';

export interface RunSampleOptions {
  /** Files or globs to read (JSONL, CSV, JSON array); `-` is stdin. A file named twice is read once. */
  inputs: readonly string[];
  /** Records to sample. Give this or `margin`, not both. */
  size?: number;
  /** Target margin of error as a fraction (0.03 = ±3 points); the size is computed from it. */
  margin?: number;
  /** Confidence level for `margin` and for the reported margin; default 0.95. */
  confidence?: number;
  /** Expected drift rate the margin is computed for; default 0.5 (the worst case). */
  proportion?: number;
  /** Same seed and same inputs → the same sample. */
  seed: string | number;
  /** Field (or dotted path) to stratify by, e.g. `channel`. Records without it form the stratum `(missing)`. */
  stratifyBy?: string;
  /** How a stratified sample is spread over strata; default `proportional`. */
  allocation?: Allocation;
  /** Keep records at or after this time: ISO 8601 (no offset = UTC) or epoch seconds/ms. */
  since?: string | number;
  /** Keep records before this time (exclusive). */
  until?: string | number;
  /** Field (or dotted path) holding the record time; default `timestamp`. */
  timestampField?: string;
  /** Output format; default the format of the first input, so the output reads back the same way. */
  format?: InputFormat;
  /** Read every input as this format instead of going by extension. */
  inputFormat?: InputFormat;
  /** Stop at the first bad record instead of skipping it. */
  strict?: boolean;
  /** Told about each skipped bad record as it is met. */
  onProblem?: (problem: Problem) => void;
}

export interface RunSampleDeps {
  /** The stream read for the input `-`. */
  stdin?: Chunks;
  /** Directory that relative paths and globs are resolved from (default: the process's). */
  cwd?: string;
}

export interface SampleStats {
  /** The population: well-formed records within the time window. */
  seen: number;
  /** Well-formed records read, before the time filter. */
  read: number;
  /** Bad records skipped. */
  skipped: number;
  /** The first {@link MAX_KEPT_PROBLEMS} of them. */
  problems: Problem[];
  outsideWindow: number;
  missingTimestamp: number;
  /** Records in the sample. */
  size: number;
  /** Whether the size came from `--size` or was computed from `--margin`. */
  sizeSource: 'size' | 'margin';
  confidence: number;
  proportion: number;
  /** Margin of error (fraction) the sample gives for a rate near `proportion`, finite population corrected. */
  margin: number;
  /** Per stratum population and allocation, sorted by key, when stratified. */
  strata?: StratumAllocation[];
  /** The most records held in memory by any one reservoir (≤ the size bound). */
  peakHeld: number;
  format: InputFormat;
  seed: string;
  /** One sentence for stderr on how the size was chosen and what it buys. */
  explanation: string;
  /** Things the user should know (records left out, bad records), one sentence each. */
  warnings: string[];
}

/** Problems kept in {@link SampleStats.problems}; all of them still reach `onProblem`. */
export const MAX_KEPT_PROBLEMS = 1000;

/**
 * Draws a reproducible uniform (or stratified) random sample of raw records from log files in one
 * streaming pass, memory bounded by the sample size (× strata when stratified).
 *
 * With `margin`, the size is first bounded by n₀ (no finite population correction, which only
 * shrinks it); once the pass has counted the population the corrected size is taken as a uniform
 * subsample of the reservoir, which is still a uniform sample of the population.
 * Throws a {@link UsageError} for bad options and an InputError for unreadable inputs.
 */
export async function runSample(options: RunSampleOptions, deps: RunSampleDeps = {}): Promise<{ records: InputRecord[]; stats: SampleStats }> {
  const settings = checkOptions(options);
  const random = createRandom(options.seed);
  const problems: Problem[] = [];
  const { records: stream, stats: read } = readRecords(options.inputs, {
    format: options.inputFormat,
    strict: options.strict,
    since: settings.since,
    until: settings.until,
    timestampField: settings.timestampField,
    stdin: deps.stdin,
    cwd: deps.cwd,
    onProblem: (problem) => {
      if (problems.length < MAX_KEPT_PROBLEMS) problems.push(problem);
      options.onProblem?.(problem);
    },
  });

  const bound = settings.margin === undefined ? settings.size : requiredSampleSize({ ...settings.estimate, margin: settings.margin });
  const finalSize = (population: number): number =>
    settings.margin === undefined
      ? Math.min(bound, population)
      : requiredSampleSize({ ...settings.estimate, margin: settings.margin, population });

  let records: InputRecord[];
  let strata: StratumAllocation[] | undefined;
  let peakHeld: number;
  if (options.stratifyBy !== undefined) {
    const field = options.stratifyBy;
    const result = await stratifiedSample(stream, {
      size: bound,
      key: (record) => stratumKey(lookupPath(record.value, field)?.value),
      allocation: options.allocation ?? 'proportional',
      random,
      finalSize,
      retain: detachRecord,
    });
    ({ sample: records, strata, peakHeld } = result);
  } else {
    const reservoir = new Reservoir<InputRecord>(bound, random, { retain: detachRecord });
    for await (const record of stream) reservoir.offer(record);
    records = subsample(reservoir.drain(), finalSize(reservoir.seen), random).map((entry) => entry.item);
    peakHeld = reservoir.peakHeld;
  }

  const population = read.kept;
  const { confidence, proportion } = settings.estimate;
  const margin = marginOfError({ size: records.length, confidence, proportion, population });
  const stats: SampleStats = {
    seen: population,
    read: read.read,
    skipped: read.skipped,
    problems,
    outsideWindow: read.outsideWindow,
    missingTimestamp: read.missingTimestamp,
    size: records.length,
    sizeSource: settings.margin === undefined ? 'size' : 'margin',
    confidence,
    proportion,
    margin,
    ...(strata ? { strata } : {}),
    peakHeld,
    format: options.format ?? read.formats[0] ?? 'jsonl',
    seed: String(options.seed),
    explanation: '',
    warnings: [],
  };
  stats.explanation = describeSampleSize(stats, { requested: settings.margin === undefined ? settings.size : undefined, stratifyBy: options.stratifyBy, allocation: options.allocation ?? 'proportional' });
  if (read.skipped > 0) stats.warnings.push(`${read.skipped} bad record${read.skipped === 1 ? ' was' : 's were'} skipped`);
  if (read.missingTimestamp > 0) {
    const first = read.firstMissingTimestamp;
    stats.warnings.push(
      `${read.missingTimestamp} record${read.missingTimestamp === 1 ? '' : 's'} without a readable \`${settings.timestampField}\` ` +
        `left out of the --since/--until window${first ? ` (first at ${first.file}:${first.line})` : ''}`,
    );
  }
  return { records, stats };
}

interface Settings {
  size: number;
  margin?: number;
  estimate: { confidence: number; proportion: number };
  since?: number;
  until?: number;
  timestampField: string;
}

function checkOptions(options: RunSampleOptions): Settings {
  if (options.inputs.length === 0) throw new UsageError('no input files given', { hint: 'pass one or more log files, or - for stdin' });
  const { size, margin, confidence = 0.95, proportion = 0.5 } = options;
  if (size !== undefined && margin !== undefined) throw new UsageError('give --size or --margin, not both');
  if (size === undefined && margin === undefined) {
    throw new UsageError('give --size N or --margin E', { hint: 'e.g. --margin 0.03 audits enough records for ±3 points at 95% confidence' });
  }
  if (size !== undefined && !(Number.isInteger(size) && size > 0)) throw new UsageError(`--size must be a positive whole number, got ${size}`);
  for (const [name, value] of [['margin', margin], ['confidence', confidence], ['proportion', proportion]] as const) {
    if (value !== undefined && !(value > 0 && value < 1)) {
      throw new UsageError(`--${name} must be a fraction between 0 and 1, got ${value}`, { hint: name === 'margin' ? 'write 0.03 for ±3 points' : undefined });
    }
  }
  const since = checkTime('since', options.since);
  const until = checkTime('until', options.until);
  if (since !== undefined && until !== undefined && since >= until) throw new UsageError('--since must be before --until');
  return {
    size: size ?? 0,
    margin,
    estimate: { confidence, proportion },
    since,
    until,
    timestampField: options.timestampField ?? 'timestamp',
  };
}

function checkTime(name: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = parseTimestamp(value);
  if (time === undefined) {
    throw new UsageError(`--${name} must be an ISO 8601 date or time, or epoch seconds/milliseconds, got ${JSON.stringify(value)}`, {
      hint: 'e.g. 2024-05-01 or 2024-05-01T09:30:00Z',
    });
  }
  return time;
}

function stratumKey(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(missing)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

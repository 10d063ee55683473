import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Finding, Grade, Sample, Usage } from '../../types.js';
import type { GradingContext } from './llm-grader.js';
import { BATCH_LIMITS, BatchSpool, customIdOfLine, type BatchLimits, type SpooledChunk } from './batch-spool.js';
import { ResultIndex } from './batch-results.js';
import { priceUsage, tokenCountsOf } from './price-usage.js';
import { parseVerdict } from './verdict.js';
import { extractVerdictPayload } from './verdict-request.js';
import { writeJsonFile } from './write-json-file.js';
import { openAtomicFile } from '../../atomic-file.js';

export interface BatchRunOptions {
  /** Folder under which each run keeps its work folder (`<cache dir>/batches`). */
  workRoot: string;
  /** Between status polls (default 30 s; tests use a few ms). */
  pollIntervalMs?: number;
  /** Default {@link BATCH_LIMITS}, the API's. */
  limits?: BatchLimits;
  signal?: AbortSignal;
}

/** What the input held, for the work folder's key and the replay. */
export type SpoolEvent = { type: 'sample'; sample: Sample } | { type: string; [key: string]: unknown };

/** A run whose batches have all ended: the input can be replayed and every sample graded from the results. */
export interface BatchRun {
  /** The work folder (requests, results, the replayed input, the manifest). */
  workDir: string;
  /** Batches submitted or resumed, in order. */
  batchIds: string[];
  /** Scoring requests sent (first round). */
  requests: number;
  /** Requests submitted a second time after an errored or expired first attempt. */
  resubmitted: number;
  /** True when the run picked up a work folder an earlier, interrupted run left. */
  resumed: boolean;
  /** The input events again, in order, read back from disk. */
  replay<T extends SpoolEvent>(): AsyncIterable<T>;
  /** The full grading pipeline for one sample, its scoring judgements taken from the batch results (or the cache). */
  grade(sample: Sample, findings: readonly Finding[], signal?: AbortSignal): Promise<Grade>;
  /** Closes the results and, unless `keep`, removes the work folder. */
  close(keep?: boolean): Promise<void>;
}

interface Manifest {
  version: 1;
  /** Round 1: every request; round 2: those that errored or expired, once. */
  chunks: (SpooledChunk & { round: 1 | 2; batchId?: string; results?: string })[];
  retried: boolean;
}

const MANIFEST = 'manifest.json';
const EVENTS = 'input.jsonl';

/**
 * Grades through the Message Batches API (50% off, results within 24 h), at any scale:
 *
 * 1. The input is streamed once into the work folder (`input.jsonl`, replayed later) while each
 *    scoring request not answered by the result cache is spooled into request-body files within the
 *    API's limits per batch (identical requests once). The folder is named by a hash of the model,
 *    prompt and every sample, so rerunning the same command finds it and resumes.
 * 2. Each spooled file is submitted as one batch (streamed from disk), every batch is polled until it
 *    ends, its results are streamed to disk. The manifest records each step atomically, so an interrupt
 *    anywhere loses nothing: a rerun submits only what was never submitted and downloads only what was
 *    never downloaded. Requests that errored or expired are resubmitted once.
 * 3. Results are indexed by custom_id in one pass (a Map: O(n)); each sample then goes through the
 *    grader's ordinary pipeline with its batch judgements — repeats combined, drifting replies rewritten
 *    with ordinary full-price calls.
 */
export async function runBatch(
  context: GradingContext,
  source: AsyncIterable<SpoolEvent>,
  findingsOf: (sample: Sample) => readonly Finding[],
  options: BatchRunOptions,
): Promise<BatchRun> {
  const { signal } = options;
  await mkdir(options.workRoot, { recursive: true });
  const incoming = path.join(options.workRoot, `.incoming-${randomBytes(6).toString('hex')}`);
  await mkdir(incoming);
  let spooled: { key: string; chunks: SpooledChunk[]; requests: number };
  try {
    spooled = await spoolInput(context, source, findingsOf, incoming, options.limits ?? BATCH_LIMITS);
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    throw error;
  }
  const workDir = path.join(options.workRoot, spooled.key);
  let manifest = await readManifest(workDir);
  const resumed = manifest !== undefined;
  if (manifest) {
    await rm(incoming, { recursive: true, force: true });
  } else {
    await rm(workDir, { recursive: true, force: true });
    await rename(incoming, workDir);
    manifest = { version: 1, chunks: spooled.chunks.map((c) => ({ ...c, round: 1 })), retried: false };
    await writeJsonFile(path.join(workDir, MANIFEST), manifest);
  }
  const save = () => writeJsonFile(path.join(workDir, MANIFEST), manifest);
  const batchIds: string[] = [];

  await settleRound(1);
  let resubmitted = 0;
  if (!manifest.retried) {
    const retry = await spoolFailures();
    manifest.chunks.push(...retry.map((c) => ({ ...c, round: 2 as const })));
    manifest.retried = true;
    await save();
  }
  resubmitted = manifest.chunks.filter((c) => c.round === 2).reduce((n, c) => n + c.requests, 0);
  await settleRound(2);

  const index = await ResultIndex.build(workDir, manifest.chunks.map((c) => c.results!));
  const requested = await requestedIds(workDir, manifest.chunks.filter((c) => c.round === 1));
  const requests = manifest.chunks.filter((c) => c.round === 1).reduce((n, c) => n + c.requests, 0);

  return {
    workDir,
    batchIds,
    requests,
    resubmitted,
    resumed,
    replay: <T extends SpoolEvent>() => replayEvents<T>(path.join(workDir, EVENTS)),
    grade: async (sample, findings, gradeSignal) => {
      const keys = Array.from({ length: context.repeat }, (_, i) => context.scoreKey(sample, i));
      const judgements = await Promise.all(keys.map((key) => judgementOf(key, sample, findings)));
      return context.gradeSample(sample, findings, gradeSignal, (i) => judgements[i]);
    },
    close: async (keep = false) => {
      await index.close();
      if (!keep) await rm(workDir, { recursive: true, force: true });
    },
  };

  /** Submits every chunk of `round` not yet submitted, waits for all of them, downloads what was not downloaded. */
  async function settleRound(round: 1 | 2): Promise<void> {
    const chunks = manifest!.chunks.filter((c) => c.round === round);
    for (const chunk of chunks) {
      if (chunk.batchId) continue;
      const batch = await context.client.createBatchFromFile(path.join(workDir, chunk.file), signal);
      chunk.batchId = batch.id;
      await save();
    }
    for (const chunk of chunks) if (chunk.batchId) batchIds.push(chunk.batchId);
    let waiting = chunks.filter((c) => !c.results);
    while (waiting.length > 0) {
      for (const chunk of waiting) {
        const batch = await context.client.retrieveBatch(chunk.batchId!, signal);
        const counts = batch.request_counts;
        context.emit({ type: 'batch', batchId: batch.id, status: batch.processing_status, succeeded: counts.succeeded, processing: counts.processing, failed: counts.errored + counts.expired + counts.canceled });
        if (batch.processing_status !== 'ended') continue;
        chunk.results = `results-${chunk.file.replace(/\.json$/, '')}.jsonl`;
        await downloadResults(chunk.batchId!, path.join(workDir, chunk.results));
        await save();
      }
      waiting = waiting.filter((c) => !c.results);
      if (waiting.length > 0) await sleep(options.pollIntervalMs ?? 30_000, signal);
    }
  }

  async function downloadResults(batchId: string, file: string): Promise<void> {
    const out = await openAtomicFile(file);
    try {
      for await (const line of context.client.batchResults(batchId, signal)) {
        // custom_id first: the index reads it from the start of the line.
        await out.write(`${JSON.stringify({ custom_id: line.custom_id, result: line.result })}\n`);
      }
      await out.commit();
    } catch (error) {
      await out.discard();
      throw error;
    }
  }

  /** Round 1's requests whose result was not `succeeded` (or never came), spooled again for one more try. */
  async function spoolFailures(): Promise<SpooledChunk[]> {
    const firstRound = manifest!.chunks.filter((c) => c.round === 1);
    const index = await ResultIndex.build(workDir, firstRound.map((c) => c.results!));
    const spool = new BatchSpool(workDir, 'retry', options.limits ?? BATCH_LIMITS);
    try {
      for (const chunk of firstRound) {
        for await (const line of requestLines(path.join(workDir, chunk.file))) {
          const id = customIdOfLine(line)!;
          const result = await index.read(id);
          if (result?.result.type !== 'succeeded') await spool.add(line);
        }
      }
    } finally {
      await index.close();
    }
    return spool.close();
  }

  /** One scoring judgement: the batch result when there is one, an error when it was requested and none came, else the cache (prescored undefined). */
  async function judgementOf(key: string, original: Sample, originalFindings: readonly Finding[]): Promise<Grade | undefined> {
    const line = await index.read(key);
    if (!line) return requested.has(key) ? errorGrade('batch request: no result returned') : undefined;
    if (line.result.type !== 'succeeded') return errorGrade(`batch request ${line.result.type}`);
    const message = line.result.message;
    const usage = priceUsage(tokenCountsOf(message.usage), context.model, { prices: context.prices, batch: true });
    // Quotes are verified against the redacted reply the request carried; gradeSample maps them back.
    const { sample, findings } = context.view(original, originalFindings);
    const payload = message.stop_reason === 'refusal' ? { ok: false as const, error: 'the model refused to grade' } : extractVerdictPayload(message);
    const verdict = payload.ok ? parseVerdict(payload.value, sample, context.guide, findings) : payload;
    if (!verdict.ok) return errorGrade(verdict.error, usage);
    const grade: Grade = { ...verdict.grade, model: context.model, usage, calls: 1 };
    try {
      await context.cache?.write(key, grade);
    } catch (error) {
      context.emit({ type: 'cache-error', message: (error as Error).message });
    }
    return grade;
  }

  function errorGrade(error: string, usage?: Usage): Grade {
    return { status: 'error', grader: 'llm', model: context.model, scores: {}, violations: [], drift: 'on-brand', error, ...(usage ? { usage, calls: 1 } : { calls: 0 }) };
  }
}

/**
 * Streams the input into `dir/input.jsonl` and the uncached scoring requests into request-body files;
 * returns the run's key (model, prompt, every sample's id and texts) and the chunks written.
 */
async function spoolInput(
  context: GradingContext,
  source: AsyncIterable<SpoolEvent>,
  findingsOf: (sample: Sample) => readonly Finding[],
  dir: string,
  limits: BatchLimits,
): Promise<{ key: string; chunks: SpooledChunk[]; requests: number }> {
  const hash = createHash('sha256').update(`${context.model}\u0000${context.promptHash}\u0000${context.repeat}`);
  const events = createWriteStream(path.join(dir, EVENTS));
  const spool = new BatchSpool(dir, 'batch', limits);
  // Request keys seen, so identical samples share one request: 64 hex characters per distinct reply.
  const seen = new Set<string>();
  let requests = 0;
  for await (const event of source) {
    if (!events.write(`${JSON.stringify(event)}\n`)) await once(events, 'drain');
    if (event.type !== 'sample') continue;
    const sample = (event as { sample: Sample }).sample;
    hash.update(`\u0000${sample.id}\u0000${sample.customer}\u0000${JSON.stringify(sample.transcript ?? null)}\u0000${sample.response}`);
    for (let i = 0; i < context.repeat; i += 1) {
      const key = context.scoreKey(sample, i);
      if (seen.has(key)) continue;
      seen.add(key);
      if (await context.cache?.read(key)) continue;
      const params = context.scoreParams(sample, findingsOf(sample), context.maxTokens * 2);
      await spool.add(JSON.stringify({ custom_id: key, params }));
      requests += 1;
    }
  }
  await new Promise<void>((resolve, reject) => events.end(() => resolve()).once('error', reject));
  const chunks = await spool.close();
  return { key: hash.digest('hex').slice(0, 16), chunks, requests };
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    if (manifest.version !== 1 || !Array.isArray(manifest.chunks)) return undefined;
    // Every file it names must still be there, or the run starts over.
    for (const chunk of manifest.chunks) {
      await stat(path.join(dir, chunk.file));
      if (chunk.results) await stat(path.join(dir, chunk.results));
    }
    await stat(path.join(dir, EVENTS));
    return manifest;
  } catch {
    return undefined;
  }
}

async function* requestLines(file: string): AsyncIterable<string> {
  for await (const raw of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (!raw.startsWith('{"custom_id"')) continue;
    yield raw.endsWith(',') ? raw.slice(0, -1) : raw;
  }
}

async function requestedIds(dir: string, chunks: readonly SpooledChunk[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const chunk of chunks) for await (const line of requestLines(path.join(dir, chunk.file))) ids.add(customIdOfLine(line)!);
  return ids;
}

async function* replayEvents<T>(file: string): AsyncIterable<T> {
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (line) yield JSON.parse(line) as T;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Grades an array of samples through {@link runBatch}: the programmatic form of `audit --batch`. */
export async function gradeBatch(
  context: GradingContext,
  samples: readonly Sample[],
  findingsById: ReadonlyMap<string, readonly Finding[]>,
  options: BatchRunOptions,
): Promise<{ grades: Map<string, Grade>; batchIds: string[]; resubmitted: number; requests: number }> {
  async function* events(): AsyncIterable<SpoolEvent> {
    for (const sample of samples) yield { type: 'sample', sample };
  }
  const findingsOf = (sample: Sample) => findingsById.get(sample.id) ?? [];
  const run = await runBatch(context, events(), findingsOf, options);
  const grades = new Map<string, Grade>();
  try {
    await Promise.all(samples.map(async (sample) => grades.set(sample.id, await run.grade(sample, findingsOf(sample), options.signal))));
  } finally {
    await run.close(options.signal?.aborted);
  }
  return { grades, batchIds: run.batchIds, resubmitted: run.resubmitted, requests: run.requests };
}

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Grade, Sample } from '../../types.js';
import { writeJsonFile } from './write-json-file.js';

/** The two kinds of call whose results are cached; the kind is part of every key. */
export type CallKind = 'score' | 'rewrite' | 'rewrite-retry';

const sha256 = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/**
 * Key of a scoring verdict: sha256 (hex) of the model, the prompt hash, the call kind, the repeat index
 * (`--repeat`: each judgement of the same reply is cached apart) and the sample's customer context and reply.
 * The rule findings are not in the key: they follow from the guide, which the prompt hash covers.
 */
export function resultCacheKey(model: string, promptHash: string, sample: Pick<Sample, 'customer' | 'transcript' | 'response'>, repeat = 0): string {
  return sha256([model, promptHash, 'score' satisfies CallKind, repeat, sample.customer, sample.transcript ?? null, sample.response]);
}

/** Key of a rewrite: the model, the prompt hash, the call kind and the whole user turn (reply, problems, previous attempt). */
export function rewriteCacheKey(model: string, promptHash: string, kind: Exclude<CallKind, 'score'>, userTurn: string): string {
  return sha256([model, promptHash, kind, userTurn]);
}

const cachedGrade = z.object({
  status: z.literal('graded'),
  grader: z.literal('llm'),
  scores: z.record(z.string(), z.object({ score: z.number(), reason: z.string() }).loose()),
  violations: z.array(z.object({ ruleId: z.string(), kind: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string() }).loose()),
  drift: z.enum(['on-brand', 'minor-drift', 'major-drift']),
}).loose();

const gradeEntry = z.object({ key: z.string(), grade: cachedGrade });
const rewriteEntry = z.object({ key: z.string(), rewrite: z.string().min(1) });

/** Graded verdicts and rewrites on disk, one JSON file per key under `dir/<first 2 hex>/<key>.json`. */
export interface ResultCache {
  /** The cached grade (with `cached: true`, no usage), or undefined on a miss or a corrupt entry. */
  read(key: string): Promise<Grade | undefined>;
  /** Stores a graded verdict atomically (temp file + rename); ungraded results are refused. */
  write(key: string, grade: Grade): Promise<void>;
  /** The cached rewrite text, or undefined on a miss or a corrupt entry. */
  readRewrite(key: string): Promise<string | undefined>;
  writeRewrite(key: string, rewrite: string): Promise<void>;
}

export function createResultCache(dir: string): ResultCache {
  const fileOf = (key: string): string => join(dir, key.slice(0, 2), `${key}.json`);
  const readEntry = async <T>(key: string, schema: z.ZodType<T & { key: string }>): Promise<T | undefined> => {
    let text: string;
    try {
      text = await readFile(fileOf(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = schema.safeParse(JSON.parse(text));
      return entry.success && entry.data.key === key ? entry.data : undefined;
    } catch {
      // A corrupt entry is a miss; the next write replaces it.
      return undefined;
    }
  };
  return {
    async read(key) {
      const entry = await readEntry(key, gradeEntry);
      if (!entry) return undefined;
      const { usage: _usage, cached: _cached, calls: _calls, ...grade } = entry.grade as unknown as Grade;
      return { ...grade, cached: true };
    },
    async write(key, grade) {
      if (grade.status !== 'graded') return;
      const { usage: _usage, cached: _cached, calls: _calls, ...stored } = grade;
      await writeJsonFile(fileOf(key), { key, grade: stored });
    },
    async readRewrite(key) {
      return (await readEntry(key, rewriteEntry))?.rewrite;
    },
    async writeRewrite(key, rewrite) {
      await writeJsonFile(fileOf(key), { key, rewrite });
    },
  };
}

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Grade, Sample } from '../../types.js';
import { writeJsonFile } from './write-json-file.js';

/**
 * Key of a verdict: sha256 (hex) of the model, the prompt hash and the sample's customer context and reply.
 * The rule findings are not in the key: they follow from the guide, which the prompt hash covers.
 */
export function resultCacheKey(model: string, promptHash: string, sample: Pick<Sample, 'customer' | 'transcript' | 'response'>): string {
  return createHash('sha256')
    .update(JSON.stringify([model, promptHash, sample.customer, sample.transcript ?? null, sample.response]))
    .digest('hex');
}

const cachedGrade = z.object({
  status: z.literal('graded'),
  grader: z.literal('llm'),
  scores: z.record(z.string(), z.object({ score: z.number(), reason: z.string() })),
  violations: z.array(z.object({ ruleId: z.string(), kind: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string() }).loose()),
  drift: z.enum(['on-brand', 'minor-drift', 'major-drift']),
}).loose();

const entrySchema = z.object({ key: z.string(), grade: cachedGrade });

/** Graded verdicts on disk, one JSON file per key under `dir/<first 2 hex>/<key>.json`. */
export interface ResultCache {
  /** The cached grade (with `cached: true`, no usage), or undefined on a miss or a corrupt entry. */
  read(key: string): Promise<Grade | undefined>;
  /** Stores a graded verdict atomically (temp file + rename); ungraded results are refused. */
  write(key: string, grade: Grade): Promise<void>;
}

export function createResultCache(dir: string): ResultCache {
  const fileOf = (key: string): string => join(dir, key.slice(0, 2), `${key}.json`);
  return {
    async read(key) {
      let text: string;
      try {
        text = await readFile(fileOf(key), 'utf8');
      } catch {
        return undefined;
      }
      try {
        const entry = entrySchema.safeParse(JSON.parse(text));
        if (!entry.success || entry.data.key !== key) return undefined;
        const { usage: _usage, cached: _cached, ...grade } = entry.data.grade as unknown as Grade;
        return { ...grade, cached: true };
      } catch {
        // A corrupt entry is a miss; the next write replaces it.
        return undefined;
      }
    },
    async write(key, grade) {
      if (grade.status !== 'graded') return;
      const { usage: _usage, cached: _cached, ...stored } = grade;
      await writeJsonFile(fileOf(key), { key, grade: stored });
    },
  };
}

import { readFileSync } from 'node:fs';
import { packageFile } from '../../package-root.js';
import { z } from 'zod';
import { GraderConfigError } from '../../errors.js';
import type { DriftModel } from './drift-model.js';
import { DRIFT_SIGNALS } from './drift-signals.js';

/** `data/heuristic-drift-model.json` of the package (written by `npm run fit`). */
export const DEFAULT_DRIFT_MODEL_FILE = packageFile('data', 'heuristic-drift-model.json');

const numbers = z.array(z.number().finite()).length(DRIFT_SIGNALS.length);
const driftModelSchema = z.object({
  signals: z.array(z.string()).refine((names) => names.join() === DRIFT_SIGNALS.join(), { message: `must be exactly ${DRIFT_SIGNALS.join(', ')} (refit with npm run fit)` }),
  mean: numbers,
  scale: z.array(z.number().positive()).length(DRIFT_SIGNALS.length),
  weights: numbers,
  bias: z.number().finite(),
  threshold: z.number().gt(0).lt(1),
  fittedOn: z.unknown().optional(),
});

let defaultModel: DriftModel | undefined;

/** Reads and validates the drift model (synchronously: once, when the heuristic grader is created). */
export function readDriftModel(file: string = DEFAULT_DRIFT_MODEL_FILE): DriftModel {
  if (file === DEFAULT_DRIFT_MODEL_FILE && defaultModel) return defaultModel;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GraderConfigError(`cannot read the heuristic drift model ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = driftModelSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ location: { file, line: 1 }, path: issue.path.join('.'), message: issue.message }));
    throw new GraderConfigError(`invalid heuristic drift model ${file}`, { problems });
  }
  if (file === DEFAULT_DRIFT_MODEL_FILE) defaultModel = parsed.data;
  return parsed.data;
}

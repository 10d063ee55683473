import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type LoadEvent, type ReadSamplesOptions, readSamples } from '../../../src/load/samples/index.js';
import type { Problem, Sample } from '../../../src/types.js';

export const fixtures = path.resolve(import.meta.dirname, '../../fixtures/importers');

/** A fixture's text (for importers called directly, or to write a variant of it). */
export function readFixture(name: string): string {
  return readFileSync(path.join(fixtures, name), 'utf8');
}

/** Every event of reading `inputs` (relative to `cwd`, default the fixtures folder). */
export async function load(inputs: string[], options: ReadSamplesOptions = {}): Promise<{ samples: Sample[]; errors: Problem[]; warnings: Problem[] }> {
  const events: LoadEvent[] = [];
  for await (const event of readSamples(inputs, { cwd: fixtures, ...options })) events.push(event);
  return {
    samples: events.flatMap((e) => (e.type === 'sample' ? [e.sample] : [])),
    errors: events.flatMap((e) => (e.type === 'problem' && e.severity === 'error' ? [e.problem] : [])),
    warnings: events.flatMap((e) => (e.type === 'problem' && e.severity === 'warning' ? [e.problem] : [])),
  };
}

/** `file:line path: message` for asserting where a problem points. */
export function where(problem: Problem): string {
  return `${problem.location.file}:${problem.location.line} ${problem.path}: ${problem.message}`;
}

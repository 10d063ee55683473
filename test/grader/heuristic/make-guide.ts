import type { Dimension, Sample, StyleGuide, VoiceTrait } from '../../../src/types.js';

/** A dimension with the given id; override any field. */
export function makeDimension(id: string, overrides: Partial<Dimension> = {}): Dimension {
  return { id, description: `${id} dimension`, scale: { 1: 'poor', 3: 'fair', 5: 'excellent' }, min: 3, weight: 1, ...overrides };
}

/** A style guide with the usual heuristic dimensions unless `dimensions` is given. */
export function makeGuide(overrides: Partial<StyleGuide> = {}, traits: VoiceTrait[] = []): StyleGuide {
  return {
    brand: 'Test Brand',
    version: '1',
    changelog: [],
    voice: { summary: 'Warm and plain.', traits },
    dimensions: ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'].map((id) => makeDimension(id)),
    rules: [],
    escalation: [],
    signals: [],
    examples: [],
    source: { file: 'test.yaml', hash: '0'.repeat(64) },
    positions: {},
    ...overrides,
  };
}

/** A sample answering `customer` with `response`. */
export function makeSample(response: string, customer = '', overrides: Partial<Sample> = {}): Sample {
  return { id: 's1', response, customer, metadata: {}, source: { file: 'samples.jsonl', line: 1 }, ...overrides };
}

import { ConfigError, formatProblem } from '../../../src/errors.js';
import { parseStyleGuide } from '../../../src/load/styleguide/index.js';
import type { Problem } from '../../../src/types.js';

/** The sections of a small valid guide; override one per test (null drops it). */
const BASE_SECTIONS = {
  brand: 'brand: Acme Support',
  version: 'version: "1.0"',
  voice: ['voice:', '  summary: Friendly and plain.'].join('\n'),
  dimensions: [
    'dimensions:',
    '  - id: empathy',
    '    description: Cares about the customer',
    '    scale: { 1: "Cold", 3: "Polite", 5: "Warm" }',
    '    min: 3',
  ].join('\n'),
  rules: ['rules:', '  - id: no-blame', '    kind: banned', '    terms: [your fault]'].join('\n'),
  escalation: '',
  examples: '',
};

type Section = keyof typeof BASE_SECTIONS;

/** A guide's YAML text: the base guide with some sections replaced (or dropped with null). */
export function guideText(overrides: Partial<Record<Section, string | null>> = {}): string {
  const sections = { ...BASE_SECTIONS, ...overrides };
  return `${Object.values(sections)
    .filter((s): s is string => s !== null && s !== '')
    .join('\n')}\n`;
}

export const FILE = 'guide.yaml';

/** The problems parseStyleGuide throws for `text`, formatted `file:line:col path: message`. Fails if it parses. */
export function problemsOf(text: string): Problem[] {
  try {
    parseStyleGuide(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the guide to be rejected, but it parsed');
}

export function formattedProblemsOf(text: string): string[] {
  return problemsOf(text).map(formatProblem);
}

/** 1-based line and column of the first occurrence of `needle` in `text` (after `after`, when given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; col: number } {
  const start = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, start);
  if (start < 0 || offset < 0) throw new Error(`fixture has no ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

import type { EscalationTrigger, GuideExample, RuleConfig, Sample, SourceLocation, StyleGuide } from '../../src/types.js';

export const GUIDE_FILE = 'styleguide/test.yaml';

/** A minimal valid guide; pass only what a test is about. */
export function makeGuide(overrides: Partial<StyleGuide> = {}): StyleGuide {
  return {
    brand: 'Test Brand',
    version: '1',
    changelog: [],
    voice: { summary: 'Warm and plain.', traits: [] },
    dimensions: [],
    rules: [],
    escalation: [],
    signals: [],
    examples: [],
    source: { file: GUIDE_FILE, hash: '0'.repeat(64) },
    positions: {},
    ...overrides,
  };
}

/** A rule config as the loader produces it; `index` defaults to the rule's place when built with {@link makeRules}. */
export function makeRule(id: string, kind: string, options: Record<string, unknown> = {}, extra: Partial<RuleConfig> = {}): RuleConfig {
  return { id, kind, severity: 'warning', options, index: 0, ...extra };
}

/** Sets each rule's `index` to its place in the list, as the loader does. */
export function makeRules(...rules: RuleConfig[]): RuleConfig[] {
  return rules.map((rule, index) => ({ ...rule, index }));
}

export function makeTrigger(id: string, overrides: Partial<EscalationTrigger> = {}): EscalationTrigger {
  return { id, customerMentions: [], customerSignals: [], signalsMatch: 'any', customerTopics: [], handoff: [], severity: 'error', ...overrides };
}

export function makeExample(id: string, overrides: Partial<GuideExample> = {}): GuideExample {
  return { id, customer: '', bad: '', good: '', why: '', catches: [], ...overrides };
}

export function makeSample(response: string, overrides: Partial<Sample> = {}): Sample {
  return { id: 's1', response, customer: '', metadata: {}, source: { file: 'samples.jsonl', line: 1 }, ...overrides };
}

/** Positions for `paths`, on consecutive lines from `firstLine` at column 5, as if the loader recorded them. */
export function makePositions(paths: string[], firstLine = 10): Record<string, SourceLocation> {
  return Object.fromEntries(paths.map((path, i) => [path, { file: GUIDE_FILE, line: firstLine + i, col: 5 }]));
}

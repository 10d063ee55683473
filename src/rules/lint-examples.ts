import type { GuideExample, Problem, Sample, StyleGuide } from '../types.js';
import type { CompiledRules } from './compile-rules.js';
import { guideProblem } from './locate.js';
import { runRules } from './run-rules.js';

/** What `guide lint` reports about a guide's examples: errors fail the lint, warnings do not. */
export interface ExampleLintResult {
  /** False positives (a rule flags a good reply), misses (a `catches` rule does not fire on the bad reply), unknown `catches` ids. */
  errors: Problem[];
  /** Deterministic rules that no example's bad reply exercises. */
  warnings: Problem[];
}

function exampleSample(guide: StyleGuide, example: GuideExample, index: number, which: 'bad' | 'good'): Sample {
  return {
    id: `${example.id}:${which}`,
    response: example[which],
    customer: example.customer,
    ...(example.transcript !== undefined && { transcript: [...example.transcript, { role: 'customer' as const, text: example.customer }] }),
    metadata: {},
    source: guide.positions[`examples[${index}].${which}`] ?? { file: guide.source.file, line: 1 },
  };
}

/**
 * Runs every compiled rule over every example of the guide (each reply with the example's
 * customer message as its customer context) and checks the examples agree with the rules.
 * Judge rules find nothing deterministically, so they are never counted as misses or unexercised.
 */
export function lintExamples(guide: StyleGuide, compiled: CompiledRules): ExampleLintResult {
  const errors: Problem[] = [];
  const byId = new Map(compiled.rules.map((r) => [r.ruleId, r]));
  const exercised = new Set<string>();

  guide.examples.forEach((example, i) => {
    const badIds = new Set(runRules(compiled, exampleSample(guide, example, i, 'bad')).map((f) => f.ruleId));
    for (const id of badIds) exercised.add(id);

    for (const finding of runRules(compiled, exampleSample(guide, example, i, 'good'))) {
      errors.push(
        guideProblem(
          guide,
          `examples[${i}].good`,
          `rule ${finding.ruleId} flags the good reply of example ${example.id} (false positive): ${finding.message}`,
          'loosen the rule or fix the good reply',
        ),
      );
    }

    example.catches.forEach((id, j) => {
      const path = `examples[${i}].catches[${j}]`;
      const rule = byId.get(id);
      if (!rule) {
        errors.push(guideProblem(guide, path, `example ${example.id} names rule ${id} in catches, but no rule or escalation trigger has that id`));
      } else if (rule.kind !== 'judge' && !badIds.has(id)) {
        errors.push(guideProblem(guide, path, `example ${example.id} says its bad reply triggers ${id}, but ${id} did not match`));
      }
    });
  });

  const warnings = compiled.rules
    .filter((rule) => rule.kind !== 'judge' && !exercised.has(rule.ruleId))
    .map((rule) => guideProblem(guide, rule.path, `rule ${rule.ruleId} matches no example's bad reply`, 'add an example that shows what it catches'));
  return { errors, warnings };
}

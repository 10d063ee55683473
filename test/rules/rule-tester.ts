import { describe, expect, it } from 'vitest';
import { RULE_MODULES, type RuleKind } from '../../src/rules/registry.js';
import type { RuleModule, RuleProblem } from '../../src/rules/rule-module.js';
import { compileSignals } from '../../src/text/signals.js';
import { buildRuleContext } from '../../src/rules/run-rules.js';
import type { SignalDefinition, Span, Turn } from '../../src/types.js';
import { makeSample } from '../helpers/guide-factory.js';

/** A reply (and optionally its customer context) to check. A bare string is the reply. */
export interface TesterSample {
  text: string;
  customer?: string;
  transcript?: Turn[];
  escalated?: boolean;
}

/** One problem the rule must report; unset fields are not checked. */
export interface ExpectedProblem {
  messageId: string;
  /** The text the span covers. */
  match?: string;
  span?: Span;
  data?: Record<string, string | number>;
  /** The suggestion's replacement text. */
  replacement?: string;
  /** True when the problem must have no span. */
  noSpan?: boolean;
}

/** A reply the rule must flag: either exactly `errors`, or one problem described inline. */
export type InvalidCase = TesterSample & (Partial<ExpectedProblem> & { errors?: ExpectedProblem[] });

function runModule(kind: RuleKind, options: Record<string, unknown>, sample: TesterSample, signals: SignalDefinition[]): RuleProblem[] {
  const module = RULE_MODULES[kind] as RuleModule<unknown>;
  const parsed = module.meta.options.parse(options);
  const check = module.create(parsed);
  const s = makeSample(sample.text, {
    customer: sample.customer ?? '',
    ...(sample.transcript ? { transcript: sample.transcript } : {}),
    ...(sample.escalated === undefined ? {} : { escalated: sample.escalated }),
  });
  return check(buildRuleContext(compileSignals(signals), s));
}

function label(sample: TesterSample): string {
  const text = sample.text.length > 60 ? `${sample.text.slice(0, 57)}...` : sample.text;
  return sample.customer ? `${JSON.stringify(text)} (customer: ${JSON.stringify(sample.customer.slice(0, 40))})` : JSON.stringify(text);
}

/**
 * Table-driven tests for one rule kind with one set of options (ESLint's RuleTester shape):
 * every `valid` reply yields no problem; every `invalid` reply yields exactly the expected problems, in order.
 */
export function testRule(
  kind: RuleKind,
  options: Record<string, unknown>,
  cases: { valid: (string | TesterSample)[]; invalid: InvalidCase[] },
  signals: SignalDefinition[] = [],
): void {
  describe(`${kind} ${JSON.stringify(options)}`, () => {
    for (const raw of cases.valid) {
      const sample = typeof raw === 'string' ? { text: raw } : raw;
      it(`valid: ${label(sample)}`, () => {
        expect(runModule(kind, options, sample, signals)).toEqual([]);
      });
    }
    for (const invalid of cases.invalid) {
      it(`invalid: ${label(invalid)}`, () => {
        const expected: ExpectedProblem[] = invalid.errors ?? [invalid as ExpectedProblem];
        const problems = runModule(kind, options, invalid, signals);
        expect(problems.map((p) => p.messageId)).toEqual(expected.map((e) => e.messageId));
        expected.forEach((e, i) => {
          const p = problems[i] as RuleProblem;
          if (e.match !== undefined) expect(p.span && invalid.text.slice(p.span.start, p.span.end)).toBe(e.match);
          if (e.span !== undefined) expect(p.span).toEqual(e.span);
          if (e.noSpan) expect(p.span).toBeUndefined();
          if (e.data !== undefined) expect(p.data).toMatchObject(e.data);
          if (e.replacement !== undefined) expect(p.suggestion).toEqual({ span: p.span, replacement: e.replacement });
        });
      });
    }
  });
}

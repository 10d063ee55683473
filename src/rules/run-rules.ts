import type { Finding, Sample } from '../types.js';
import { capText } from '../text/cap-text.js';
import { customerText } from '../text/customer-text.js';
import { settledTurns } from '../detect/conversation/settled-turns.js';
import type { SignalDetector } from '../text/signals.js';
import type { CompiledRule, CompiledRules } from './compile-rules.js';
import type { RuleContext, RuleProblem } from './rule-module.js';

/** A rule threw while checking a sample: a bug in tone-audit, not in the user's data. */
export class RuleCrashError extends Error {
  constructor(
    readonly ruleId: string,
    readonly sampleId: string,
    cause: unknown,
  ) {
    super(`rule "${ruleId}" crashed on sample "${sampleId}": ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RuleCrashError';
  }
}

const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;

/** Fills `{{name}}` from `data`; unknown placeholders stay as written so a typo in the guide shows. */
export function fillPlaceholders(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/**
 * Runs every compiled rule on one sample and returns its findings, sorted by span start (findings
 * without a span last), then rule id. Customer signals are computed once per sample; a rule whose
 * `when.customer` signals are not all present is skipped. Only the first
 * `MAX_CHECKED_CHARS` (20,000) UTF-16 code units of the reply are checked (see `text/cap-text.ts`).
 *
 * @throws {RuleCrashError} when a rule throws (an internal bug).
 */
export function runRules(compiled: CompiledRules, sample: Sample): Finding[] {
  const response = capText(sample.response);
  const checked: Sample = response === sample.response ? sample : { ...sample, response };
  const ctx = buildRuleContext(compiled.detectSignals, checked);
  const findings: Finding[] = [];
  for (const rule of compiled.rules) {
    if (!rule.when.every((id) => ctx.customerSignals.has(id))) continue;
    let problems: RuleProblem[];
    try {
      problems = rule.check(ctx);
    } catch (error) {
      throw new RuleCrashError(rule.ruleId, sample.id, error);
    }
    for (const problem of problems) findings.push(toFinding(rule, problem, response));
  }
  return findings.sort(compareFindings);
}

/** Signals and trigger text for one sample, each built once; a conversation's settled turns narrow them. */
export function buildRuleContext(detectSignals: SignalDetector, sample: Sample): RuleContext {
  const text = customerText(sample);
  const signals = detectSignals(sample, text);
  const settled = settledTurns(sample);
  const since = (after: number): [string, ReadonlySet<string>] => {
    if (after < 0) return [text, signals];
    const open = customerText(sample, after);
    return [open, detectSignals(sample, open)];
  };
  const [, customerSignals] = since(settled.acknowledged);
  const [unsettledText, unsettledSignals] = settled.handedOff === settled.acknowledged ? since(settled.acknowledged) : since(settled.handedOff);
  return { sample, customerText: text, customerSignals, unsettledText, unsettledSignals };
}

function toFinding(rule: CompiledRule, problem: RuleProblem, response: string): Finding {
  const match = problem.span ? response.slice(problem.span.start, problem.span.end) : undefined;
  const data = match === undefined ? (problem.data ?? {}) : { match, ...problem.data };
  const template = rule.message ?? rule.messages[problem.messageId] ?? problem.messageId;
  return {
    ruleId: rule.ruleId,
    kind: rule.kind,
    severity: rule.severity,
    message: fillPlaceholders(template, data),
    ...(match === undefined ? {} : { match }),
    ...(problem.span ? { span: problem.span } : {}),
    ...(problem.suggestion ? { suggestion: problem.suggestion } : {}),
    origin: 'rule',
  };
}

/** Span start (no span last), then rule id, then span end and message so the order is total. */
export function compareFindings(a: Finding, b: Finding): number {
  const as = a.span?.start ?? Infinity;
  const bs = b.span?.start ?? Infinity;
  if (as !== bs) return as < bs ? -1 : 1;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  const ae = a.span?.end ?? 0;
  const be = b.span?.end ?? 0;
  if (ae !== be) return ae - be;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

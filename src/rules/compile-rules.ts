import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { Problem, RuleConfig, Severity, StyleGuide } from '../types.js';
import { compileSignals, SignalError, type SignalDetector } from '../text/signals.js';
import { escalationRuleConfig } from './escalation.js';
import { formatOptionPath, guideProblem, joinPath } from './locate.js';
import { GUIDE_RULE_KINDS, isRuleKind, RULE_MODULES } from './registry.js';
import { RuleCompileError, type CompiledCheck, type RuleModule } from './rule-module.js';

/** One rule, compiled and ready to run on any number of samples. */
export interface CompiledRule {
  readonly ruleId: string;
  readonly kind: string;
  readonly severity: Severity;
  readonly description?: string;
  /** Guide-given message template; the kind's `messages[messageId]` is used when absent. */
  readonly message?: string;
  /** The kind's default messages. */
  readonly messages: Readonly<Record<string, string>>;
  /** Customer signals that must all be present for the rule to run (empty: always runs). */
  readonly when: readonly string[];
  /** Where the rule is declared in the guide: `rules[3]` or `escalation[1]`. */
  readonly path: string;
  readonly check: CompiledCheck;
}

/**
 * A guide's rules compiled once: every `rules:` entry in guide order (judge rules included, so
 * summaries can list them), then one `escalation` rule per `escalation:` entry.
 */
export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  /** Built-in signals merged with the guide's `signals:`. */
  readonly detectSignals: SignalDetector;
}

/**
 * Validates and compiles every rule of `guide`. Collects every problem — unknown kinds, option
 * shape errors (unknown keys, wrong types), unusable options (invalid or unsafe regexes), unknown
 * signal ids — located at the YAML node via `guide.positions`, and throws them together.
 *
 * @throws {ConfigError} with one {@link Problem} per fault.
 */
export function compileRules(guide: StyleGuide): CompiledRules {
  const problems: Problem[] = [];
  const detectSignals = compileGuideSignals(guide, problems);
  const rules: CompiledRule[] = [];
  const escalationIds = new Set(guide.escalation.map((t) => t.id));

  guide.rules.forEach((config, position) => {
    const path = `rules[${config.index >= 0 ? config.index : position}]`;
    // A loader may pass escalation entries through as rules too; they are compiled from `escalation:` below.
    if (config.kind === 'escalation' && config.index < 0 && escalationIds.has(config.id)) return;
    if (!isRuleKind(config.kind) || config.kind === 'escalation') {
      problems.push(
        guideProblem(
          guide,
          `${path}.kind`,
          config.kind === 'escalation'
            ? 'escalation rules are declared in the `escalation:` section, not under `rules:`'
            : `unknown rule kind "${config.kind}"`,
          `use one of: ${GUIDE_RULE_KINDS.join(', ')}`,
        ),
      );
      return;
    }
    const rule = compileRule(guide, config, path, detectSignals.ids, problems);
    if (rule) rules.push(rule);
  });

  guide.escalation.forEach((trigger, i) => {
    const rule = compileRule(guide, escalationRuleConfig(trigger), `escalation[${i}]`, detectSignals.ids, problems);
    if (rule) rules.push(rule);
  });

  if (problems.length > 0) {
    const n = problems.length;
    throw new ConfigError(`${guide.source.file}: ${n} problem${n === 1 ? '' : 's'} in the style guide's rules`, { problems });
  }
  return { rules, detectSignals };
}

function compileRule(
  guide: StyleGuide,
  config: RuleConfig,
  path: string,
  knownSignals: ReadonlySet<string>,
  problems: Problem[],
): CompiledRule | undefined {
  const module: RuleModule<unknown> = RULE_MODULES[config.kind as keyof typeof RULE_MODULES];
  const before = problems.length;

  const when = config.when?.customer ?? [];
  const signalsKey = config.kind === 'escalation' ? 'customer_signals' : 'when.customer';
  const signalIds = config.kind === 'escalation' ? ((config.options['customer_signals'] as unknown[] | undefined) ?? []) : when;
  signalIds.forEach((id, i) => {
    if (typeof id === 'string' && !knownSignals.has(id)) {
      problems.push(
        guideProblem(guide, `${path}.${signalsKey}[${i}]`, `unknown customer signal "${id}"`, `known signals: ${[...knownSignals].sort().join(', ')}`),
      );
    }
  });

  const parsed = module.meta.options.safeParse(config.options);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...issueProblems(guide, path, config.kind, module, issue));
    return undefined;
  }
  let check: CompiledCheck;
  try {
    check = module.create(parsed.data);
  } catch (error) {
    if (!(error instanceof RuleCompileError)) throw error;
    problems.push(guideProblem(guide, joinPath(path, error.path), error.message));
    return undefined;
  }
  if (problems.length > before) return undefined;
  return {
    ruleId: config.id,
    kind: config.kind,
    severity: config.severity,
    ...(config.description === undefined ? {} : { description: config.description }),
    ...(config.message === undefined ? {} : { message: config.message }),
    messages: module.meta.messages,
    when,
    path,
    check,
  };
}

function issueProblems(guide: StyleGuide, path: string, kind: string, module: RuleModule<unknown>, issue: z.core.$ZodIssue): Problem[] {
  const at = (relative: string): string => joinPath(path, relative);
  const base = formatOptionPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const schema = module.meta.options as { shape?: Record<string, unknown> };
    const allowed = Object.keys(schema.shape ?? {});
    const hint = allowed.length === 0 ? `a ${kind} rule takes no options besides the common keys` : `${kind} options are: ${allowed.join(', ')}`;
    return issue.keys.map((key) =>
      guideProblem(guide, at(formatOptionPath([...issue.path, key])), `unknown key "${key}" for a ${kind} rule`, hint),
    );
  }
  return [guideProblem(guide, at(base), issue.message.replace(/^Invalid input: /, ''))];
}

/** Compiles the guide's signals, reporting each bad phrase and dropping its definition so rule checks can go on. */
function compileGuideSignals(guide: StyleGuide, problems: Problem[]): SignalDetector {
  let definitions = guide.signals;
  for (;;) {
    try {
      return compileSignals(definitions);
    } catch (error) {
      // Built-in signals always compile; only a guide definition can be at fault, and it is dropped below.
      if (!(error instanceof SignalError) || !definitions.some((d) => d.id === error.signalId)) throw error;
      problems.push(guideProblem(guide, `signals.${error.signalId}.any[${error.index}]`, error.message));
      definitions = definitions.filter((d) => d.id !== error.signalId);
    }
  }
}

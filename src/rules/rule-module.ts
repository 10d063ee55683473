import type { ZodType } from 'zod';
import type { Finding, Sample, Severity, Span, Suggestion } from '../types.js';

/** What a rule reports; the engine turns it into a {@link Finding} (severity, message, sorting). */
export interface RuleProblem {
  /** Key into the module's `meta.messages`, used when the guide gives no `message`. */
  messageId: string;
  /** Values for `{{placeholders}}` in the message. `match` is filled from the span automatically. */
  data?: Record<string, string | number>;
  span?: Span;
  suggestion?: Suggestion;
}

/** The context a compiled rule sees: the sample plus customer signals computed once per sample. */
export interface RuleContext {
  sample: Sample;
  /**
   * Ids of the customer signals (`frustrated`, `urgent`, `question`, …) present in the customer
   * context since the last company turn that acknowledged the customer or handed off.
   */
  customerSignals: ReadonlySet<string>;
  /** Everything the customer said (see `text/customer-text.ts`), built once per sample for all rules. */
  customerText: string;
  /**
   * What the customer said since the last company turn that handed off, and its signals: a trigger
   * raised before a handoff is the person's now (see `detect/conversation/settled-turns.ts`).
   */
  unsettledText: string;
  unsettledSignals: ReadonlySet<string>;
}

export type CompiledCheck = (ctx: RuleContext) => RuleProblem[];

/**
 * One rule kind. File name, YAML `kind:` and export share one name:
 * `rules/banned.ts` ↔ `kind: banned` ↔ `banned`.
 */
export interface RuleModule<Options> {
  meta: {
    kind: string;
    description: string;
    /** Validates the kind-specific keys of a rule config; issue paths are relative to the rule. */
    options: ZodType<Options>;
    messages: Record<string, string>;
  };
  /** Compile once (regexes, word lists), run many. May throw {@link RuleCompileError}. */
  create(options: Options): CompiledCheck;
}

/** Thrown by `create` when options are valid in shape but unusable (e.g. an unsafe regex). */
export class RuleCompileError extends Error {
  constructor(
    /** Path relative to the rule, e.g. `patterns[0]`. */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export type { Finding, Severity };

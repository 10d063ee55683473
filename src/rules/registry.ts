import { banned } from './banned.js';
import { conversation } from './conversation.js';
import { escalation } from './escalation.js';
import { judge } from './judge.js';
import { length } from './length.js';
import { limit } from './limit.js';
import { prefer } from './prefer.js';
import { readability } from './readability.js';
import { require } from './require.js';
import type { RuleModule } from './rule-module.js';
import { RULE_KINDS } from '../load/styleguide/rule-kinds.js';

/**
 * Every rule kind, keyed by the YAML `kind:`. Adding a kind means adding one module and one entry.
 * `escalation` is compiled from the guide's `escalation:` section only.
 */
export const RULE_MODULES = {
  banned,
  prefer,
  limit,
  length,
  readability,
  require,
  judge,
  conversation,
  escalation,
} as const satisfies Record<(typeof RULE_KINDS)[number] | 'escalation', RuleModule<unknown>>;

/** A kind the rule engine can compile: every kind a guide may write, plus `escalation`. */
export type RuleKind = keyof typeof RULE_MODULES;

/** Kinds a guide may write under `rules:`: the loader's one list (`load/styleguide/rule-kinds.ts`). */
export const GUIDE_RULE_KINDS: readonly RuleKind[] = RULE_KINDS;

export function isRuleKind(kind: string): kind is RuleKind {
  return Object.hasOwn(RULE_MODULES, kind);
}

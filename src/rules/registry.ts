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
} as const satisfies Record<string, RuleModule<unknown>>;

export type RuleKind = keyof typeof RULE_MODULES;

/** Kinds a guide may write under `rules:`. */
export const GUIDE_RULE_KINDS: readonly RuleKind[] = ['banned', 'prefer', 'limit', 'length', 'readability', 'require', 'judge', 'conversation'];

export function isRuleKind(kind: string): kind is RuleKind {
  return Object.hasOwn(RULE_MODULES, kind);
}

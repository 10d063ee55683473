import { z } from 'zod';
import { REQUIRE_DETECTORS } from '../../detect/reply-shows.js';
import { CONVERSATION_CHECKS } from '../../detect/conversation/checks.js';

/** Every `kind:` a guide rule may name. Escalation triggers live in their own section, not here. */
export const RULE_KINDS = ['banned', 'prefer', 'limit', 'length', 'readability', 'require', 'judge', 'conversation'] as const;

export type RuleKind = (typeof RULE_KINDS)[number];

/** What a `limit` rule can count (docs/styleguide-format.md). */
export const LIMIT_COUNTS = ['exclamation', 'question', 'emoji', 'all-caps', 'apology', 'pattern'] as const;

/** Keys every rule accepts whatever its kind; everything else on a rule is a kind-specific option. */
export const RULE_COMMON_KEYS = ['id', 'kind', 'severity', 'message', 'description', 'when'] as const;

/** One line per kind, for `kind` autocomplete and the "valid kinds" hint. */
export const RULE_KIND_DESCRIPTIONS: Record<RuleKind, string> = {
  banned: 'Phrases or regex patterns the reply must never contain.',
  prefer: 'Stiff or off-brand words, each with the word to use instead.',
  limit: 'Caps how often something appears (exclamation marks, emoji, all-caps words, apologies, a pattern).',
  length: 'Bounds on words and sentences per reply.',
  readability: 'Highest Flesch–Kincaid grade a reply may read at.',
  require: 'The reply must show something: one of these phrases, or what a built-in detector reads (`detect`); normally combined with `when`.',
  judge: 'A tone rule only a reader can judge: the rule engine skips it, graders judge it from `description`.',
  conversation: 'A pattern across the turns of a conversation: loop, forgot-context, frustration-ignored or late-escalation.',
};

const phrases = (what: string) => z.array(z.string()).describe(what);
const count = (what: string) => z.number().int().min(0).describe(what);

/**
 * The kind-specific keys each kind accepts, typed for editor autocomplete (the JSON Schema).
 * The loader only checks key *names* against this table; the rule engine validates the values
 * with each kind's own schema. A test keeps the names in step with `src/rules/<kind>.ts`.
 */
export const RULE_KIND_OPTIONS: Record<RuleKind, Record<string, z.ZodType>> = {
  banned: {
    terms: phrases('Literal phrases, matched case-insensitively on word boundaries.').optional(),
    patterns: phrases('Regular expressions: plain source, or `/source/flags`.').optional(),
    case_sensitive: z.boolean().describe('Match terms and patterns case-sensitively (default false).').optional(),
    unless_negated: z.boolean().describe('Skip a match within four words after a negation in its clause: "it isn\'t your fault" (default false).').optional(),
  },
  prefer: {
    swap: z
      .record(z.string(), z.string())
      .describe('Map of word or phrase to avoid → word to use instead, e.g. `utilize: use`.'),
  },
  limit: {
    count: z.enum(LIMIT_COUNTS).describe('What to count.'),
    max: count('Most occurrences allowed in one reply.'),
    pattern: z.string().describe('With `count: pattern`: a regex (bare or `/source/flags`) whose matches are counted.').optional(),
    terms: phrases('With `count: pattern`: phrases whose occurrences are counted (whole words).').optional(),
    allow: phrases('With `count: all-caps`: acronyms that are not shouting, added to the built-in list (API, DNS, SSL…).').optional(),
    case_sensitive: z.boolean().describe('With `count: pattern`: match case-sensitively (default false).').optional(),
  },
  length: {
    max_words: count('Most words a reply may have.').optional(),
    min_words: count('Fewest words a reply may have.').optional(),
    max_sentences: count('Most sentences a reply may have.').optional(),
  },
  readability: {
    max_grade: z.number().describe('Highest Flesch–Kincaid grade level allowed.'),
    min_words: count('Replies shorter than this are skipped; their grade is noise (default 30).').optional(),
  },
  require: {
    any: phrases('Phrases or `/regex/`; at least one must occur in the reply (unless `detect` reads it).').optional(),
    detect: z
      .enum(REQUIRE_DETECTORS)
      .describe('A built-in detector that also satisfies the rule, reading meaning rather than phrases: acknowledgement (of how the customer feels), handoff (to a person), answer (or a next step).')
      .optional(),
  },
  judge: {},
  conversation: {
    check: z
      .enum(CONVERSATION_CHECKS)
      .describe('loop: repeats an earlier bot turn; forgot-context: asks again for a detail already given; frustration-ignored: the customer stays upset and no bot turn acknowledges it; late-escalation: the handoff came only after repeated asks, or never.'),
  },
};

/** The option keys of every kind, for "did you mean" hints and "that key belongs to kind X". */
export function kindsWithOption(key: string): RuleKind[] {
  return RULE_KINDS.filter((kind) => key in RULE_KIND_OPTIONS[kind]);
}

import { CUSTOMER_TOPICS } from '../../detect/detect-customer-topics.js';
import { z } from 'zod';
import { describeValue, quoteValue } from './describe-value.js';
import { RULE_COMMON_KEYS, RULE_KIND_DESCRIPTIONS, RULE_KIND_OPTIONS, RULE_KINDS } from './rule-kinds.js';
import type { RuleKind } from './rule-kinds.js';

/**
 * The style guide as written in YAML (snake_case keys), validated by zod. This is the single
 * source of truth for both the loader and the editor JSON Schema (`styleGuideJsonSchema`).
 * Cross-references (duplicate ids, `catches`, scale anchors, rule option names) are checked
 * separately in `check-style-guide.ts`, because zod skips refinements once a shape error exists
 * and we want every problem reported in one go.
 */

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function expecting(what: string) {
  return {
    error: (issue: { code?: string; input?: unknown }) =>
      issue.code === 'invalid_type' || issue.code === 'invalid_union'
        ? `expected ${what}, got ${describeValue(issue.input)}`
        : undefined,
  };
}

const text = () => z.string(expecting('a string'));
const nonEmptyText = () => text().min(1, 'must not be empty');
const phraseList = () => z.array(nonEmptyText(), expecting('a list of strings'));
const id = () =>
  text().regex(KEBAB_CASE, 'ids are kebab-case: lowercase letters and digits joined by hyphens, e.g. `no-blame`');

export const severitySchema = z
  .enum(['error', 'warning', 'info'], {
    error: (issue) => `expected one of error, warning, info, got ${quoteValue(issue.input)}`,
  })
  .describe('How serious a finding is: error, warning or info.');

const version = () =>
  z
    .union([z.string(), z.number()], expecting('a version such as "2026.4"'))
    .describe('Version as written, e.g. "2026.4" (numbers are kept exactly as typed).');

const changelogEntrySchema = z.strictObject(
  {
    version: version(),
    date: text().regex(ISO_DATE, 'expected a date written YYYY-MM-DD').describe('Release date, YYYY-MM-DD.').optional(),
    note: nonEmptyText().describe('What changed and why.'),
  },
  expecting('a mapping with version, date and note'),
);

const traitSchema = z.strictObject(
  {
    id: id(),
    description: text().optional(),
    do: phraseList().default([]).describe('Things a reply in this voice does.'),
    dont: phraseList().default([]).describe('Things a reply in this voice never does.'),
  },
  expecting('a mapping with id, description, do and dont'),
);

const scoreAnchors = z
  .partialRecord(z.enum(['1', '2', '3', '4', '5']), nonEmptyText(), expecting('a mapping from score (1 to 5) to what that score looks like'))
  .describe('What a reply scoring 1..5 looks like. Must anchor at least 1 and 5.');

const dimensionSchema = z.strictObject(
  {
    id: id().describe('Kebab-case id, e.g. `tone-match`.'),
    name: text().describe('Display name.').optional(),
    description: nonEmptyText().describe('What this dimension measures.'),
    scale: scoreAnchors,
    min: z
      .number(expecting('a whole number from 1 to 5'))
      .int('expected a whole number from 1 to 5')
      .min(1, 'expected a whole number from 1 to 5')
      .max(5, 'expected a whole number from 1 to 5')
      .describe('Lowest acceptable score; a reply below it on any dimension is drifting.'),
    weight: z
      .number(expecting('a number'))
      .positive('expected a number greater than 0')
      .default(1)
      .describe('Relative weight in the overall score (default 1).'),
  },
  expecting('a mapping with id, description, scale and min'),
);

const signalSchema = z.strictObject(
  {
    description: text().optional(),
    any: phraseList().min(1, 'list at least one phrase').describe('Phrases or `/regex/` in the customer message that reveal this signal.'),
  },
  expecting('a mapping with description and any'),
);

const whenSchema = z.strictObject(
  {
    customer: z
      .union([id(), z.array(id(), expecting('a list of signal ids'))], expecting('a signal id or a list of signal ids'))
      .describe('Signal id(s), e.g. `frustrated`; the rule runs only when all are present in the customer context.')
      .optional(),
  },
  expecting('a mapping such as { customer: frustrated }'),
);

const kindSchema = z.enum(RULE_KINDS, {
  error: (issue) =>
    `${issue.input === undefined ? 'missing required key `kind`' : `unknown kind ${quoteValue(issue.input)}`}; valid kinds are ${RULE_KINDS.join(', ')}`,
});

/** Keys every rule has, whatever its kind. */
const ruleCommonShape = {
  id: id().describe('Kebab-case id, unique across rules and escalation triggers.'),
  kind: kindSchema,
  severity: severitySchema.default('warning'),
  message: text().describe('Shown with each finding; may use {{placeholders}} such as {{match}}.').optional(),
  description: text().describe('Why the rule exists; shown in reports. For `judge` rules, what the grader checks.').optional(),
  when: whenSchema.describe('Only check replies whose customer context shows these signals.').optional(),
} satisfies Record<(typeof RULE_COMMON_KEYS)[number], z.ZodType>;

/** A rule for loading: common keys checked, kind-specific keys passed through untouched to `options`. */
export const ruleSchema = z.looseObject(ruleCommonShape, expecting('a mapping with id, kind and the kind’s own keys'));

/** A rule for editors: one strict variant per kind, so autocomplete offers that kind's own keys. */
export const ruleSchemaForEditors = z.discriminatedUnion(
  'kind',
  RULE_KINDS.map((kind: RuleKind) =>
    z.strictObject({
      ...ruleCommonShape,
      kind: z.literal(kind).describe(RULE_KIND_DESCRIPTIONS[kind]),
      ...RULE_KIND_OPTIONS[kind],
    }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

const escalationSchema = z.strictObject(
  {
    id: id().describe('Kebab-case id, unique across rules and escalation triggers.'),
    description: text().optional(),
    customer_mentions: phraseList()
      .default([])
      .describe('Words, phrases or `/regex/` in the customer message that require a handoff to a human.'),
    customer_signals: z
      .array(id(), expecting('a list of signal ids'))
      .default([])
      .describe('Customer signals (e.g. frustrated, urgent) that also require a handoff.'),
    signals_match: z
      .enum(['any', 'all'], expecting('any or all'))
      .default('any')
      .describe('any (default): one of customer_signals is enough; all: only all of them together trigger a handoff.'),
    customer_topics: z
      .array(z.enum(CUSTOMER_TOPICS, expecting(`one of ${CUSTOMER_TOPICS.join(', ')}`)), expecting('a list of topic ids'))
      .default([])
      .describe(`Topics read by meaning in the customer's words (${CUSTOMER_TOPICS.join(', ')}) that also require a handoff.`),
    handoff: phraseList()
      .default([])
      .describe('Extra phrases that count as a proper handoff, besides the built-in handoff detector (a transfer to a person or team in any phrasing); prefixes match ("escalat" matches "escalating").'),
    severity: severitySchema.default('error'),
    message: text().describe('May use {{trigger}}.').optional(),
  },
  expecting('a mapping with id, customer_mentions and handoff'),
);

const exampleSchema = z.strictObject(
  {
    id: id().describe('Optional; defaults to example-<n> (1-based).').optional(),
    transcript: z
      .array(
        z.strictObject(
          { role: z.enum(['customer', 'bot', 'agent'], expecting('customer, bot or agent')), text: nonEmptyText() },
          expecting('a turn: { role, text }'),
        ),
        expecting('a list of turns'),
      )
      .optional()
      .describe('Optional: the conversation before `customer`, oldest first, so `conversation` rules can be exercised.'),
    customer: text().default('').describe('What the customer wrote.'),
    bad: nonEmptyText().describe('An off-brand reply.'),
    good: nonEmptyText().describe('An on-brand reply to the same message; no rule may fire on it.'),
    why: nonEmptyText().describe('Why the bad reply is bad.'),
    catches: z
      .array(id(), expecting('a list of rule ids'))
      .default([])
      .describe('Rule or escalation ids the bad reply must trigger (`guide lint` checks this).'),
  },
  expecting('a mapping with customer, bad, good, why and catches'),
);

const wholeScore = 'expected a whole number from 1 to 5';

const scoredExampleSchema = z.strictObject(
  {
    id: id().describe('Optional; defaults to scored-example-<n> (1-based).').optional(),
    customer: text().default('').describe('What the customer wrote.'),
    reply: nonEmptyText().describe('The bot reply, as scored.'),
    verdict: z
      .enum(['ok', 'drift'], { error: (issue) => `expected ok or drift, got ${quoteValue(issue.input)}` })
      .describe('ok: acceptable (it may still be imperfect); drift: not acceptable.'),
    scores: z
      .record(id(), z.number(expecting(wholeScore)).int(wholeScore).min(1, wholeScore).max(5, wholeScore), expecting('a mapping from dimension id to a score 1 to 5'))
      .default({})
      .describe('Scores 1..5 for some or all dimensions (ids of `dimensions`).'),
    why: nonEmptyText().describe('Why it scores as it does: the line the grader should learn.'),
  },
  expecting('a mapping with customer, reply, verdict, scores and why'),
);

/** Builds the whole-guide schema around a rule schema (loose for loading, per-kind for editors). */
export function buildStyleGuideSchema<R extends z.ZodType>(rule: R) {
  return z.strictObject(
    {
      brand: nonEmptyText().describe('Brand or team name shown in reports.'),
      version: version(),
      changelog: z
        .array(changelogEntrySchema, expecting('a list of changes, newest first'))
        .default([])
        .describe('Changes to the guide, newest first.'),
      voice: z.strictObject(
        {
          summary: nonEmptyText().describe('The voice in a sentence or two.'),
          traits: z.array(traitSchema, expecting('a list of traits')).default([]),
        },
        expecting('a mapping with summary and traits'),
      ),
      dimensions: z
        .array(dimensionSchema, expecting('a list of dimensions'))
        .min(1, 'list at least one dimension')
        .describe('What graders score each reply on, 1 (worst) to 5 (best).'),
      signals: z
        .record(id(), signalSchema, expecting('a mapping from signal id to { description, any }'))
        .default({})
        .describe('Customer-side conditions (frustrated, urgent…) that `when` and escalation refer to; extend or override the built-in ones.'),
      rules: z
        .array(rule, expecting('a list of rules'))
        .default([])
        .describe('Deterministic checks; each names a kind and sets that kind’s own keys.'),
      escalation: z
        .array(escalationSchema, expecting('a list of escalation triggers'))
        .default([])
        .describe('Topics that must be handed to a human.'),
      examples: z
        .array(exampleSchema, expecting('a list of examples'))
        .default([])
        .describe('Bad/good reply pairs; they double as tests of the rules.'),
      scored_examples: z
        .array(scoredExampleSchema, expecting('a list of scored examples'))
        .default([])
        .describe('Replies scored by the guide\'s authors (acceptable, borderline and drifting), shown to the LLM grader to calibrate it.'),
    },
    expecting('a mapping with brand, version, voice, dimensions and rules'),
  );
}

/** The schema the loader validates with. */
export const styleGuideSchema = buildStyleGuideSchema(ruleSchema);

/** The guide after zod, before it is turned into the camelCase {@link StyleGuide}. */
export type RawStyleGuide = z.output<typeof styleGuideSchema>;

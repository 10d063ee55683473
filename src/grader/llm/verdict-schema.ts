import type { StyleGuide } from '../../types.js';
import { reviewableRuleIds } from './rule-reviews.js';

export const DRIFT = ['on-brand', 'minor-drift', 'major-drift'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Ids a violation may name: every rule, escalation trigger and voice trait of the guide, sorted. */
export function violationIds(guide: StyleGuide): string[] {
  const ids = new Set([...guide.rules.map((r) => r.id), ...guide.escalation.map((e) => e.id), ...guide.voice.traits.map((t) => t.id)]);
  return [...ids].sort();
}

const oneOf = (values: readonly string[]) => (values.length > 0 ? { type: 'string', enum: [...values] } : { type: 'string' });

/**
 * JSON schema of the scoring call's verdict, for `output_config.format` and the forced-tool fallback.
 * Every object has `additionalProperties: false` and lists all its properties as required; scores use
 * `enum` rather than numeric bounds, which structured outputs do not enforce.
 *
 * Property order is deliberate (the model writes the fields in this order): rule reviews first, then
 * per dimension the `evidence` quotes and the `reasoning` before the `score`, then violations, and the
 * overall `drift` last. There is no rewrite here: a second call writes it, only for drifting replies.
 */
export function buildVerdictSchema(guide: StyleGuide): Record<string, unknown> {
  const dimensionScore = {
    type: 'object',
    additionalProperties: false,
    required: ['evidence', 'reasoning', 'score'],
    properties: {
      evidence: { type: 'array', items: { type: 'string' } },
      reasoning: { type: 'string' },
      score: { type: 'integer', enum: [1, 2, 3, 4, 5] },
    },
  };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['ruleReviews', 'scores', 'violations', 'drift'],
    properties: {
      ruleReviews: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['ruleId', 'decision', 'reason'],
          properties: {
            ruleId: oneOf(reviewableRuleIds(guide)),
            decision: { type: 'string', enum: ['confirm', 'overrule'] },
            reason: { type: 'string' },
          },
        },
      },
      scores: {
        type: 'object',
        additionalProperties: false,
        required: guide.dimensions.map((d) => d.id),
        properties: Object.fromEntries(guide.dimensions.map((d) => [d.id, dimensionScore])),
      },
      violations: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'quote', 'why', 'severity'],
          properties: {
            id: oneOf(violationIds(guide)),
            quote: { type: 'string' },
            why: { type: 'string' },
            severity: { type: 'string', enum: [...SEVERITIES] },
          },
        },
      },
      drift: { type: 'string', enum: [...DRIFT] },
    },
  };
}

/** JSON schema of the rewrite call's answer: a short plan first, then the rewrite. */
export function buildRewriteSchema(): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['plan', 'rewrite'],
    properties: { plan: { type: 'string' }, rewrite: { type: 'string' } },
  };
}

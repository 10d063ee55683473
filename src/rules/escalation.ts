import { z } from 'zod';
import type { EscalationTrigger, RuleConfig } from '../types.js';
import { compilePhraseOption } from './compile-option.js';
import { CUSTOMER_TOPICS, detectCustomerTopic } from '../detect/detect-customer-topics.js';
import { detectHandoff } from '../detect/detect-handoff.js';
import type { RuleModule } from './rule-module.js';

const phrases = z.array(z.string().min(1));

const options = z
  .strictObject({
    /** Customer words/phrases (stems match: `refund` → `refunds`) or `/regex/flags` that call for a human. */
    customer_mentions: phrases.default([]),
    /** Customer signal ids that call for a human. */
    customer_signals: phrases.default([]),
    /** `any`: one listed signal triggers; `all`: only all of them together. */
    signals_match: z.enum(['any', 'all']).default('any'),
    /** Topics read by meaning in the customer's words (see `detect/detect-customer-topics.ts`). */
    customer_topics: z.array(z.enum(CUSTOMER_TOPICS)).default([]),
    /** Extra reply phrases that count as a proper handoff (stems match: `escalat` → `escalating`), besides the handoff detector. */
    handoff: phrases.default([]),
  })
  .refine((o) => o.customer_mentions.length + o.customer_signals.length + o.customer_topics.length > 0, {
    message: 'an escalation trigger needs `customer_mentions`, `customer_signals` or `customer_topics`',
  });

export type EscalationOptions = z.output<typeof options>;

/**
 * A topic that must go to a human: when the customer context mentions a trigger phrase, shows a
 * trigger signal or raises a trigger topic (read by meaning), the reply must hand off — in any
 * natural phrasing the handoff detector reads, or with one of the guide's handoff phrases — or the
 * sample must be marked `escalated: true`. Built from the guide's `escalation:` section.
 */
export const escalation: RuleModule<EscalationOptions> = {
  meta: {
    kind: 'escalation',
    description: 'Requires a handoff to a human when the customer raises certain topics or shows certain signals',
    options,
    messages: { missingHandoff: 'Customer raised “{{trigger}}” but the reply does not hand off to a human' },
  },
  create(opts) {
    const mentions = compilePhraseOption('customer_mentions', opts.customer_mentions, { mode: 'prefix' });
    const handoff = compilePhraseOption('handoff', opts.handoff, { mode: 'prefix' });
    // Triggers are read in what is still open: one handed off in an earlier turn is settled.
    return ({ sample, unsettledSignals: customerSignals, unsettledText: text }) => {
      if (sample.escalated === true) return [];
      let trigger: string | undefined;
      if (opts.customer_signals.length > 0) {
        if (opts.signals_match === 'all') {
          if (opts.customer_signals.every((id) => customerSignals.has(id))) trigger = opts.customer_signals.join(' and ');
        } else trigger = opts.customer_signals.find((id) => customerSignals.has(id));
      }
      if (opts.customer_mentions.length > 0) {
        const [first] = mentions(text, 1);
        if (first) trigger = text.slice(first.start, first.end);
      }
      for (const topic of opts.customer_topics) {
        if (trigger !== undefined) break;
        const seen = detectCustomerTopic(text, topic);
        if (seen) trigger = `${topic} (“${seen.evidence}”)`;
      }
      if (trigger === undefined) return [];
      if (handoff(sample.response, 1).length > 0 || detectHandoff(sample.response) !== undefined) return [];
      return [{ messageId: 'missingHandoff', data: { trigger } }];
    };
  },
};

/** The rule config the engine compiles for one `escalation:` entry (`index` is its place in that list). */
export function escalationRuleConfig(trigger: EscalationTrigger): RuleConfig {
  return {
    id: trigger.id,
    kind: 'escalation',
    severity: trigger.severity,
    ...(trigger.message === undefined ? {} : { message: trigger.message }),
    ...(trigger.description === undefined ? {} : { description: trigger.description }),
    options: {
      customer_mentions: trigger.customerMentions,
      customer_signals: trigger.customerSignals,
      signals_match: trigger.signalsMatch,
      customer_topics: trigger.customerTopics,
      handoff: trigger.handoff,
    },
    index: -1,
  };
}

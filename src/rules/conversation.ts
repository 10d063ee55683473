import { z } from 'zod';
import {
  conversationTurns,
  detectForgotContext,
  detectFrustrationIgnored,
  detectLateEscalation,
  detectLoop,
} from '../detect/conversation/index.js';
import { CONVERSATION_CHECKS } from '../detect/conversation/checks.js';
import type { RuleModule, RuleProblem } from './rule-module.js';


const options = z.strictObject({
  /** Which pattern across turns to look for. */
  check: z.enum(CONVERSATION_CHECKS),
});

export type ConversationOptions = z.output<typeof options>;

const turnNumber = (index: number) => index + 1;

/**
 * Patterns that only show across turns, judged on the reply in the context of the transcript
 * before it: the reply repeats an earlier bot turn (`loop`), asks again for a detail the customer
 * already gave or suggests a step they said they took (`forgot-context`), the customer stays or grows upset and no bot turn acknowledges
 * it (`frustration-ignored`), the handoff comes only after the customer asked more than once, or
 * never (`late-escalation`). A single reply is read as the conversation customer → reply.
 */
export const conversation: RuleModule<ConversationOptions> = {
  meta: {
    kind: 'conversation',
    description: 'Checks a pattern across the turns of a conversation (loop, forgot-context, frustration-ignored, late-escalation)',
    options,
    messages: {
      loop: 'Repeats bot turn {{turn}} in substance: {{covered}}% of its content said again, {{added}} new content words',
      'forgot-context': 'Asks again for {{detail}}, which the customer gave in turn {{turn}}',
      'repeated-step': 'Suggests “{{detail}}”, which the customer said in turn {{turn}} they had already done',
      'frustration-ignored': 'The customer is upset in turns {{turns}} and no bot turn acknowledges it',
      'late-escalation': 'The customer asked for a person (turns {{turns}}) and still no bot turn hands off',
    },
  },
  create({ check }) {
    return ({ sample }): RuleProblem[] => {
      // A single reply is a two-turn conversation: what the customer said, then the reply.
      const before = sample.transcript !== undefined && sample.transcript.length > 0 ? sample.transcript : sample.customer.trim() !== '' ? [{ role: 'customer' as const, text: sample.customer }] : undefined;
      if (before === undefined) return [];
      const turns = conversationTurns(before, sample.response);
      switch (check) {
        case 'loop': {
          const loop = detectLoop(turns);
          return loop ? [{ messageId: 'loop', data: { turn: turnNumber(loop.repeats), covered: Math.round(loop.covered * 100), added: loop.added } }] : [];
        }
        case 'forgot-context': {
          const forgot = detectForgotContext(turns);
          return forgot ? [{ messageId: forgot.kind === 'repeated-step' ? 'repeated-step' : 'forgot-context', data: { detail: forgot.detail, turn: turnNumber(forgot.givenIn) } }] : [];
        }
        case 'frustration-ignored': {
          const ignored = detectFrustrationIgnored(turns);
          return ignored ? [{ messageId: 'frustration-ignored', data: { turns: ignored.upsetTurns.map(turnNumber).join(', ') } }] : [];
        }
        case 'late-escalation': {
          if (sample.escalated === true) return [];
          const late = detectLateEscalation(turns);
          if (late === undefined) return [];
          return [{ messageId: 'late-escalation', data: { turns: late.asks.map(turnNumber).join(', ') } }];
        }
      }
    };
  },
};

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
 * already gave (`forgot-context`), the customer stays or grows upset and no bot turn acknowledges
 * it (`frustration-ignored`), the handoff comes only after the customer asked more than once, or
 * never (`late-escalation`). A sample without a transcript has nothing to check.
 */
export const conversation: RuleModule<ConversationOptions> = {
  meta: {
    kind: 'conversation',
    description: 'Checks a pattern across the turns of a conversation (loop, forgot-context, frustration-ignored, late-escalation)',
    options,
    messages: {
      loop: 'Repeats bot turn {{turn}} in substance ({{similarity}}% the same words)',
      'forgot-context': 'Asks again for {{detail}}, which the customer gave in turn {{turn}}',
      'frustration-ignored': 'The customer is upset in turns {{turns}} and no bot turn acknowledges it',
      'late-escalation': 'The customer asked for a person (turns {{turns}}) and still no bot turn hands off',
    },
  },
  create({ check }) {
    return ({ sample }): RuleProblem[] => {
      if (sample.transcript === undefined || sample.transcript.length === 0) return [];
      const turns = conversationTurns(sample.transcript, sample.response);
      switch (check) {
        case 'loop': {
          const loop = detectLoop(turns);
          return loop ? [{ messageId: 'loop', data: { turn: turnNumber(loop.repeats), similarity: Math.round(loop.similarity * 100) } }] : [];
        }
        case 'forgot-context': {
          const forgot = detectForgotContext(turns);
          return forgot ? [{ messageId: 'forgot-context', data: { detail: forgot.detail, turn: turnNumber(forgot.givenIn) } }] : [];
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

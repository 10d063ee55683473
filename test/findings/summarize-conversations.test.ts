import { describe, expect, it } from 'vitest';
import { createConversationAccumulator } from '../../src/findings/summarize-conversations.js';
import { makeFinding, makeSample } from '../helpers/audit-factory.js';

const turn = (conversation: string, turnIndex: number, overrides: Parameters<typeof makeSample>[0] = {}) =>
  makeSample({ id: `${conversation}#${turnIndex}`, metadata: { conversation_id: conversation, turn: turnIndex }, verdict: 'pass', findings: [], ...overrides });

describe('conversation metrics', () => {
  it('count conversations by their worst turn, the patterns seen, handoffs and the frustration trajectory', () => {
    const acc = createConversationAccumulator();
    acc.add(turn('a', 0, { customer: 'How do I add a user?', response: 'Open Settings, then Team.' }));
    acc.add(turn('a', 1, { customer: 'This is ridiculous, it still fails and I am furious.', response: 'Try again later.', verdict: 'drift', findings: [makeFinding({ ruleId: 'no-loops', kind: 'conversation' })] }));
    acc.add(turn('b', 0, { customer: 'I want to speak to a person.', response: "I'm connecting you with a colleague on our support team now." }));
    acc.add(makeSample({ id: 'single', metadata: {}, verdict: 'drift' }));
    expect(acc.finish()).toEqual({
      conversations: 2,
      drifting: 1,
      patterns: { 'no-loops': 1 },
      handedOff: 1,
      meanBotTurnsUntilHandoff: 1,
      frustration: { rising: 1, steady: 0, easing: 0, calm: 1 },
    });
  });

  it('is absent when no sample came from a conversation', () => {
    const acc = createConversationAccumulator();
    acc.add(makeSample({ metadata: {} }));
    expect(acc.finish()).toBeUndefined();
  });
});

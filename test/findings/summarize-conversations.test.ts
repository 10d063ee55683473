import { describe, expect, it } from 'vitest';
import { createConversationJudge } from '../../src/findings/judge-conversations.js';
import { createConversationAccumulator } from '../../src/findings/summarize-conversations.js';
import type { SampleResult } from '../../src/types.js';
import { makeFinding, makeSample } from '../helpers/audit-factory.js';

const turn = (conversation: string, turnIndex: number, overrides: Parameters<typeof makeSample>[0] = {}) =>
  makeSample({ id: `${conversation}#${turnIndex}`, metadata: { conversation_id: conversation, turn: turnIndex }, verdict: 'pass', findings: [], ...overrides });

/** Runs results through the conversation stage, as the engine does. */
function judgeAll(results: SampleResult[]): SampleResult[] {
  const judge = createConversationJudge();
  return [...results.flatMap((r) => judge.push(r)), ...judge.flush()];
}

describe('the conversation stage', () => {
  it('puts each conversation’s verdict on its last turn, keeping every result in order', () => {
    const out = judgeAll([
      turn('a', 0, { customer: 'How do I add a user?', response: 'Open Settings, then Team.' }),
      turn('a', 1, { customer: 'This is ridiculous, it still fails and I am furious.', response: 'Try again later.', verdict: 'drift', findings: [makeFinding({ ruleId: 'no-loops', kind: 'conversation' })] }),
      turn('a', 2, { customer: 'Fine.', response: 'Anything else?' }),
      makeSample({ id: 'single', metadata: {}, verdict: 'drift' }),
      turn('b', 0, { customer: 'I want to speak to a person.', response: "I'm connecting you with a colleague on our support team now." }),
    ]);
    expect(out.map((r) => r.id)).toEqual(['a#0', 'a#1', 'a#2', 'single', 'b#0']);
    expect(out.map((r) => r.conversation?.id)).toEqual([undefined, undefined, 'a', undefined, 'b']);
    expect(out[2]!.conversation).toEqual({ id: 'a', verdict: 'drift', botTurns: 3, driftingTurns: [1], patterns: ['no-loops'], frustration: 'easing' });
    expect(out[4]!.conversation).toEqual({ id: 'b', verdict: 'pass', botTurns: 1, driftingTurns: [], patterns: [], handoffTurn: 0, frustration: 'calm' });
  });

  it('holds at most one result: each leaves as soon as the next shows whether it was last', () => {
    const judge = createConversationJudge();
    expect(judge.push(turn('a', 0))).toEqual([]);
    expect(judge.push(turn('a', 1)).map((r) => r.id)).toEqual(['a#0']);
    const next = judge.push(turn('b', 0));
    expect(next.map((r) => [r.id, r.conversation?.botTurns])).toEqual([['a#1', 2]]);
    expect(judge.flush().map((r) => r.conversation?.id)).toEqual(['b']);
    expect(judge.flush()).toEqual([]);
  });

  it('calls a conversation ungraded when no turn drifts but one could not be judged', () => {
    const [, last] = judgeAll([turn('a', 0), turn('a', 1, { verdict: 'ungraded' })]);
    expect(last!.conversation?.verdict).toBe('ungraded');
  });
});

describe('conversation metrics', () => {
  it('count conversations by their verdict, the patterns seen, handoffs and the frustration trajectory', () => {
    const acc = createConversationAccumulator();
    const results = judgeAll([
      turn('a', 0, { customer: 'How do I add a user?', response: 'Open Settings, then Team.' }),
      turn('a', 1, { customer: 'This is ridiculous, it still fails and I am furious.', response: 'Try again later.', verdict: 'drift', findings: [makeFinding({ ruleId: 'no-loops', kind: 'conversation' })] }),
      turn('b', 0, { customer: 'I want to speak to a person.', response: "I'm connecting you with a colleague on our support team now." }),
      makeSample({ id: 'single', metadata: {}, verdict: 'drift' }),
    ]);
    for (const result of results) acc.add(result);
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

import { describe, expect, it } from 'vitest';
import {
  conversationTurns,
  detectForgotContext,
  detectFrustrationIgnored,
  detectLateEscalation,
  detectLoop,
} from '../../../src/detect/conversation/index.js';
import type { Turn } from '../../../src/types.js';

const c = (text: string): Turn => ({ role: 'customer', text });
const b = (text: string): Turn => ({ role: 'bot', text });
const turns = (before: Turn[], reply: string) => conversationTurns(before, reply);

// Conversations written for these tests, from several industries; none comes from an evaluation set.
describe('detectLoop', () => {
  const first = 'To reset the router, hold the reset button for ten seconds and wait for the lights to turn green.';
  it.each([
    ['Hold the reset button on the router for ten seconds, then wait until the lights turn green.', true],
    ['Please hold the router reset button ten seconds and wait for green lights.', true],
    ["Since the reset didn't help, I've booked an engineer visit for Thursday between 8 and 12.", false],
    ['Okay, thanks.', false],
  ])('%s → loop: %s', (reply, expected) => {
    expect(detectLoop(turns([c('My wifi keeps dropping.'), b(first), c('Did that, still dropping.')], reply)) !== undefined).toBe(expected);
  });
});

describe('detectForgotContext', () => {
  it.each([
    [[c('My parcel PX-88231 never came.'), b('Sorry to hear that, let me check.')], 'Could you give me your tracking number?', true],
    [[c('You can reach me at sam@example.com.'), b('Thanks, noted.')], 'What is your email address?', true],
    [[c('We moved on 3 March to a flat in Leeds.'), b('Got it.')], 'Please confirm the date you moved.', false],
    [[c('My parcel never came.'), b('Sorry to hear that.')], 'Could you give me your tracking number?', false],
    [[c('My order 77120 is late.'), b('Let me look.')], 'Order 77120 is with the courier and arrives tomorrow.', false],
  ])('%#: asks again → %s', (before, reply, expected) => {
    expect(detectForgotContext(turns(before, reply)) !== undefined).toBe(expected);
  });
});

describe('detectFrustrationIgnored', () => {
  const upset = [c('This is the third time the app has crashed, I am fed up.'), b('Try reinstalling the app.'), c('Reinstalled. Still crashing and I am furious now.')];
  it('fires when the customer stays upset and no bot turn says so', () => {
    expect(detectFrustrationIgnored(turns(upset, 'Try clearing the app storage in your phone settings.'))).toMatchObject({ trajectory: [2, 1] });
  });
  it('does not fire when a bot turn acknowledges it, or the reply hands off', () => {
    expect(detectFrustrationIgnored(turns(upset, "I'm sorry, three crashes is maddening. Let's try one more thing."))).toBeUndefined();
    expect(detectFrustrationIgnored(turns(upset, "I've passed this to our app engineers; one of them will call you today."))).toBeUndefined();
    expect(detectFrustrationIgnored(turns([c('How do I change my PIN?'), b('Go to Card > PIN.'), c('Thanks, and my address?')], 'Profile > Address.'))).toBeUndefined();
  });
});

describe('detectLateEscalation', () => {
  it('fires when the customer asked twice and the reply still keeps them', () => {
    const before = [c('I want to speak to a human please.'), b('I can help with that! What is the issue?'), c('Put me through to a real person.')];
    expect(detectLateEscalation(turns(before, 'Sure, what seems to be the problem?'))).toMatchObject({ asks: [0, 2] });
  });
  it('does not flag the turn that finally hands off, nor a first ask', () => {
    const before = [c('I want to speak to a human please.'), b('What is the issue?'), c('Put me through to a real person.')];
    expect(detectLateEscalation(turns(before, "I'm transferring you to a colleague now."))).toBeUndefined();
    expect(detectLateEscalation(turns([c('Can I talk to someone on your team?')], 'Of course, connecting you with an adviser now.'))).toBeUndefined();
  });
});

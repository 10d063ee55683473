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

  // A reworded repeat adds next to nothing the earlier turn did not say.
  const earlier = 'Refunds usually reach your card within 5 working days.';
  it.each([
    ['Most refunds are back on your card within 5 working days, though some banks are slower.', true],
    ['Refunds can take up to 5 working days to reach your card.', true],
    ['Your refund left us on Monday, so with 5 working days it reaches your card by Friday; if not, reply here and I will chase the bank.', false],
    ["I've checked: the refund of £42 was sent on 2 May under reference RF-2231, so it should be with your bank now.", false],
  ])('reworded: %s → loop: %s', (reply, expected) => {
    expect(detectLoop(turns([c('Where is my refund?'), b(earlier), c("It's been a week already.")], reply)) !== undefined).toBe(expected);
  });

  it('does not call a recap after the customer closes a loop', () => {
    expect(detectLoop(turns([c('Where is my refund?'), b(earlier), c('Great, thanks for your help!')], 'You are welcome: refunds reach your card within 5 working days.'))).toBeUndefined();
  });
});

describe('detectForgotContext: a step the customer already took', () => {
  it.each([
    [[c("The speaker won't pair. I've already turned bluetooth off and on.")], 'Please turn Bluetooth off and on again, then pair.', true],
    [[c('I tried clearing the cache and logging in again, still the same error.')], 'Could you clear your browser cache and try again?', true],
    [[c('We restarted the router twice this morning.')], 'Restart the router and wait two minutes.', true],
    [[c('I already updated to the latest version and it still crashes.')], 'Make sure you are on the latest version of the app.', true],
    [[c("I haven't tried restarting yet.")], 'Try restarting the phone.', false],
    [[c('I already emailed you my order number yesterday, can you check the delivery?')], 'Please check your email for the confirmation.', false],
    [[c('I reinstalled the app already.')], "Since reinstalling didn't help, I've passed this to our engineers.", false],
    [[c("Your beginner course assumes I already know the basics.")], 'Try the free basics module first.', false],
    // Restating what the customer did is not suggesting it: "after two calls to reception".
    [[c("I've called reception twice and nothing has changed.")], 'With a flight at 6am, a noisy corridor after two calls to reception is awful.', false],
  ])('%#: suggests it again → %s', (before, reply, expected) => {
    expect(detectForgotContext(turns(before, reply))?.kind === 'repeated-step').toBe(expected);
  });
});

describe('detectForgotContext', () => {
  it.each([
    [[c('My parcel PX-88231 never came.'), b('Sorry to hear that, let me check.')], 'Could you give me your tracking number?', true],
    [[c('You can reach me at sam@example.com.'), b('Thanks, noted.')], 'What is your email address?', true],
    [[c('We moved on 3 March to a flat in Leeds.'), b('Got it.')], 'Please confirm the date you moved.', false],
    [[c('My parcel never came.'), b('Sorry to hear that.')], 'Could you give me your tracking number?', false],
    [[c('My order 77120 is late.'), b('Let me look.')], 'Order 77120 is with the courier and arrives tomorrow.', false],
    [[c('Can I book an MOT for my Fiesta, reg MA21 KLP?'), b('Sure, Monday or Wednesday?')], 'Wednesday it is. What is the registration of the car?', true],
    [[c('Can I book an MOT for my Fiesta?'), b('Sure, Monday or Wednesday?')], 'Wednesday it is. What is the registration of the car?', false],
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

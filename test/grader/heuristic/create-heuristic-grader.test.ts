import { beforeAll, describe, expect, it } from 'vitest';
import type { Grader } from '../../../src/grader/grader.js';
import { BLENDED_REASON, createHeuristicGrader } from '../../../src/grader/heuristic/index.js';
import type { Grade } from '../../../src/types.js';
import { makeDimension, makeGuide, makeSample } from './make-guide.js';

const FURIOUS = 'This is RIDICULOUS!!! The deploy failed AGAIN and our production site is down. Why does this keep happening?';
const COLD = 'Deployments can fail for many reasons. Restart the pipeline.';
const WARM =
  "I'm so sorry the deploy failed again, especially with your production site down — I understand how stressful this is. " +
  "I've escalated it to our on-call engineer right now, and I'll update you within 30 minutes with the cause and a fix.";

let grader: Grader;
beforeAll(async () => {
  grader = await createHeuristicGrader(makeGuide({}, [{ id: 'plain', do: [], dont: ['Never say "per our policy"'] }]));
});

const grade = (response: string, customer = FURIOUS) => grader.grade(makeSample(response, customer), []);
const labels = (g: Grade, dimension: string) => (g.scores[dimension]?.cues ?? []).map((c) => c.label).join(' | ');

describe('createHeuristicGrader', () => {
  it('identifies itself and hashes its lexicon', () => {
    expect(grader.kind).toBe('heuristic');
    expect(grader.promptHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('scores a cold reply to a furious customer low on empathy and tone match, naming why', async () => {
    const g = await grade(COLD);
    expect(g.status).toBe('graded');
    expect(g.grader).toBe('heuristic');
    expect(g.scores['empathy']!.score).toBeLessThanOrEqual(2);
    expect(g.scores['tone-match']!.score).toBeLessThanOrEqual(2);
    expect(labels(g, 'empathy')).toMatch(/ignores how the customer feels \(angry/);
    expect(labels(g, 'tone-match')).toContain('cold reply: no acknowledgement of how the customer feels');
    expect(labels(g, 'tone-match')).toContain('urgency not acknowledged');
    expect(g.scores['empathy']!.reason).toMatch(/customer furious/);
    expect(g.drift).toBe('major-drift');
    expect(g.rewrite).toBeUndefined();
  });

  it('scores a warm, specific reply high and on-brand', async () => {
    const g = await grade(WARM);
    expect(g.scores['empathy']!.score).toBeGreaterThanOrEqual(4);
    expect(g.scores['tone-match']!.score).toBeGreaterThanOrEqual(4);
    expect(g.scores['active-listening']!.score).toBeGreaterThanOrEqual(3.5);
    expect(g.scores['clarity']!.score).toBeGreaterThanOrEqual(3.5);
    expect(labels(g, 'empathy')).toContain('specific apology');
    expect(labels(g, 'tone-match')).toContain('meets the urgency');
    expect(g.violations).toEqual([]);
    expect(g.drift).toBe('on-brand');
  });

  it('every score is within 1..5 with at most one decimal and a one-line reason', async () => {
    for (const response of [COLD, WARM, '', '!!!', 'ok']) {
      const g = await grade(response);
      for (const s of Object.values(g.scores)) {
        expect(s.score).toBeGreaterThanOrEqual(1);
        expect(s.score).toBeLessThanOrEqual(5);
        expect(Math.round(s.score * 10)).toBe(s.score * 10);
        expect(s.reason).not.toContain('\n');
        expect(s.reason.length).toBeGreaterThan(0);
      }
    }
  });

  it('reports sarcasm, blame and dismissal as violations quoting the response exactly', async () => {
    const response = 'Obviously you should have read the docs. As I already said, that is not our problem.';
    const g = await grade(response);
    const ids = g.violations.map((v) => v.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['heuristic/sarcasm', 'heuristic/blame', 'heuristic/dismissive']));
    for (const v of g.violations) {
      expect(v.origin).toBe('grader');
      expect(v.kind).toBe('grader');
      // Situation findings (no-empathy, over-apology, jargon) are about the whole reply and carry no span.
      if (v.span === undefined) {
        expect(v.match).toBeUndefined();
        continue;
      }
      expect(response.slice(v.span.start, v.span.end)).toBe(v.match);
      expect(v.message).toContain(v.match!);
    }
    expect(g.violations.find((v) => v.ruleId === 'heuristic/sarcasm')!.match).toBe('Obviously');
    expect(g.violations.find((v) => v.ruleId === 'heuristic/blame' && v.match === 'you should have read')).toBeDefined();
    expect(g.violations.find((v) => v.ruleId === 'heuristic/dismissive')!.match).toBe('not our problem');
    expect(g.scores['brand-voice']!.score).toBeLessThan(2);
  });

  it('tells the shrug from "whatever" as a determiner, and a promise from the consequence of an action', async () => {
    const ids = async (response: string, customer: string) => (await grade(response, customer)).violations.map((v) => v.ruleId);
    expect(await ids('Whatever. The fee stands.', 'Why was I charged twice?')).toContain('heuristic/dismissive');
    expect(await ids('Deal with it.', 'Why was I charged twice?')).toContain('heuristic/dismissive');
    expect(await ids("I'm so sorry, and this isn't your fault.", 'My account was hacked.')).not.toContain('heuristic/blame');
    expect(await ids('Honestly, that was your fault.', 'My account was hacked.')).toContain('heuristic/blame');
    expect(await ids("You don't have to deal with it alone: our safety team is joining now.", 'Someone is threatening me.')).not.toContain('heuristic/dismissive');
    expect(await ids('Set the guest code to Mondays only, with whatever hours suit you.', 'Can my cleaner get in on Mondays?')).not.toContain('heuristic/dismissive');
    expect(await ids("I've switched off the auto top-up, so this won't happen again.", 'I was topped up without asking.')).not.toContain('heuristic/over-promise');
    expect(await ids("Sorry about that, it won't happen again.", 'I was topped up without asking.')).toContain('heuristic/over-promise');
  });

  it('reads mock encouragement as sarcasm, and a pointer to the website as canned only when the question is missed', async () => {
    const ids = async (response: string, customer: string) => (await grade(response, customer)).violations.map((v) => v.ruleId);
    expect(await ids('Good luck finding a cheaper gym in this town.', 'Your prices went up again.')).toContain('heuristic/sarcasm');
    expect(await ids("Sorry the room wasn't posh enough for you.", 'The room was tired and dirty.')).toContain('heuristic/sarcasm');
    expect(await ids('Good luck with the interview tomorrow!', 'Thanks, my interview is tomorrow.')).not.toContain('heuristic/sarcasm');
    const pointer = 'Thanks for your message. Full product specifications can be found on our website.';
    expect(await ids(pointer, 'Do the winter tyres fit a 17 inch alloy wheel and what load rating do they have?')).toContain('heuristic/canned');
    expect(await ids('Yes, they fit 17 inch alloys, load rating 94. Full tyre specifications can be found on our website.', 'Do the winter tyres fit a 17 inch alloy wheel and what load rating do they have?')).not.toContain('heuristic/canned');
  });

  it('calls a hedge with a promise of news vague, and a closing question no clarification', async () => {
    const ids = async (response: string, customer: string) => (await grade(response, customer)).violations.map((v) => v.ruleId);
    expect(await ids("Repairs like this can vary, so it's hard to say. We'll keep you updated.", 'How long will the repair take?')).toContain('heuristic/vague');
    expect(await ids('We love new features and share news on our blog. Is there anything else I can help with?', 'When will dark mode launch on Android?')).toContain('heuristic/unanswered');
  });

  it('accepts a bare confirmation after the customer picked an option the bot offered', async () => {
    const transcript = [
      { role: 'customer' as const, text: 'Could we book a table tonight for two, around 8?' },
      { role: 'bot' as const, text: '8pm is free. Terrace or main room?' },
      { role: 'customer' as const, text: 'terrace please' },
    ];
    const g = await grader.grade({ ...makeSample('Booked.', 'terrace please'), transcript }, []);
    expect(g.violations.map((v) => v.ruleId)).not.toContain('heuristic/cold');
    expect(g.drift).not.toBe('major-drift');
    // Without the bot's question, "Booked." to a request is still bare.
    const alone = await grader.grade(makeSample('Booked.', 'Could we book a table tonight for two, around 8?'), []);
    expect(alone.violations.map((v) => v.ruleId)).toContain('heuristic/cold');
  });

  it('does not fault a reply for missing details when the customer only answered its question', async () => {
    const transcript = [
      { role: 'customer' as const, text: 'My boiler keeps losing pressure overnight and the radiators go cold.' },
      { role: 'bot' as const, text: 'That sounds miserable in this weather. I can book an engineer visit. Does Thursday morning work?' },
      { role: 'customer' as const, text: 'yes' },
    ];
    const g = await grader.grade({ ...makeSample('Great, that is booked. You will get a text confirming the slot shortly.', 'yes'), transcript }, []);
    expect(labels(g, 'active-listening')).not.toContain("none of the customer's details picked up");
  });

  it("reports the guide's quoted don't-phrases and policy-first openers", async () => {
    const response = 'Per our policy, refunds take 10 days.';
    const g = await grade(response, 'Where is my refund?');
    const dont = g.violations.find((v) => v.ruleId === 'heuristic/voice-dont');
    expect(dont?.match).toBe('Per our policy');
    expect(g.violations.some((v) => v.ruleId === 'heuristic/policy-first')).toBe(true);
  });

  it('lowers a formality-related dimension for casual slang and emoji', async () => {
    const formal = await createHeuristicGrader(makeGuide({ dimensions: [makeDimension('professionalism')] }));
    const customer = 'How do I export my invoices?';
    const plain = await formal.grade(makeSample('You can export invoices from Billing, then choose Export.', customer), []);
    const casual = await formal.grade(makeSample('lol dude, no worries, you can export invoices from Billing 😀', customer), []);
    expect(casual.scores['professionalism']!.score).toBeLessThan(plain.scores['professionalism']!.score - 1);
    expect(casual.scores['professionalism']!.cues!.some((c) => c.label.startsWith('slang'))).toBe(true);
    expect(casual.violations.filter((v) => v.ruleId === 'heuristic/slang').map((v) => v.match)).toEqual(['lol', 'dude', 'no worries', '😀']);
  });

  it('is honest about dimensions it has no heuristic for', async () => {
    const g = await createHeuristicGrader(makeGuide({ dimensions: [makeDimension('humour', { name: 'Humour' })] }));
    const result = await g.grade(makeSample(WARM, FURIOUS), []);
    expect(result.scores['humour']!.reason.startsWith(BLENDED_REASON)).toBe(true);
  });

  it('is deterministic: the same input gives an identical grade', async () => {
    const a = await grade(WARM);
    const b = await grade(WARM);
    const other = await createHeuristicGrader(makeGuide({}, [{ id: 'plain', do: [], dont: ['Never say "per our policy"'] }]));
    const c = await other.grade(makeSample(WARM, FURIOUS), []);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });

  it('grades a reply with no customer message on the reply alone', async () => {
    const g = await grade('Thanks for reaching out! You can reset your password from Settings.', '');
    expect(g.status).toBe('graded');
    expect(g.scores['active-listening']!.reason).toContain('no customer message');
    expect(g.scores['active-listening']!.score).toBe(3);
  });

  it('returns an error grade, not a verdict, when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const g = await grader.grade(makeSample(WARM, FURIOUS), [], controller.signal);
    expect(g.status).toBe('error');
    expect(g.error).toMatch(/cancel/);
  });
});

describe('createHeuristicGrader: calibration on ordinary support replies', () => {
  const cueLabels = (g: Grade, dimension: string) => (g.scores[dimension]?.cues ?? []).map((c) => c.label);
  const BILLED = 'We were billed for the plan we downgraded last month, and nobody replied to our two emails about it.';

  it('puts a calm how-to question answered clearly above every minimum', async () => {
    const g = await grade(
      "You can add a teammate to the staging project under Settings → Members: click Invite, enter their email and pick the Developer role. They'll get an invite link that works for 7 days.",
      'How do I add a teammate to our staging project?',
    );
    expect(g.scores['empathy']!.score).toBeGreaterThanOrEqual(3.5);
    expect(cueLabels(g, 'empathy')).toContain('calm customer helped directly (no feelings to acknowledge)');
    expect(g.scores['clarity']!.score).toBeGreaterThanOrEqual(4);
    expect(g.drift).toBe('on-brand');
  });

  it('recognises acknowledgement in plain words, and action on top of it', async () => {
    const g = await grade(
      "Being billed for a plan you already left is a fair thing to be upset about. I've refunded the difference and passed this to your account manager; you'll hear from them within one business day.",
      BILLED,
    );
    expect(g.scores['empathy']!.reason).toMatch(/customer frustrated/);
    expect(cueLabels(g, 'empathy')).toContain("validates the customer's feelings");
    expect(cueLabels(g, 'empathy').some((label) => label.startsWith('acts on it for the customer'))).toBe(true);
    expect(g.scores['empathy']!.score).toBeGreaterThanOrEqual(4);
    expect(g.scores['tone-match']!.score).toBeGreaterThanOrEqual(3);
    expect(g.drift).toBe('on-brand');
  });

  it('does not let action excuse ignoring a frustrated customer', async () => {
    const g = await grade("I've refunded the difference. Your account manager will email you within one business day.", BILLED);
    expect(cueLabels(g, 'empathy').some((label) => label.startsWith('ignores how the customer feels'))).toBe(true);
    expect(g.violations.map((v) => v.ruleId)).toContain('heuristic/no-empathy');
    expect(g.scores['empathy']!.score).toBeLessThan(3);
    expect(g.drift).not.toBe('on-brand');
  });

  it('does not hold request-politeness cues against an answer, but still marks bare orders and contempt', async () => {
    const customer = 'Why are my DNS changes not showing up yet?';
    const fine = await grade("You didn't do anything wrong. Your records on our side are correct; resolvers keep the old ones until their TTL runs out, which is why it isn't visible yet.", customer);
    expect(cueLabels(fine, 'brand-voice')).not.toEqual(expect.arrayContaining(['sentence-initial you']));
    expect(cueLabels(fine, 'brand-voice').join(' | ')).not.toMatch(/negation|why-question|negative judgement/);
    expect(fine.scores['brand-voice']!.score).toBeGreaterThanOrEqual(3);
    const curt = await grade('Restart the pipeline. That question is silly.', customer);
    expect(cueLabels(curt, 'brand-voice')).toEqual(expect.arrayContaining(['bare order at sentence start', 'harsh or insulting words']));
  });

  it('tells a sincere congratulation from a sarcastic one', async () => {
    const customer = 'We just crossed a million users! Do we need a bigger database plan?';
    const sincere = await grade('Congratulations on the milestone. The Pro plan doubles your connections; switch under Billing → Plan.', customer);
    expect(sincere.violations.filter((v) => v.ruleId === 'heuristic/sarcasm')).toEqual([]);
    const mocking = await grade("Well, congratulations, you've managed to outgrow the free plan.", customer);
    expect(mocking.violations.map((v) => v.match)).toContain('Well, congratulations');
  });

  it('reports brush-offs and a reply that opens by pointing at the docs', async () => {
    const customer = 'Why did my cluster stop adding nodes?';
    const brushed = await grade('Noted. The node pool is at its maximum of 10 nodes. Closing this ticket.', customer);
    expect(brushed.violations.filter((v) => v.ruleId === 'heuristic/brush-off').map((v) => v.match)).toEqual(['Noted.', 'Closing this ticket']);
    const docs = await grade('Hi Sam,\n\nNode pool limits are documented in our docs. Raise the maximum under Clusters → Node pools.', customer);
    expect(docs.violations.map((v) => v.ruleId)).toContain('heuristic/points-at-docs');
  });

  it('listens to the whole conversation, not only the last customer turn', async () => {
    const transcript = [
      { role: 'customer' as const, text: 'We moved our nameservers to you and the domain still resolves to the old host.' },
      { role: 'bot' as const, text: 'Which domain is it, and when did you switch?' },
      { role: 'customer' as const, text: 'brightlane.io, yesterday morning.' },
    ];
    const response = 'Resolvers cache the old nameservers for up to 48 hours, so the domain will move over as their caches expire. Your records with us are correct.';
    const g = await grader.grade(makeSample(response, 'brightlane.io, yesterday morning.', { transcript }), []);
    const reuse = g.scores['active-listening']!.cues!.find((c) => c.label.includes("customer's details"));
    expect(reuse?.effect).toBeGreaterThan(0);
    expect(reuse?.evidence).toMatch(/nameservers/);
  });

  it("does not count jargon the customer used themselves, and meets their words across inflections", async () => {
    const customer = 'Your outage broke our SLA. How do we claim the SLA credit and the discounts in our contract?';
    const g = await grade("Discounts and SLA credits are handled by your account manager, so I've passed this on; they'll confirm the credit within two business days.", customer);
    expect(cueLabels(g, 'clarity').join(' | ')).not.toMatch(/jargon/);
    expect(g.scores['active-listening']!.cues!.find((c) => c.label.startsWith("engages with the customer's details"))?.evidence).toMatch(/discounts/i);
  });
});

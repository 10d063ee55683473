import { beforeAll, describe, expect, it } from 'vitest';
import { createTextAnalyzer, loadWink, type TextAnalyzer } from '../../../src/grader/heuristic/analyze-text.js';
import { assessCustomerMood } from '../../../src/grader/heuristic/assess-customer-mood.js';

let analyze: TextAnalyzer;
beforeAll(async () => {
  analyze = createTextAnalyzer(await loadWink());
});

const mood = (text: string) => assessCustomerMood(analyze(text));

describe('assessCustomerMood', () => {
  it('reads a plain problem report as calm, however negative its facts', () => {
    expect(mood('Our designer lost her laptop and with it the SSH key. How do we revoke it?').level).toBe(0);
    expect(mood('We leaked a token in a public repo. How can we check that nobody used it?').level).toBe(0);
  });

  it('reads complaints about being ignored, and strongly negative messages, as frustrated', () => {
    const ignored = mood('Our plan price went up 30% and nobody warned us. We never agreed to this.');
    expect(ignored.level).toBeGreaterThanOrEqual(1);
    expect(ignored.evidence.join(' ')).toMatch(/nobody warned/);
    expect(mood('This is useless!!! The dashboard is broken AGAIN and I am fed up.').level).toBe(2);
  });

  it('reads a question about a deadline as asking for a date, and a deadline of the customer\'s own as pressure', () => {
    expect(mood('What is the closing date and deadline for the spring intake?').urgent).toBe(false);
    expect(mood('When is the deadline to switch tariffs?').urgent).toBe(false);
    expect(mood('Is there a deadline for sending the forms back?').urgent).toBe(false);
    expect(mood('My deadline is Friday. Can you speed this up?').urgent).toBe(true);
    expect(mood('I have a filing deadline tomorrow, what is the fastest way to get the certificate?').urgent).toBe(true);
  });

  it('counts capitals in an urgent message as the urgency, not as extra anger', () => {
    const urgent = mood('URGENT: PRODUCTION DOWN since 09:10. Please help.');
    expect(urgent.urgent).toBe(true);
    expect(urgent.level).toBe(0);
    // Capitals with no urgency still read as shouting.
    expect(mood('WHY IS MY INVOICE WRONG').level).toBeGreaterThanOrEqual(1);
  });

  it('handles no customer message', () => {
    expect(assessCustomerMood(undefined)).toEqual({ level: 0, urgent: false, asksQuestion: false, points: 0, evidence: [] });
  });
});

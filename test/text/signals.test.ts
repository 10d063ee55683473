import { describe, expect, it } from 'vitest';
import { customerText } from '../../src/text/customer-text.js';
import { BUILTIN_SIGNALS, compileSignals, SignalError } from '../../src/text/signals.js';
import { makeSample } from '../helpers/guide-factory.js';

const detect = compileSignals();
const signalsOf = (customer: string) => [...detect(makeSample('reply', { customer }))].sort();

describe('built-in signals', () => {
  it.each([
    ['This is ridiculous, it is STILL not working', ['frustrated']],
    ['Third time I am writing about this!!!', ['frustrated']],
    ['WHY IS THIS BROKEN', ['frustrated', 'question']],
    ['Production is down, we need this fixed ASAP', ['urgent']],
    ['Our checkout went down an hour ago', ['urgent']],
    ['How do I export my data?', ['question']],
    ['how do i change my email', ['question']],
    ['I am confused. What does that mean', ['confused', 'question']],
    ['Please cancel my subscription, we are switching to another vendor', ['churn-risk']],
    ["We're leaving at the end of the month", ['churn-risk']],
    ['Thanks, that worked great', []],
    ['Can you switch tomorrow’s delivery', ['question']], // "switch to" must not match "switch tomorrow"
  ])('%s → %j', (customer, expected) => {
    expect(signalsOf(customer)).toEqual(expected);
  });

  it('all compile and are known by id', () => {
    expect([...detect.ids].sort()).toEqual(BUILTIN_SIGNALS.map((s) => s.id).sort());
  });
});

describe('compileSignals', () => {
  it('lets guide definitions replace built-ins by id and add new ones', () => {
    const custom = compileSignals([
      { id: 'frustrated', any: ['grr'] },
      { id: 'vip', any: ['enterprise plan', '/\\bSLA\\b/'] },
    ]);
    const of = (customer: string) => [...custom(makeSample('', { customer }))].sort();
    expect(of('This is ridiculous')).toEqual([]);
    expect(of('grr, our SLA')).toEqual(['frustrated', 'vip']);
    expect(of('On the Enterprise plans, is it urgent?')).toEqual(['question', 'urgent', 'vip']);
    expect(custom.ids.has('vip')).toBe(true);
  });

  it('looks only at the customer side of the conversation', () => {
    const sample = makeSample('This is ridiculous, cancel it', {
      customer: 'ok',
      transcript: [
        { role: 'customer', text: 'Site is down!' },
        { role: 'bot', text: 'That is unacceptable, sorry' },
        { role: 'customer', text: 'ok' },
      ],
    });
    expect([...detect(sample)]).toEqual(['urgent']);
    expect(customerText(sample)).toBe('Site is down!\n\nok');
  });

  it('names the signal and phrase that cannot compile', () => {
    expect(() => compileSignals([{ id: 'vip', any: ['ok', '/(?!ok)/'] }])).toThrow(SignalError);
    try {
      compileSignals([{ id: 'vip', any: ['ok', '/(?!ok)/'] }]);
    } catch (error) {
      expect(error).toMatchObject({ signalId: 'vip', index: 1 });
    }
  });
});

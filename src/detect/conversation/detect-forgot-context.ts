import { detectRepeatedStep } from './detect-repeated-step.js';
import type { IndexedTurn } from './read-conversation.js';

/** Details a customer gives once and should not be asked for again, with what a given value looks like. */
const DETAILS: readonly { name: string; asked: RegExp; given: RegExp }[] = [
  {
    name: 'an order, booking or reference number',
    asked: /\b(?:order|booking|reference|ref|case|ticket|claim|tracking|confirmation|policy|account|membership|invoice)(?: number| no\.?| id| code| reference)?\b/iu,
    given: /\b(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,}\b|\b\d{5,}\b/u,
  },
  {
    name: 'a vehicle registration or serial number',
    asked: /\b(?:reg(?:istration)?(?: number| plate)?|number plate|licen[cs]e plate|vin|serial(?: number)?|imei)\b/iu,
    given: /\b[A-Z]{2}\d{2} ?[A-Z]{3}\b|\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,4}[ -][A-Z0-9]{3,4}\b|\b(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,}\b/u,
  },
  { name: 'an email address', asked: /\be-?mail(?: address)?\b/iu, given: /[^\s@]+@[^\s@]+\.[a-z]{2,}/iu },
  { name: 'a postcode', asked: /\b(?:post ?code|zip(?: code)?)\b/iu, given: /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{5}(?:-\d{4})?\b/u },
  { name: 'a phone number', asked: /\b(?:phone|mobile|contact) number\b/iu, given: /(?:\+?\d[\d ()-]{8,}\d)/u },
  {
    name: 'a date',
    asked: /\b(?:what|which) (?:date|day)\b|\bthe date (?:of|when)\b|\bwhen did (?:this|it|you)\b/iu,
    given: /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\b(?:yesterday|today|last (?:week|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/iu,
  },
];

/** A request in the bot's turn: a question, or "please send/confirm/tell me …". */
const REQUEST = /\?|\b(?:please|could you|can you|would you|kindly)\s+(?:\w+\s+){0,2}?(?:send|share|give|tell|confirm|provide|let me know|reply with|type)\b/iu;

export interface ForgotContext {
  /**
   * `asked-again`: the bot asks for a detail the customer gave; `repeated-step`: it suggests a
   * step the customer said they had already taken. `detail` names the detail or the step's words,
   * `givenIn` the customer turn that gave it (0-based).
   */
  kind: 'asked-again' | 'repeated-step';
  detail: string;
  givenIn: number;
}

/**
 * Whether the last bot turn forgets what the customer said earlier in the conversation: it asks
 * for a detail already given (an order number, an email, a postcode, a phone number, a date — the
 * request names the detail and an earlier customer turn holds a value of that kind), or suggests
 * a step the customer reported having taken (see `detect-repeated-step.ts`).
 */
export function detectForgotContext(turns: readonly IndexedTurn[]): ForgotContext | undefined {
  const last = turns[turns.length - 1];
  if (last === undefined) return undefined;
  const step = detectRepeatedStep(turns);
  if (step !== undefined) return { kind: 'repeated-step', detail: step.step, givenIn: step.doneIn };
  if (!REQUEST.test(last.text)) return undefined;
  const asks = last.text.split(/(?<=[.!?])\s+/u).filter((s) => REQUEST.test(s));
  for (const detail of DETAILS) {
    if (!asks.some((sentence) => detail.asked.test(sentence))) continue;
    const given = turns.slice(0, -1).find((t) => t.role === 'customer' && detail.given.test(t.text));
    if (given !== undefined) return { kind: 'asked-again', detail: detail.name, givenIn: given.index };
  }
  return undefined;
}

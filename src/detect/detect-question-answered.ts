import type { Detection } from './detection.js';
import { opensWithVerdict, opensWithYesOrNo } from './detect-answer.js';

/** What kind of answer a question asks for: a time, an amount, or a yes or no about a named thing. */
export type AnswerKind = 'time' | 'amount' | 'yes-no';

export interface AskedQuestion {
  kind: AnswerKind;
  /** The question sentence, and the names and numbers it is about (for a yes or no question). */
  text: string;
  focus: string[];
}

const SENTENCES = /[^.!?\n]+[.!?]*/gu;
const TIME_QUESTION = /\b(?:when|how long|how soon|what time|what date|which day|by when|until when|eta)\b/iu;
const AMOUNT_QUESTION = /\bhow much\b|\bhow many\b|\bwhat(?:['’]s| is| are| would| will| does)?\b[^?]{0,30}\b(?:price|cost|fee|charge|bill|rate|total|amount)\b/iu;
// "Can you check…?" is a request, not a yes-or-no question.
const YES_NO_QUESTION = /^\W*(?:(?:and|so|but|ok|okay|right|also)\W+)?(?:do|does|did|is|are|was|were|can i|can we|can my|can our|can it|can they|could i|will it|will i|will my|will they|would it|has|have|should i)\b/iu;
const WEEKDAYS_AND_MONTHS = /^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|january|february|march|april|may|june|july|august|september|october|november|december|i|i['’]m|i['’]ve|i['’]d|ok|hi|hello|thanks|yes|no|please|sorry)$/iu;

/** A yes-or-no opener ("can your team…", "will it…"): a later "when" is then a condition, not the question. */
const AUXILIARY_OPENER = /^\W*(?:(?:and|so|but|ok|okay|right|also)\W+)?(?:do|does|did|is|are|was|were|can|could|will|would|has|have|should|shall)\b/iu;
const ASKS_WHEN = /\b(?:know|tell (?:me|us)|say|idea|sure|confirm|find out|let (?:me|us) know|advise)\s+when\b/iu;
const WHEN_ONLY = /\b(?:how long|how soon|what time|what date|which day|by when|until when|eta)\b/iu;

/** "When will it arrive?" and "can you tell me when…" ask for a time; "can your team take it away when they deliver?" does not. */
function asksForTime(sentence: string): boolean {
  if (!TIME_QUESTION.test(sentence)) return false;
  return !AUXILIARY_OPENER.test(sentence) || WHEN_ONLY.test(sentence) || ASKS_WHEN.test(sentence);
}

/** Names (capitalised words not opening the sentence) and numbers a yes-or-no question is about. */
function focusOf(sentence: string): string[] {
  const out: string[] = [];
  const words = [...sentence.matchAll(/[\p{L}\d][\p{L}\d'’&.-]*/gu)];
  words.forEach((m, i) => {
    const word = m[0].replace(/[.'’]+$/u, '');
    if (/\d/u.test(word)) out.push(word);
    // Names and acronyms ("the IB", "VAT"); a lone capital ("I", "A") is not a name.
    else if (i > 0 && /^\p{Lu}/u.test(word) && !WEEKDAYS_AND_MONTHS.test(word) && (word !== word.toUpperCase() || /^\p{Lu}{2,}$/u.test(word))) out.push(word);
  });
  return out;
}

/**
 * The questions in the customer's message that ask for a specific kind of answer: a time ("when
 * will…", "how long…"), an amount ("how much…"), or a yes or no about something named ("does it
 * work with Xero?", "can my 16 year old…"). Other questions are left to the general answer reader.
 */
export function readAskedQuestions(customer: string): AskedQuestion[] {
  const out: AskedQuestion[] = [];
  for (const m of customer.matchAll(SENTENCES)) {
    const text = m[0].trim();
    if (!text.includes('?') && !/^\W*(?:when|how)\b/iu.test(text)) continue;
    if (asksForTime(text)) out.push({ kind: 'time', text, focus: [] });
    else if (AMOUNT_QUESTION.test(text)) out.push({ kind: 'amount', text, focus: [] });
    else if (YES_NO_QUESTION.test(text) || /\byes or no\b/iu.test(text)) {
      // "Specifically Xero? Yes or no?": the demand names no thing; the message around it does.
      const focus = focusOf(/\byes or no\b/iu.test(text) ? customer : text);
      if (focus.length > 0) out.push({ kind: 'yes-no', text, focus });
    }
  }
  return out;
}

const TIME_ANSWER = /\b\d+(?:[.,]\d+)?\s?(?:-\s?\d+\s?)?(?:(?:working|business|calendar) )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|am|pm)\b|\b\d{1,2}[:.]\d{2}\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|now|immediately|right away|straight away|this (?:morning|afternoon|evening|week|month)|next (?:week|month|year)|end of (?:the |this |next )?(?:day|week|month)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:a|one|two|three|four|five|ten|a few|few|couple of) (?:minutes?|hours?|days?|weeks?|months?)|the \d{1,2}(?:st|nd|rd|th)|(?:each|every|per) (?:day|week|month|year)|overnight|already|within the hour|by (?:the )?(?:morning|evening|weekend))\b/iu;
const AMOUNT_ANSWER = /[£$€¥₹]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:%|percent|gbp|usd|eur|pounds?|dollars?|euros?|p\b|cents?)|\b(?:free|no (?:extra )?(?:charge|cost|fee)|nothing|the same price|\d+)\b/iu;
const YES_NO_ANSWER = /(?:^|[.!?\n]\s*|[,:;—–-]\s*)(?:(?:hi|hello|hey)\b[^.!?\n]{0,30}?[,.!]\s*)?(?:yes|yeah|yep|no|nope|sure|of course|absolutely|definitely|unfortunately|sadly|i['’]m afraid|afraid not|not (?:yet|at the moment|currently|right now))\b|\bonly\b/iu;
/** Whether the reply gives the kind of answer the question asks for: a time, an amount, a yes or no. */
function givesAnswerTo(question: AskedQuestion, reply: string): boolean {
  if (question.kind === 'time') return TIME_ANSWER.test(reply);
  if (question.kind === 'amount') return AMOUNT_ANSWER.test(reply);
  const lower = reply.toLowerCase();
  return YES_NO_ANSWER.test(reply) || opensWithYesOrNo(reply) || opensWithVerdict(reply) || question.focus.every((f) => lower.includes(f.toLowerCase()));
}

/**
 * Whether the customer asked for a time, an amount or a yes or no and the reply gives that kind of
 * answer to every such question. Such an answer shows it read the question whatever words it uses
 * ("how much is the 12 kg bag?" — "£47.99"): short answers rarely repeat the question's words.
 */
export function answersInKind(reply: string, customer: string): boolean {
  const asked = readAskedQuestions(customer);
  return asked.length > 0 && asked.every((question) => givesAnswerTo(question, reply));
}

/** Addressing a question by asking what is needed to answer it, or saying plainly it is not known yet. */
const CLARIFIES = /\?/u;
/** "Is there anything else I can help with?" closes; it does not ask what is needed to answer. */
const STOCK_CLOSER = /[^.!?\n]*\b(?:anything else|any other questions?|something else)\b[^.!?\n]*\?/giu;

/**
 * The first question of a specific kind the reply leaves unanswered: no time for "when", no
 * amount for "how much", no yes or no (nor a restriction, "only…") and not every thing it names
 * for a yes-or-no question. A reply
 * that asks a question back (to find out) is treated as addressing it; handoffs are the caller's.
 * `evidence` and `span` are the question, in the customer's message.
 */
export function detectUnansweredQuestion(reply: string, customer: string): (Detection & { kind: AnswerKind }) | undefined {
  if (CLARIFIES.test(reply.replace(STOCK_CLOSER, ''))) return undefined;
  for (const question of readAskedQuestions(customer)) {
    if (givesAnswerTo(question, reply)) continue;
    const start = customer.indexOf(question.text);
    return { kind: question.kind, label: `does not give the ${question.kind === 'yes-no' ? 'yes or no' : question.kind} the customer asked for`, evidence: question.text, span: { start, end: start + question.text.length } };
  }
  return undefined;
}

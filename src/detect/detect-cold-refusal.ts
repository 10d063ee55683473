import { detectAcknowledgement } from './detect-acknowledgement.js';
import { detectHandoff } from './detect-handoff.js';
import { findFirst, reading } from './detection.js';
import type { Detection } from './detection.js';

/** Saying no, or that the rules decide: "can't", "not eligible", "must be requested", "is the account holder's responsibility". */
const REFUSAL = [
  reading('refuses', `\\b(?:we|i)\\s+(?:can(?:['’]t|not)|are unable to|am unable to|won['’]t be able to|do not|don['’]t|will not|won['’]t)\\s+(?:\\w+\\s+){0,2}?(?:offer|give|refund|do|help|change|accept|make|provide|allow|reverse|waive|cover|compensate)\\b`),
  reading('refuses', `\\b(?:is|are)\\s+(?:not|no longer)\\s+(?:possible|available|eligible|allowed|permitted|refundable|covered|supported|something we)\\b|\\bnot (?:eligible|refundable|covered)\\b`),
  reading('the rules decide', `\\b(?:must be|have to be|has to be|need to be|are required to|is required|require[sd]?)\\s+(?:\\w+\\s+){0,3}?(?:submitted|requested|completed|made|received|approved|provided|verified|signed)\\b`),
  reading('the rules decide', `\\b(?:(?:as )?set out in|in (?:line|accordance) with|under (?:the|our|your) (?:terms|policy|agreement|contract)|(?:our|the) (?:terms|policy|policies|conditions|agreement)|terms and conditions|for security reasons|is the responsibility of|are the responsibility of|the charge is valid|(?:is|was) correct)\\b`),
];

/** An alternative or a way forward offered alongside the no. */
const ALTERNATIVE = reading('offers a way forward', `\\b(?:but|however|instead|what (?:i|we) can (?:do|offer)|the good news|one option|another option|alternatively|if you(?:['’]d)? like|happy to|i can|we can|i(?:['’]ll| will)|let me|here['’]s what)\\b`);

/** Words a reply needs before it can read as more than a brush-off to someone who is upset, or who wrote at length. */
export const CURT_WORDS = 12;
/** A reply this short is bare whoever it answers ("Ok.", "No.", "Done."). */
export const BARE_WORDS = 2;
/** A customer message this long deserves more than a curt line. */
export const DETAILED_MESSAGE_WORDS = 25;

function countWords(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * A cold reply: a refusal or a rule quoted at the customer with no acknowledgement, no handoff and
 * no way forward; a bare answer of a few words; or a curt line to a customer who is upset or wrote
 * at length. Not when the customer was only closing the conversation, and a bare line not when they
 * only answered the bot's own question.
 */
export function detectColdRefusal(reply: string, options: { upset: boolean; customerWords?: number; closing?: boolean; answersOurQuestion?: boolean }): Detection | undefined {
  const ack = detectAcknowledgement(reply).sincere;
  if (ack !== undefined || detectHandoff(reply) !== undefined || options.closing === true) return undefined;
  const words = countWords(reply);
  const detailed = (options.customerWords ?? 0) >= DETAILED_MESSAGE_WORDS;
  // "Booked." after the customer answered the bot's own question ("conservatory please") is the whole job.
  const bareIsEnough = options.answersOurQuestion === true && !options.upset;
  if ((words <= BARE_WORDS && !bareIsEnough) || (words < CURT_WORDS && (options.upset || detailed))) {
    const text = reply.trim();
    const start = reply.indexOf(text);
    const why = options.upset ? 'to an upset customer' : detailed ? 'to a detailed message' : 'bare';
    return { label: `curt reply ${why} (${words} words)`, evidence: text, span: { start, end: start + text.length } };
  }
  const refusal = findFirst(reply, REFUSAL);
  if (refusal === undefined) return undefined;
  ALTERNATIVE.pattern.lastIndex = 0;
  if (ALTERNATIVE.pattern.test(reply)) return undefined;
  return { ...refusal, label: `${refusal.label}, with no acknowledgement or way forward` };
}

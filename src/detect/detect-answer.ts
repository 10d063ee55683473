import { findFirst, reading } from './detection.js';
import type { Detection } from './detection.js';

/** The customer is closing the conversation: thanks, "that worked", "all sorted". No answer is owed. */
const CLOSING = [
  reading('thanks', `\\b(?:thanks|thank you|thx|ta|cheers|much appreciated|appreciate (?:it|that|the help|your help)|you(?:['’]ve| have) been (?:a )?(?:great|brilliant|really helpful|so helpful))\\b`),
  reading('it works now', `\\b(?:(?:that|it|this)(?:['’]s| is| has| did)? (?:worked|working|fixed|sorted|solved|done the trick)|all (?:sorted|good|fixed|working)|back to normal|works now|working now|no (?:further|more) (?:help|questions))\\b`),
];

/**
 * A reply that opens on a yes or no: the word itself, or the clause that says it ("It does", "You
 * can't", "They're true to size"). Only at the opening: later, "You can explore our marketplace"
 * points elsewhere instead of answering.
 */
const YES_OR_NO = reading('yes or no', `^\\W*(?:(?:hi|hello|hey|dear|thanks|thank you|good (?:morning|afternoon|evening|day))\\b[^\\n]{0,40}?[,.!—–\\n]\\s*)?(?:yes|no|yep|nope|sure|of course|absolutely|definitely|both|neither|either|all of them|none of them|not (?:yet|quite|at the moment)|it (?:does|doesn['’]t|is|isn['’]t|can|can['’]t|will|won['’]t)|you (?:can|can['’]t|could|do|don['’]t|did|didn['’]t|will|won['’]t|passed|qualify|don['’]t qualify|are|aren['’]t|were|weren['’]t)|they (?:can|can['’]t|do|don['’]t|are|aren['’]t|will|won['’]t)|they['’]re|we (?:do|don['’]t|can|can['’]t|are|aren['’]t|will|won['’]t|have|haven['’]t)|there (?:is|isn['’]t|are|aren['’]t|will be|won['’]t be)|there['’]s)\\b`);

/** Whether the reply opens on a yes or no (see {@link YES_OR_NO}). */
export function opensWithYesOrNo(reply: string): boolean {
  return findFirst(reply, [YES_OR_NO]) !== undefined;
}

/**
 * The first sentence rules on what was asked, without the word yes or no: "Dogs aren't allowed at
 * the Southbank site", "Our drivers can't take away old furniture", "Pets are welcome".
 */
const VERDICT = reading('a ruling on what was asked', `^\\W*(?:(?:hi|hello|hey|dear|thanks|thank you)\\b[^\\n]{0,40}?[,.!—–\\n]\\s*)?[^.!?\\n]{0,80}?\\b(?:can['’]t|cannot|can not|aren['’]t|isn['’]t|won['’]t|don['’]t|doesn['’]t|not (?:allowed|permitted|possible|available|able|included|covered)|unable to|(?:is|are)(?: always| also)? (?:allowed|permitted|welcome|included|covered|fine))\\b`);

/** Whether the reply's first sentence gives a ruling (see {@link VERDICT}). */
export function opensWithVerdict(reply: string): boolean {
  return findFirst(reply, [VERDICT]) !== undefined;
}

/** Sentence shapes that answer: a yes/no, a reason, an amount, a date, a place in the product, a step. */
const ANSWER = [
  YES_OR_NO,
  VERDICT,
  reading('what we do', `(?:^|[.!?\n]\s*)(?:we|you)\s+(?:do|don['’]t|offer|repair|fix|support|accept|ship|deliver|open|close|have|sell|cover|provide|run|charge|allow|take)\b`),
  // "An advisory is a note from the tester…": what a term means, for "what does X mean?".
  reading('a definition', `(?:^|[.!?\\n]\\s*)(?:an?|the) [\\w-]+(?: [\\w-]+)? (?:is|means) (?:a|an|the|when|that|where|how)\\b`),
  // A finding reported: "The test shows the line drops at the radio link", "Found the hold-up".
  reading('a finding', `\\b(?:the|our|my|your) (?:[\\w-]+ )?(?:test|check|logs?|records?|system|diagnostics?|tracking|history|data|report|scan|meter reading) (?:shows?|showed|says|said|confirms?|confirmed|suggests?|found|finds|points to)\\b|(?:^|[.!?\\n]\\s*)(?:i['’]ve |we['’]ve |i |we )?found (?:the|it|your|what|where|why|a|an)\\b`),
  // A bare confirmation of what the customer asked for: "Booked.", "Done, you're all set."
  reading('confirms it is done', `^\\W*(?:booked|done|sorted|all set|all done|confirmed|cancell?ed|changed|moved|sent|fixed|updated|added|removed|that['’]s (?:booked|done|sorted|confirmed))\\b`),
  reading('a reason', `\\b(?:because|that['’]s because|this (?:happens|happened) (?:when|because)|the reason|due to|caused by|which is why|so that['’]s why)\\b`),
  reading('a figure, date or time', `(?:[£$€¥]\\s?\\d|\\b\\d{1,2}[:.]\\d{2}\\b|\\b\\d+(?:[.,]\\d+)?\\s?(?:(?:working|business|calendar|full|more|extra) )?(?:%|am|pm|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|mbps|gb|mb|kg|cm|km|miles?|mg|mcg|ml)\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\b|\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight)\\b)`),
  reading('a place in the product', `(?:→|\\s>\\s|\\bunder\\s+['‘"“]?\\p{Lu}|\\bgo to\\s+['‘"“]?\\p{Lu}|\\btap\\b|\\bclick\\b|\\bselect\\b|\\bopen\\s+['‘"“]?\\p{Lu})`),
  reading('something done for the customer', `\\b(?:i|we)(?:['’]ve| have)\\s+(?:\\w+\\s+){0,2}?(?:\\w+ed|sent|made|set|put|done|run|found|given|taken|got|booked|moved|switched|applied|issued|cancelled|canceled|refunded|added|removed|reset|fixed|updated|changed|credited|arranged|flagged|escalated|passed)\\b`),
  reading('something done for the customer', `\\b(?:has|have|is|are)(?: now| already| just)? been (?:\\w+ed|sent|made|set|put|done|given|taken|booked|moved|applied|issued|cancel+ed|refunded|added|removed|reset|fixed|updated|changed|credited|arranged|found|paid)\\b`),
  reading('what happens next', `\\b(?:i|we|they|she|he|it|you|your \\w+|the \\w+)(?:['’]ll| will| should| can)\\s+(?:\\w+\\s+){0,2}?(?:arrive|receive|get|see|call|email|contact|reach|be|send|have|show|appear|take|need|find|keep|go|arrange|book|text|message|refund|replace|collect|deliver|fix|sort|update|check|cover|pay|post|ring)\\b`),
  reading('a code or reference', '`[^`\\n]+`|\\b[A-Z]{2,}[-‐]?\\d{3,}\\b|\\b[A-Z]{2,}-[A-Z0-9]{2,}-\\d+\\b'),
];

/** Hedges that dodge the question: nothing a customer can plan around. */
const VAGUE = [
  reading('no date or answer', `\\b(?:at some point|in due course|when (?:it['’]s|it is|they['’]re|they are) ready|eventually|sometime soon|some time soon|at a later date|in the (?:near )?future|(?:could|might|may) be (?:back )?soon|keep an eye (?:on|out)|check back (?:later|periodically|regularly|soon)|from time to time|(?:it|that) (?:really )?(?:depends|varies)|case by case|no (?:fixed |set )?(?:date|timeline|timescale)|we(?:['’]ll| will) see|hard to say|can['’]t say (?:for sure|when)|(?:hopefully|probably|possibly) (?:soon|fine|ok|okay|sorted)|(?:should|might|may) (?:be|work) (?:fine|ok|okay)|sometime|at a later (?:stage|date|point)|stay tuned|whenever (?:we|it|they)|(?:more|further) (?:information|details|updates|news) (?:will|to) (?:follow|come)|not (?:sure|certain) (?:when|if|whether)|i guess|who knows|in time|can take (?:a (?:little|bit) )?longer|depending on (?:lots of|many|a number of|several|various|a few) (?:factors|things)|when (?:there['’]s|there is|we have|we['’]ve got) (?:news|an update|more (?:information|news|details))|(?:share|post|send|give you) (?:an )?updates? when|(?:should|will|might) be (?:with you|there|here|done|ready|back|sorted|fixed) (?:soon|shortly|in no time)|(?:sort|fix|resolve|clear|right) (?:itself|themselves)(?: out| up)?|(?:these|such) things (?:happen|take time)|hard to (?:tell|know|predict)|sooner or later|down the (?:line|road)|one of these days|(?:at|by) some (?:stage|point|time))\\b`),
];

export interface AnswerReading {
  /** The customer was only closing (thanks, "it works now"): no answer or next step is owed. */
  noneNeeded?: Detection;
  /** The first sign of an answer, action or next step. */
  answer?: Detection;
  /** A hedge that leaves the customer with nothing to plan around. */
  vague?: Detection;
}

/**
 * Whether the reply answers the customer or offers a next step, and whether it needed to. Reads
 * the shapes answers take — a yes/no, a reason, a figure or date, a place in the product, an action
 * already taken, what happens next — rather than the customer's words.
 */
export function detectAnswer(reply: string, customer: string): AnswerReading {
  // A question mark, or a sentence opening with a question word ("how do I…" without the mark).
  // "Will do, thanks!" is a closing, not a question.
  const customerAsks = /[?]|(?:^|[.!\n]\s*)(?:how|what|why|when|where|which|who|can|could|would|will(?! (?:do|try|check|see|let you know)\b)|is|are|do|does|did|should)\b/iu.test(customer);
  const closing = findFirst(customer, CLOSING);
  // "Thanks, but it still isn't here" is a complaint, not a closing.
  const complains = /\b(?:but|still|however|not|never|no longer|problem|issue|wrong|broken|missing)\b|n['’]t\b/iu.test(customer);
  const noneNeeded = closing !== undefined && !customerAsks && customer.length < 200 && (closing.label === 'it works now' || !complains) ? closing : undefined;
  const answer = findFirst(reply, ANSWER);
  const vague = findFirst(reply, VAGUE);
  return { ...(noneNeeded ? { noneNeeded } : {}), ...(answer ? { answer } : {}), ...(vague ? { vague } : {}) };
}


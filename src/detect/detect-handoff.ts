import { findFirst, oneOf, reading, rememberLast, type Detection } from './detection.js';

/**
 * A person or group of people who can take a case over. Roles, teams and desks rather than brand
 * names, so it reads any company's handoff: "our payments recovery team", "a specialist",
 * "your account manager", "one of our advisers".
 */
export const HUMAN_PARTY = oneOf(
  'team', 'teams', 'department', 'desk', 'specialists?', 'advis[eo]rs?', 'agents?', 'colleagues?', 'managers?',
  'supervisors?', 'persons?', 'people', 'human', 'someone', 'somebody', 'representatives?', 'engineers?', 'experts?',
  'officers?', 'staff', 'member of (?:our|the) \\w+', 'case ?(?:handlers?|workers?|managers?|owners?)', 'investigators?',
  'coordinators?', 'consultants?', 'underwriters?', 'lead', 'head of \\w+', 'on-?call', 'nurses?', 'counsell?ors?',
  'reviewers?', 'assessors?', 'doctors?', 'gp', 'pharmacists?', 'handlers?', 'surveyors?', 'technicians?', 'owners?',
  'vets?', 'dentists?', 'hygienists?', 'therapists?', 'tutors?', 'librarians?', 'solicitors?', 'lawyers?', 'accountants?',
  'inspectors?', 'loss adjusters?', 'adjusters?',
);

/** Saying a case moves to someone else: passed, escalated, transferred, referred, flagged, assigned… */
const TRANSFER = oneOf(
  'pass(?:ed|ing)?', 'transferr?(?:ed|ing)?', 'connect(?:ed|ing)?', 'escalat(?:ed|ing|e)', 'referr(?:ed|ing)', 'refer',
  'forward(?:ed|ing)?', 'hand(?:ed|ing)?(?: (?:this|it|you|your \\w+))? (?:over|on)', 'put(?:ting)? you through',
  'flagg(?:ed|ing)', 'flag', 'assign(?:ed|ing)?', 'rout(?:ed|ing)', 'loop(?:ed|ing)? in', 'bring(?:ing)? in', 'brought in',
  'rais(?:ed|ing)', 'open(?:ed)? (?:a|an) (?:[\\w-]+ ){0,3}?(?:case|ticket|claim|complaint|request|investigation)', 'cop(?:ied|ying) in', 'creat(?:ed|ing) a (?:case|ticket|claim|request|complaint)',
  'logg(?:ed|ing) (?:a|this|it|your)', 'put (?:in )?a request', 'request(?:ed)? a (?:call|callback|call back)', 'shar(?:ed|ing) (?!(?:your|the) (?:comments|feedback|thoughts|review))', 'sent (?:this|it|your \\w+|everything|the details)',
  'let (?:our|your|the|a|an) ', 'put (?:you|this|it|your \\w+) (?:in|into|on) (?:the|a|our) (?:queue|list|callback list|waiting list)',
  'submitt?(?:ed|ing)', 'book(?:ed|ing) (?:you )?(?:in )?with', 'book(?:ed|ing)? (?:you )?(?:in )?(?:a |an )?(?:[\\w-]+ ){0,3}?(?:call|callback|appointment|meeting|consultation)',
  'arrang(?:ed|ing) (?:a |for )', 'get(?:ting)? (?:someone|a \\w+|one of)', 'asked', 'notif(?:ied|ying)', 'alert(?:ed|ing)',
  'report(?:ed|ing)? (?:[\\w’\'-]+ ){1,3}?to',
  // "I've messaged the night manager", "I've called our on-site team": the bot puts a person on it.
  'messag(?:ed|ing)', 'call(?:ed|ing)', 'rang', 'phoned', 'emailed', 'texted', 'contacted', 'paged',
);

/** First person or passive voice: the bot (or its company) did or is doing the transfer, not "you can contact…". */
const DOER = oneOf(
  "(?:i|we)(?:['’](?:ve|m|ll|re)| have| am| will| are| just| now| also|['’]ve also|['’]ve now){0,2}",
  "(?:has|have|is|are|was|been|being|will be|['’]s) (?:now |just |already )?(?:been )?",
  "let me", "i['’]d like to", 'i can',
);

/** Someone will contact the customer or take the case on: "will call you", "will be in touch", "will review". */
const CONTACT = oneOf(
  'call', 'ring', 'phone', 'contact', 'email', 'e-mail', 'message', 'text', 'reply', 'write', 'get in touch', 'be in touch',
  'reach out', 'follow up', 'get back to', 'review', 'look (?:into|at)', 'take (?:it|this|over)', 'pick (?:it|this) up',
  'handle', 'join', 'speak', 'talk', 'investigate', 'arrange', 'confirm', 'go through', 'help',
);

/** The case is already with someone: "your case is now with them", "it's with our claims team". */
const NOW_WITH = `\\b(?:is|are|it['’]s|case['’]s) (?:now |already )?(?:with|in the hands of) (?:them|our|the|your|a|an|one of)\\b`;

const READINGS = [
  reading('transfer to a person or team', `\\b${DOER}\\s*(?:\\w+\\s+){0,2}?${TRANSFER}\\b[^.!?\\n]{0,80}?\\b${HUMAN_PARTY}\\b`),
  reading('a person or team will follow up', `\\b${HUMAN_PARTY}\\b[^.!?\\n]{0,90}?\\b(?:will|['’]ll|is going to|are going to|can now|is about to|are about to)\\s+(?:\\w+\\s+){0,2}?${CONTACT}\\b`),
  reading('a person or team is taking over', `\\b${HUMAN_PARTY}\\b[^.!?\\n]{0,40}?\\b(?:is|are|['’]s|['’]re) (?:now |already )?(?:joining|taking over|picking (?:this|it) up|picking up (?:this|the|your)|reviewing|looking (?:into|at)|on (?:it|the line|their way))\\b`),
  reading('put through to a person', `\\b(?:be|being|been|get|getting) (?:put through|connected|transferred|passed)\\b`),
  reading('has a person contact the customer', `\\b(?:get|have|ask|asked|getting|having) (?:our|your|the|a|an|one of (?:our|the)) [^.!?\\n]{0,40}?\\bto (?:\\w+ ){0,2}?${CONTACT}\\b`),
  // "Priya will email you", "Sam, our adviser, will call", "Priya from trade sales will email you".
  reading('a named person will follow up', `\\b(?!(?:You|We|It|This|That|There|These|Those|If|When|Once|I)\\b)\\p{Lu}\\p{Ll}+(?:,[^.!?\\n]{1,60}?,| (?:from|in|at|on) (?:the |our |your )?[\\w-]+(?: [\\w-]+){0,2}?)?\\s+(?:will|['’]ll)\\s+(?:\\w+\\s+){0,2}?${CONTACT}\\b`, true),
  // The case moves by itself: "an order that size goes to our trade team", "this now goes to a claims handler".
  reading('the case goes to a person or team', `\\b(?:goes|go|will go|is going|gets passed|moves) (?:now |straight |directly )?(?:over )?to (?:our|the|a|an|your|one of (?:our|the)) (?:[\\w-]+ ){0,3}?${HUMAN_PARTY}\\b`),
  reading('the case is with a person', NOW_WITH),
  reading('a person decides it', `\\b(?:reviewed|handled|looked at|decided|checked|dealt with|assessed|approved|picked up) by (?:a|an|our|the|your|one of (?:our|the)) (?:[\\w-]+ ){0,3}?${HUMAN_PARTY}\\b`),
  reading('a person now has the case', `\\b${HUMAN_PARTY}\\b[^.!?\\n]{0,60}?\\b(?:now )?(?:has|have|is handling|owns|is looking after) (?:your|the|this)\\b`),
  reading('the person named will follow up', `\\b(?:he|she|they)(?:['’]ll| will| is going to| are going to)\\s+(?:\\w+\\s+){0,2}?${CONTACT}\\b`),
  reading('asked a person to get in touch', `\\b(?:asked|arranged for|booked|got|told) (?:her|him|them|\\p{Lu}\\p{Ll}+|${HUMAN_PARTY}) to (?:\\w+ ){0,2}?${CONTACT}\\b`),
  reading('transfer to a person or team', `\\b${TRANSFER}\\b (?:you|this|it|your \\w+)(?: \\w+){0,2} (?:to|with) (?:a|an|our|the|your|one of|someone)\\b[^.!?\\n]{0,60}?\\b${HUMAN_PARTY}\\b`),
];

/** When the next step will happen: a time, a deadline or a channel. A handoff without one still counts, but reads weaker. */
const NEXT_STEP_TIME = reading(
  'says when',
  `\\b(?:within|by|before|in the next|in about|in under|today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|next (?:week|working day|business day)|straight away|right away|shortly|now)\\b|\\b\\d+\\s*(?:min(?:ute)?s?|hours?|hrs?|days?|working days?|business days?)\\b`,
);

export interface Handoff extends Detection {
  /** The reply says when the person will act ("within the hour", "by tomorrow"). */
  saysWhen: boolean;
}

/**
 * Whether the reply hands the conversation to a human, in any natural phrasing: a transfer (passed,
 * escalated, connected, flagged, asked…) towards a role or team, a person or team who will
 * contact the customer, or a case already "with" someone. Deflection to self-service ("you can
 * contact our team") is not a handoff: the transfer must be done by the speaker or in the passive.
 */
/** "She'll call you" is a handoff only when the reply names who she is (a role, a team or a person). */
const NAMES_SOMEONE = new RegExp(`\\b${HUMAN_PARTY}\\b|\\b\\p{Lu}\\p{Ll}+,? (?:from|in|on|at|who|our|your)\\b`, 'iu');

export const detectHandoff: (reply: string) => Handoff | undefined = rememberLast(readHandoff);

function readHandoff(reply: string): Handoff | undefined {
  const found = findFirst(reply, READINGS);
  if (found === undefined) return undefined;
  if (found.label === 'the person named will follow up' && !NAMES_SOMEONE.test(reply)) return undefined;
  NEXT_STEP_TIME.pattern.lastIndex = 0;
  return { ...found, saysWhen: NEXT_STEP_TIME.pattern.test(reply) };
}

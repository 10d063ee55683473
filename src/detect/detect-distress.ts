import { detectCustomerTopic } from './detect-customer-topics.js';
import { findAll, reading } from './detection.js';
import type { Detection } from './detection.js';

/**
 * Signs that a customer is upset, anxious or under pressure — the situations where a reply owes an
 * acknowledgement (the policy's `no-empathy`). Anger is only one of them: worry, loss, health,
 * money they need now and a deadline today count as much.
 */
const READINGS = [
  reading('angry', `\\b(?:frustrat\\w*|annoy\\w*|ridiculous|unacceptable|outrageous|unbelievable|appalling|disgrace\\w*|furious|angry|livid|fed up|sick of|tired of|had enough|waste of (?:my )?time|wasting my time|useless|pathetic|a joke|daylight robbery|rip-?off|disgusting|terrible|awful|horrendous|shocking|i['’]m done|not good enough|what the hell|wtf)\\b`),
  // "Third failed deploy today", "the second outage this month": a count of the same trouble in a short time.
  reading('repeated failure', `\\b(?:second|third|fourth|fifth|sixth|\\d+(?:st|nd|rd|th)) (?:[\\w-]+ ){0,2}?(?:today|this (?:morning|week|month|year)|in a row|running)\\b|\\b(?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) (?:failed|failure|outage|crash|breakdown|missed|cancell?ed|broken)\\b`),
  reading('repeated failure', `\\b(?:once again|yet again|(?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) (?:time|month|week)|(?:three|four|five|several|\\d+) times|months? running|weeks? running|still (?:not|no|hasn['’]t|haven['’]t|isn['’]t|can['’]t|waiting))\\b`),
  reading('anxious', `\\b(?:worr(?:ied|ying)|scared|frighten\\w*|terrified|panic\\w*|anxious|nervous|stress(?:ed|ful)|desperate|upset|distraught|devastated|heartbroken|overwhelmed|i don['’]t know what (?:to do|else)|at my wits['’] end|(?:a bit|bit|really|completely|totally|so) lost|out of my depth|never done (?:it|this|that) before|no idea (?:what|where|how))\\b`),
  reading('hard circumstances', `\\b(?:passed away|died|death|funeral|bereave\\w*|redundan\\w*|lost (?:my|his|her|our) job|can['’]t afford|scam\\w*|fraud\\w*|stolen|hacked|shaken|shook up|choked|choking|injur\\w*|hurt myself|bleeding|allergic reaction|in pain|hit by (?:a|the) (?:car|bus|van|bike)|not breathing|not moving|collapsed|unconscious|emergency)\\b`),
  // Health counts when it is the customer's own ("I was in hospital", "my insulin"), not a mention ("the pet's surgery form").
  reading('hard circumstances', `\\b(?:i|i['’]m|i am|i was|i['’]ve been|i have been|my|me)\\b[^.!?\\n]{0,25}\\b(?:hospital|surgery|operation|ill|sick|unwell|illness|disabled|disability|pregnan\\w*|insulin|medication|medicine|diagnos\\w*)\\b`),
  reading('let down more than once', `\\b(?:nobody|no one|the engineer|the driver|the courier|they|he|she) (?:came|turned up|showed up|arrived)\\b[^.!?]{0,80}\\b(?:again|twice|nobody|no one)\\b|\\bnobody came\\b`),
  reading('ignored by support', `\\b(?:nobody|no one|none of you)(?: has| have)? (?:ever )?(?:replied|answered|responded|got back|called back|rang back|came back)|\\bno (?:reply|response|answer) (?:to|from|yet)|\\bhaven['’]t heard (?:back|anything)|\\bstill (?:no|not had an?) (?:reply|response|answer|word)\\b`),
  reading('blocked', `\\b(?:can['’]t|cannot|unable to) (?:work|log ?in|sign in|access|get in|pay|use)|locked out|no (?:internet|broadband|power|heating|hot water|water)\\b`),
  reading('under pressure', `\\b(?:urgent\\w*|asap|right now|immediately|emergency|today|tonight|this morning|within (?:the|an|one) hour|in (?:an|one|two|\\d+) hours?|deadline|due (?:today|tomorrow)|by (?:tomorrow|tonight)|losing (?:money|orders|customers|sales))\\b`),
  // The customer's own service down is pressure enough on its own: "our checkout is down", "PRODUCTION DOWN".
  reading('their service is down', `\\b(?:production|prod|(?:our|my) (?:[\\w-]+ ){0,2}?(?:site|website|store|shop|app|service|system|servers?|checkout|api|platform|business))(?: is| are|['’]s|['’]re| has been| have been| went| keeps going)? (?:completely |totally )?(?:down|offline|unreachable)\\b`),
  reading('money at stake', `\\b(?:rent|mortgage|overdrawn|my wages|my salary|my savings|bills? (?:is|are) due)\\b`),
  reading('asking for help', `\\b(?:please help|help me|need help|confused|lost|again)\\b`),
  reading('shouting or exclaiming', '(?:[!?]{2,}|\\b[A-Z]{3,}\\b[^a-z\\n]{0,12}\\b[A-Z]{3,}\\b)', true),
];

/** Signs that only add weight when something else shows the customer is not fine. */
const CONTEXT_ONLY = new Set(['under pressure', 'money at stake', 'asking for help', 'shouting or exclaiming', 'negative sentiment']);

/** Sentiment at or below this reads as upset on its own. */
export const NEGATIVE_SENTIMENT = -0.5;

export interface Distress {
  /** 0 calm; 1 upset, anxious or under pressure; 2 clearly distressed (several signs). */
  level: 0 | 1 | 2;
  signs: Detection[];
}

/**
 * `sentiment` (optional, -1..1, e.g. wink-nlp's) adds a supporting sign when clearly negative: people
 * say they are upset in more ways than any list holds, but a problem report reads negative by nature
 * ("accidental damage"), so sentiment alone never makes a customer upset.
 */
export function detectDistress(customer: string, sentiment?: number): Distress {
  const signs = findAll(customer, READINGS);
  if (sentiment !== undefined && sentiment <= NEGATIVE_SENTIMENT) {
    signs.push({ label: 'negative sentiment', evidence: customer.trim().slice(0, 60), span: { start: 0, end: Math.min(customer.length, 60) } });
  }
  // A stranger in the account is alarming however calmly it is reported.
  const breach = detectCustomerTopic(customer, 'security-incident');
  if (breach !== undefined) signs.push({ ...breach, label: 'security scare' });
  const kinds = new Set(signs.map((s) => s.label));
  const core = [...kinds].filter((k) => !CONTEXT_ONLY.has(k)).length;
  const context = [...kinds].filter((k) => CONTEXT_ONLY.has(k)).length;
  const points = core + 0.5 * context;
  return { level: points >= 2 ? 2 : points >= 1 ? 1 : 0, signs };
}

import { findFirst, oneOf, reading, type Detection, type Reading } from './detection.js';

/**
 * Topics a customer raises that a guide can send to a person (`customer_topics:` on an escalation
 * trigger). Each is read by meaning — an intent plus its object, in any order the sentence allows —
 * rather than by one keyword, so "who covers the night we paid for?" is a compensation claim and
 * "does the student discount apply to sale items?" is not a price negotiation.
 */
export const CUSTOMER_TOPICS = ['compensation', 'security-incident', 'repeated-complaint', 'human-request', 'negotiation', 'churn', 'legal'] as const;
export type CustomerTopic = (typeof CUSTOMER_TOPICS)[number];

const MONEY_BACK = oneOf('money back', 'refund(?:ed)?', 'reimburs\\w*', 'compensat\\w*', 'goodwill', 'paid back', 'pay(?:ing)? (?:me )?back');
const ORDINAL = oneOf('second', 'third', 'fourth', 'fifth', 'sixth', '\\d+(?:st|nd|rd|th)', 'umpteenth', 'nth');
const COUNT = oneOf('two', 'three', 'four', 'five', 'six', 'several', 'multiple', 'many', '\\d+');
/** "60 more employees", "three extra sites", "another 200 seats": the customer's business growing. */
const GROWTH = `(?:(?:\\d+|a few|several|dozens of|hundreds of)\\s+(?:more|extra|additional|new)|another \\d+)\\s+(?:\\w+\\s+)?${oneOf('seats?', 'users?', 'licen[cs]es?', 'employees?', 'staff', 'members?', 'locations?', 'sites?', 'offices?', 'stores?', 'shops?', 'clinics?', 'restaurants?', 'branches', 'branch', 'teams?', 'properties', 'property', 'depots?', 'devices?', 'vehicles?', 'accounts?', 'agents?')}`;
const PRICE_WORD = oneOf('costs?', 'price', 'prices', 'pricing', 'bill', 'invoice', 'charged?', 'pay', 'fees?', 'rates?', 'quote');
const PERSON = oneOf('human', 'person', 'people', 'someone', 'somebody', 'manager', 'supervisor', 'agent', 'real', 'actual', 'advis[eo]r', 'representative', 'team lead', 'specialist');

const READINGS: Record<CustomerTopic, readonly Reading[]> = {
  compensation: [
    // "Who pays for that?" after a loss; not "who pays for return postage?", a published fact.
    reading('asks who pays for a loss', `\\bwho(?:['’]s| is)? (?:going to )?(?:cover|pay|paying|covers|pays|reimburse)s? (?:for )?(?:that|this|it|the (?:damage|repair|loss|losses|extra|cost of (?:fixing|repairing|replacing))|my (?:losses?|costs?|expenses?))\\b`),
    // Not "get": "when will I get my refund?" asks after a refund already agreed.
    reading('asks for money back', `\\b(?:want|demand|expect|claim|deserve|owed|entitled to|give me|give us)\\b[^.!?\\n]{0,30}\\b${MONEY_BACK}\\b`),
    reading('asks for money back', `\\b(?:can|could|will|do|would) (?:i|we|you)\\b[^.!?\\n]{0,30}\\b(?:refund (?:me|it|this|that)|compensat\\w*|reimburs\\w*)`),
    reading('asks for something back for a loss', `\\b(?:something|anything|money|a bit) back\\b|\\bfor the (?:\\w+ )?(?:days?|weeks?|months?|hours?|time) (?:without|with no)\\b`),
    // Not the agreed process: "if they refund me, how long does it take?".
    reading('asks for money back', `(?<!\\b(?:if|once|when|after) (?:they|you|we|it|that)(?: do)? )\\brefund (?:it|me|this|that)\\b|\\bcompensat\\w*|\\bgoodwill\\b|\\bout of pocket\\b`),
    reading('expects the company to pay', `\\b(?:expect|want|need|demand|ask) (?:you|your company|you guys|the company) to (?:cover|pay(?: for)?|foot|reimburse|refund|make (?:it|this) right)\\b`),
    reading('disputes paying for what it did not get', `\\b(?:not |isn['’]t )fair to (?:pay|be charged)\\b|\\b(?:shouldn['’]t|should not) (?:have to )?(?:pay|owe|be charged)\\b|\\bpaying (?:full price|for nothing|for something)\\b|\\b(?:i|we) shouldn['’]t owe\\b`),
    reading('counts the cost of a failure', `\\b(?:taken|took|lost|wasted|had to take) (?:\\w+ ){0,2}?(?:days?|a day|mornings?|afternoons?|hours?|holiday) off(?: work)?\\b|\\b(?:quoted|costs?|charged) (?:me |us )?[£$€]\\s?\\d[\\d,.]* to (?:replace|repair|fix)\\b|\\bhow do (?:i|we) claim\\b`),
    reading('asks for it to come off the bill', `\\b(?:come|taken|knocked|deducted|removed|credited) (?:off|from) (?:[\\w'’]+ ){0,3}?(?:invoice|bill|fee|price|payment|renewal)s?\\b`),
    reading('asks for the loss to be reflected', `\\b(?:reflected|taken into account|knocked off|deducted) (?:in|from|off) (?:what (?:i|we) pay|(?:my|our|the) (?:bill|invoice|fee|price|payment))`),
  ],
  'security-incident': [
    // Not the figure of speech: "I feel scammed", "what a rip-off, it's a scam" is a complaint about value.
    reading('account or money taken over', `(?<!\\b(?:feel|feels|felt|feeling|like|such a|what a|total|complete|absolute|bit of a|daylight)\\s+)\\b(?:hack(?:ed|er|ers)?|scam(?:med|mer|mers)|fraud\\w*|phish\\w*|stolen|breach\\w*|compromised|unauthori[sz]ed|identity theft)\\b`),
    // The noun: "a scam text", "fell for a scam"; not the company called one ("this is a scam", "starting to think it's a scam").
    reading('account or money taken over', `(?<!\\b(?:feel|feels|felt|feeling|like|such a|what a|total|complete|absolute|bit of a|daylight|is a|['’]s a|was a|be a|being a|seems a|all a|just a|one big)\\s+)\\bscams?\\b`),
    reading('someone else acted on the account', `\\b(?:someone|somebody|a stranger|they)\\b[^.!?\\n]{0,30}\\b(?:changed|accessed|logged|signed|used|took|withdrew|moved|made|added|reset|got into|pretending|claiming|posing|impersonat\\w*)\\b`),
    reading('unknown sign-in or device', `\\b(?:new |unknown |strange |unrecognised |unrecognized )?(?:log ?-?in|sign ?-?in|device|login attempt|token|key|session|payment|transfer)\\b[^.\\n]{0,40}\\b(?:from|in)\\b[^.\\n]{0,40}\\b(?:never|not me|wasn['’]t me|don['’]t recogni[sz]e|i['’]m in|i am in|none of us|not us|we['’]re not|we are not)`),
    reading('a stranger in the account', `\\b(?:i|we) (?:don['’]t|do not) (?:know|recogni[sz]e) (?:any|this|that|the|who|anyone)\\b|\\b(?:profile|user|device|login|payee|person|order|account|email) (?:called|named)\\b`),
    reading('nobody here did it', `\\b(?:nobody|no one|none of us)\\b[^.!?\\n]{0,30}\\b(?:made|created|did|changed|requested|authori[sz]ed|set up|added|logged|signed|sent|ordered)\\b`),
    reading('disowns an account change', `\\b(?:isn['’]t|is not|wasn['’]t|was not|aren['’]t) (?:mine|hers|his|theirs|ours|me|us)\\b|\\b(?:never|didn['’]t|did not|don['’]t) (?:\\w+ ){0,2}?(?:change|changed|make|made|authori[sz]e|authori[sz]ed|recogni[sz]e|request|requested|approve|approved|set up|order|ordered|sign|signed)\\b`),
    reading('gave away a code or password', `\\b(?:gave|read out|told|shared|sent)\\b[^.!?\\n]{0,30}\\b(?:code|pin|password|passcode|one-time|otp|card details)\\b`),
    reading('suspicious message', `\\bsuspicious\\b`),
  ],
  // Contacting support again about the same thing, not a fault that recurs: "the fourth time I've
  // explained this" wants a person; "the second time the parcel was late" wants an apology and a fix.
  'repeated-complaint': [
    reading('has asked more than once', `\\b${ORDINAL} time (?:that )?(?:i|we)(?:['’]ve| have)? (?:\\w+ )?(?:asked|explained|told|called|contacted|chased|written|emailed|raised|reported|messaged|rung)\\b`),
    reading('has asked more than once', `\\b(?:i|we)(?:['’]ve| have)? (?:already |now |been )?(?:asked|explained|told you|called|contacted|chased|written|emailed|raised|reported|messaged|rung)\\b[^.!?\\n]{0,40}\\b(?:${COUNT} times|twice|again and again|over and over|repeatedly|(?:several|many|multiple) times)\\b`),
    reading('chasing an unanswered message', `\\b(?:heard nothing|had no reply|had no response|not heard anything|no one has replied|nobody has replied)\\b|\\b(?:writing|emailing|calling|messaging|chasing|contacting you) (?:again|for the (?:second|third|fourth) time)\\b|\\b(?:second|third|fourth) (?:letter|email|message|call|complaint)\\b`),
    reading('going in circles', `\\b(?:going (?:round )?in circles|same (?:useless |canned )?answer|keep (?:asking|telling) (?:me|us)|not listening|you(?:['’]re| are) not (?:reading|listening))\\b`),
  ],
  'human-request': [
    reading('asks for a person', `\\b(?:speak|talk|chat|get|put me through|pass me|transfer me|connect me)\\b[^.!?\\n]{0,25}\\b(?:to|with|me)\\b[^.!?\\n]{0,20}\\b${PERSON}\\b`),
    reading('asks for a person', `\\b(?:not a bot|not a robot|real person|actual person|a human|escalate (?:this|it|me)|your manager|a manager|supervisor)\\b`),
    // Not a visit: "send someone to fix the leak", "get someone out to look at it" asks for a technician.
    reading('asks for someone who can fix it', `\\b(?:get|find|send) (?:me )?(?:someone|somebody|a person)\\b(?!\\s+(?:out|round|over|here|along|to (?:(?:come|go) (?:and |to )?)?(?:fix|repair|look|check|inspect|install|collect|read|replace|service|visit|come|measure|survey|clean|unblock|deliver|pick)))`),
  ],
  negotiation: [
    reading('asks for a better price', `\\b(?:can|could|would|will|do|is there)\\b[^.!?\\n]{0,30}\\b(?:get|give|offer|do|match|have|any)\\b[^.!?\\n]{0,30}\\b(?:discount|deal|better (?:price|rate)|lower (?:price|rate)|special (?:price|rate|offer)|price match|reduction|cheaper)\\b`),
    reading('asks for a better deal', `(?:[£$€]\\s?\\d|\\b(?:price|cost|fee|rent|rate|premium|subscription|bill|quote|quoted|estimate|membership)s?\\b)[^?]{0,160}?(?:\\bany chance\\b|\\bis there anything (?:you can do|that can be done)\\b|\\bcan you do anything\\b|\\ba break\\b|\\bloyalty\\b|\\bwiggle room\\b|\\broom (?:for|to) (?:move|manoeuvre|negotiate)\\b|\\b(?:match|beat) (?:it|that|theirs?|this|them|their (?:price|quote|offer|rate))\\b|\\bprice match\\b|\\bcan['’]t afford\\b)`),
    // "Can you do £4,000 if we commit for 12 months?": a counter-offer, or a commitment traded for a price.
    reading('makes a counter-offer', `\\b(?:can|could|would|will) you (?:do|go (?:down )?to|accept|take|manage|stretch to|meet (?:me|us) at)\\s+(?:it for\\s+|that for\\s+)?[£$€]\\s?\\d|\\b(?:if|when) (?:we|i) (?:commit|sign up|sign|pay (?:upfront|up front|annually|yearly))\\b[^.!?\\n]{0,40}\\b(?:price|rate|discount|deal|[£$€]\\s?\\d|cheaper|less)\\b`),
    reading('asks for a quote', `\\b(?:a quote|quotation|a proposal|custom pricing|volume pricing)\\b`),
    // "X is offering me 21p a unit. Match it": a rival's offer and a demand to meet it.
    reading('asks to match an offer', `\\b(?:offer(?:ing|ed)?|quot(?:ing|ed)|giving) (?:me|us)\\b[^.!?\\n]{0,60}[.!?]?\\s*[^.!?\\n]{0,20}\\b(?:match|beat) (?:it|that|theirs?|this|them)\\b|\\b(?:can|could|will|would) you (?:match|beat) (?:it|that|theirs?|this|them)\\b`),
    // What growth would cost ("60 more employees: what would that do to our bill?") is a quote, whichever comes first.
    reading('asks what growth would cost', `\\b${GROWTH}\\b[^?]{0,160}\\b${PRICE_WORD}\\b[^?]{0,60}\\?|\\b${PRICE_WORD}\\b[^?]{0,120}\\b${GROWTH}\\b[^?]{0,60}\\?`),
    // "Can we change the terms or are we locked in?": the contract itself, not a setting.
    reading('asks to change a contract', `\\b(?:change|renegotiate|alter|amend|get out of|break|exit|end|leave) (?:the|our|my|this) (?:terms|contract|agreement|deal|fixed rate|tie-in)\\b|\\b(?:locked|tied) in(?:to (?:the|a|this|our|my) (?:contract|agreement|deal|term))?\\?`),
    reading('negotiates terms', `\\b(?:(?:re-?)?negotiat\\w*|contract terms|multi-?year|renewal (?:price|pricing|quote|terms)|price (?:increase|rise|hike))\\b`),
  ],
  churn: [
    reading('wants to leave', `\\b(?:close|closing|cancel|cancell?(?:ing|ed)|terminat(?:e|ing)|end(?:ing)?|delet(?:e|ing)|shut(?:ting)?)\\b[^.!?\\n]{0,15}\\b(?:my|our|the)\\b[^.!?\\n]{0,15}\\b(?:account|subscription|membership|plan|contract|service|tenancy|lease|policy|agreement)\\b`),
    reading('moving to a competitor', `\\b(?:moving|move|switching|switch|taking|take|leaving|leave|going|go)\\b[^.!?\\n]{0,30}\\b(?:to (?:another|a different) (?:bank|provider|supplier|vendor|platform|company|network|airline|service|school|retailer)|elsewhere|(?:a |to a )?competitor|other (?:bank|provider|supplier|vendor|platform)|somewhere else)\\b`),
    reading('looking for another provider', `\\b(?:find|found|finding|look(?:ing)? for|go(?:ing)? (?:to|with)|try(?:ing)?) (?:a |another |a new |a different |a better |some other )(?:supplier|provider|bank|company|insurer|landlord|agent|agency|service|platform|airline|app|gym|school|network)\\b|\\bfinal (?:bill|invoice|statement)\\b`),
    reading('going elsewhere from now on', `\\b(?:buy|book|go|order|shop) direct\\b|\\b(?:from now on|in future|next time) (?:i|we)(?:['’]ll| will| am going to) (?:use|go|buy|book|shop|order)\\b`),
    reading('moving away from the service', `\\b(?:emigrating|moving abroad|moving overseas)\\b|\\b(?:moving|relocating)\\b[^.!?\\n]{0,60}\\b(?:there['’]s no|there is no|there are no|you don['’]t have (?:an?|any)|isn['’]t an?) \\w+`),
    reading('thinking of leaving', `\\b(?:thinking of|thinking about|considering|about to|going to|tempted to|ready to) (?:just )?(?:deleting|delete|leaving|leave|cancell?ing|cancel|closing|close|quitting|quit|switching|switch|moving|move|giving up|give up|unsubscrib\\w*|ditching|ditch|dropping|drop|dumping|dump)\\b`),
    // An ultimatum: "match it or I'm switching", "fix this or we'll cancel".
    reading('threatens to leave', `\\bor (?:else )?(?:i|we)(?:['’]m| am|['’]re| are|['’]ll| will)(?: be)? (?:switching|leaving|cancell?ing|going elsewhere|moving|taking my business|closing)\\b`),
    // "I'd like to cancel, please": cancelling with no object is cancelling the service.
    reading('wants to cancel', `\\b(?:like|want|wish|need|going|ready|decided|trying) to cancel(?=\\s*(?:please|now|today|asap|[.!,;]|$)|\\s+(?:everything|the lot|altogether|completely))`),
    reading('has lost faith', `\\blost (?:all )?(?:faith|trust|confidence) in (?:you|your|this|the company)\\b|\\b(?:don['’]t|do not|can['’]t|cannot) trust (?:you|your company) any ?more\\b`),
    reading('mentions a competitor', `\\b(?:your|a|another|the other) (?:competitors?|rivals?)\\b`),
    reading('weighing alternatives', `\\b(?:looking at|considering|exploring|evaluating|weighing|comparing|shopping around|reviewing) (?:\\w+ ){0,2}?(?:alternatives|other (?:vendors|providers|platforms|suppliers|banks|tools|options))\\b|\\bcomparison of \\w+ (?:against|with|to)\\b|\\bcompar(?:e|ing) \\w+ (?:against|with) (?:two|three|other|a few)\\b`),
    reading('no longer worth it', `\\b(?:not|isn['’]t|no longer)\\b[^.!?\\n]{0,15}\\b(?:worth it|for me|for us)\\b[^.!?\\n]{0,10}\\b(?:anymore|any more|any longer)?|\\bstop (?:the|my|our|all) (?:payments|subscription|billing)\\b|\\b(?:move|moving|transfer(?:ring)?) (?:all )?(?:my|our) (?:money|savings|funds|business)\\b`),
  ],
  legal: [
    reading('legal action', `\\b(?:lawyer|solicitor|attorney|legal action|court|sue|suing|tribunal|ombudsman|regulator|trading standards|small claims|formal complaint)\\b`),
  ],
};

/** The first sign of `topic` in the customer's text, or undefined. */
export function detectCustomerTopic(text: string, topic: CustomerTopic): Detection | undefined {
  return findFirst(text, READINGS[topic]);
}

export function isCustomerTopic(id: string): id is CustomerTopic {
  return (CUSTOMER_TOPICS as readonly string[]).includes(id);
}

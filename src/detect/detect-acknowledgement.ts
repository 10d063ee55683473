import { findAll, oneOf, reading, rememberLast, type Detection } from './detection.js';

/** Feelings and weights a reply can name: "that's stressful", "a worrying message to get". */
const FEELING = oneOf(
  'frustrat\\w*', 'stress\\w*', 'worr\\w*', 'scar\\w*', 'frighten\\w*', 'terrif\\w*', 'shock\\w*', 'embarrass\\w*',
  'humiliat\\w*', 'miserable', 'gutting', 'awful', 'horrible', 'upsetting', 'upset', 'distressing',
  'alarming', 'unnerving', 'annoying', 'infuriating', 'maddening', 'disappointing', 'concerning', 'nerve-?wracking',
  'rough', 'tough', 'hard', 'difficult', 'painful', 'heartbreaking', 'exhausting', 'unsettling', 'confusing',
  'overwhelming', 'nightmare', 'a (?:long|lot|big deal|real (?:worry|pain|cost|blow|problem|setback))', 'annoyance', 'serious', 'terrible', 'unfair',
  'anxious', 'nervous', 'daunting', 'a lot to (?:deal with|handle)', 'the last thing you need',
);

/** Judging the situation on the customer's side: "not acceptable", "shouldn't have happened". */
const FAULT_OWNED = oneOf(
  "(?:is|was|isn['’]t|wasn['’]t|is not|was not|['’]s not)\\s+(?:\\w+\\s+)?(?:acceptable|ok|okay|good enough|right|fair|what (?:you|we) (?:expect|should|want))",
  "should(?:n['’]t| not) have (?:happened|had to|been)",
  'not the (?:experience|service|standard)',
  '(?:our|my) (?:mistake|fault|error)',
  'we (?:got (?:this|it) wrong|let you down|dropped the ball|should have)',
  "you['’]re (?:right|not wrong)", 'you are right', 'fair (?:point|question|enough)',
  // Naming the failure for what it is, and the customer's right to act on it.
  "(?:is|was|are|were|['’]s) (?:\\w+ )?(?:unacceptable|not good enough|not on)", 'you have every right to', "you(?:['’]re| are) (?:entitled|right) to (?:be|feel)",
  // Siding with the complaint: "that's fair", "completely fair" as its own clause (not "it's fair to say").
  "(?:that['’]s|that is|it['’]s|(?:completely|totally|entirely|perfectly|absolutely|very)) fair(?= *[.;:!,—–]| *$)",
  // "isn't something you should have to put up with", "you shouldn't have to chase us".
  "(?:shouldn['’]t|should not|should never|don['’]t|do not|not something (?:you|anyone) should|no one should|nobody should) (?:ever )?have to (?:put up with|deal with|go through|chase|keep chasing|worry about|wait)",
);

const READINGS = [
  reading('apology', `\\b(?:sorry|apologi[sz]e|apologies|i regret|we regret)\\b`),
  reading('names the feeling', `\\b(?:is|are|was|were|['’]s|be|sounds|feels|feel|seems|looks|must be|can be|would be|what a|how)\\s+(?:(?:a|an|so|really|very|genuinely|truly|understandably|incredibly|deeply|pretty|especially|such|quite|completely|like)\\s+){0,3}${FEELING}\\b`),
  // "Would make anyone nervous", "leaves you feeling stuck".
  reading('names the feeling', `\\b(?:make|makes|made|making|leave|leaves|left|leaving) (?:anyone|anybody|most people|you|me|us|people)(?: feel(?:ing)?)? (?:\\w+ )?${FEELING}\\b|\\b(?:anyone|anybody|most people) would (?:be|feel) (?:\\w+ )?${FEELING}\\b`),
  reading('names the feeling', `\\b(?:understandably|no wonder|i['’]d be (?:\\w+ ){0,1}(?:worried|upset|frustrated|annoyed|concerned|nervous) too)\\b`),
  reading('shows understanding', `\\bi (?:completely |totally |fully |really |can |do )?(?:understand|can see|can imagine|can tell|know how|know what|know this|know that|hear you|get (?:it|why|that))\\b`),
  reading('owns the fault', `\\b${FAULT_OWNED}\\b`),
  reading('validates the worry', `\\b(?:right|good|sensible|smart|wise) (?:to|that you) (?:check|ask|flag|get in touch|tell|contact|be (?:careful|cautious|worried|concerned))`),
  reading('validates the worry', `\\b(?:did|doing|done|do|is|was) (?:exactly |absolutely |just )?the right (?:thing|move|call|step)\\b|\\b(?:completely |totally |entirely |perfectly |very |so )?understandable\\b`),
  reading('thanks for patience or candour', `\\bthank(?:s| you) (?:so much |very much )?for (?:your patience|bearing with|being (?:patient|upfront|honest)|telling us|telling me|letting us know|letting me know|flagging|raising|the heads-up|asking|explaining|sharing)\\b`),
  reading('meets the problem head-on', `\\b(?:oh no|not ideal|let['’]s (?:get|sort|fix) (?:this|that|it|you)|i['’]ll (?:sort|fix|get) (?:this|that|it) (?:out|sorted|fixed)? ?(?:for you|straight away|right away|now|today)|glad you (?:asked|got in touch|reached out|told us|flagged))\\b`),
  reading('shares the relief', `\\b(?:(?:i['’]m|i am|we['’]re|we are|so|really) )?glad (?:you(?:['’]re| are)|nobody|no one|everyone|to hear|it['’]s|he['’]s|she['’]s|they['’]re)\\b|\\bthat['’]s (?:what|the main thing that) matters\\b|\\bthe (?:main|important) thing is\\b`),
  reading('reassures', `\\b(?:don['’]t worry|do not worry|try not to worry|no need to (?:worry|panic|feel bad)|nothing to worry about|you(?:['’]re| are) not (?:the only one|alone|going to lose|stupid|silly|foolish|an idiot|to blame|at fault|overreacting|being difficult)|(?:a |really |very |quite |such a )?common (?:slip|mistake|question|worry|thing to happen)|it happens to (?:lots of|many|plenty of|careful|the best)|(?:your|the) (?:money|account|data|booking|place) is safe|(?:you|nothing)(?: has|['’]ve| have)? (?:not )?lost (?:nothing|anything))\\b`),
  reading('shares the good news', `\\b(?:congratulations|congrats|how exciting|lovely to hear|great to hear|good to hear|glad to hear|happy to hear)\\b`),
  reading('condolence', `\\b(?:condolences|so sorry for your loss|sorry to hear about your loss|thinking of you)\\b`),
];

/** Apologies that name nothing: they do not show the customer was heard. */
const BOILERPLATE = [
  reading('stock apology', `\\b(?:we|i)?\\s*(?:apologi[sz]e|are sorry|['’]re sorry|am sorry|['’]m sorry|regret|sorry)\\s+for\\s+any\\s+(?:inconvenience|trouble|confusion|frustration|distress)\\b`),
  reading('stock apology', `\\b(?:sorry|apologi(?:es|ze|se)) for the inconvenience\\b`),
  reading('stock apology', `\\bsorry to hear (?:about )?(?:that|this|your (?:recent )?experience)(?=\\s*[.!,]|$)`),
  reading('stock apology', `\\bsorry to hear (?:that )?you(?:['’]re| are) (?:having|experiencing) (?:some |any )?(?:trouble|issues|problems|difficulties|difficulty)\\b`),
  reading('stock apology', `\\bwe regret (?:any|the) inconvenience\\b`),
];

export interface Acknowledgement {
  /** The first acknowledgement that is not boilerplate, if any. */
  sincere?: Detection;
  /** Stock apologies ("sorry for any inconvenience"). */
  boilerplate: Detection[];
  /** Apologies of any kind, counted for over-apology. */
  apologies: number;
}

/**
 * Whether the reply acknowledges how the customer feels or what the problem costs them: a sincere
 * apology, naming the feeling or its weight ("that's a stressful morning"), showing understanding,
 * owning the fault, validating the worry, thanking for patience, sharing good news. A stock
 * apology that names nothing is reported separately: it is not an acknowledgement.
 */
export const detectAcknowledgement: (reply: string) => Acknowledgement = rememberLast(readAcknowledgement);

function readAcknowledgement(reply: string): Acknowledgement {
  const boilerplate = findAll(reply, BOILERPLATE);
  const all = findAll(reply, READINGS);
  const insideBoilerplate = (d: Detection) => boilerplate.some((b) => d.span.start >= b.span.start && d.span.end <= b.span.end);
  const sincere = all.find((d) => !insideBoilerplate(d));
  const apologies = all.filter((d) => d.label === 'apology').length;
  return { ...(sincere ? { sincere } : {}), boilerplate, apologies };
}


import type { LexiconEntry } from './lexicon-entry.js';

/**
 * Politeness strategies for {@link scorePoliteness}, after the request features of
 * Danescu-Niculescu-Mizil et al. (ACL 2013, "A computational approach to politeness"): gratitude,
 * deference, greetings, apologies, counterfactual modals and hedges raise politeness; direct
 * questions, sentence-initial "you"/"so"/"but", factuality claims, commands and negative
 * judgements lower it. Effects are points on the 1–5 scale and were set by hand, then adjusted on
 * the tuning half only of the Wikipedia politeness data (see scripts/eval-politeness.js).
 * Every entry is a general cue; none is drawn from a particular text.
 */
export const POLITENESS_LEXICON: readonly LexiconEntry[] = [
  {
    id: 'gratitude',
    label: 'gratitude',
    phrases: ['thank you', 'thanks', 'thank u', 'thx', 'many thanks', 'much appreciated', 'grateful'],
    patterns: ['\\bappreciate(?:d|s)?\\b'],
    effect: 1.2,
    note: 'Thanking is the strongest single politeness marker in the Stanford corpus.',
  },
  {
    id: 'deference',
    label: 'deference / compliment',
    phrases: ['great work', 'nice work', 'good work', 'good job', 'great job', 'well done', 'good point', 'fair question', 'good question', 'great question', 'you are right', "you're right", 'kind of you', 'nice catch', 'excellent', 'impressive', 'wonderful', 'awesome work', 'congratulations', 'congrats', 'good luck', 'welcome'],
    effect: 0.55,
    note: 'Praising the other person\'s work or point before asking softens the request.',
  },
  {
    id: 'greeting',
    label: 'greeting',
    patterns: ['{S}(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\\b'],
    effect: 0.6,
    note: 'Opening with a greeting marks the message as social, not a bare demand.',
  },
  {
    id: 'apology',
    label: 'apology',
    phrases: ['sorry', 'apologize', 'apologise', 'apologies', 'excuse me', 'pardon', 'my bad', 'forgive me', 'i regret'],
    effect: 0.45,
    note: 'Apologising for the imposition is a negative-politeness strategy.',
  },
  {
    id: 'please',
    label: 'please',
    patterns: ['(?<![.!?]\\s*|^\\s*)\\b(?:please|pls|plz)\\b'],
    effect: 0.8,
    note: '"Please" inside a sentence softens a request.',
  },
  {
    id: 'please-start',
    label: 'sentence-initial please',
    patterns: ['{S}(?:please|pls|plz)\\b'],
    effect: -0.3,
    note: 'Sentence-initial "please" fronts a command ("Please stop…"); the corpus rates it slightly impolite, as the paper found.',
  },
  {
    id: 'counterfactual-modal',
    label: 'indirect request (could/would you)',
    patterns: ['\\b(?:could|would) you\\b', '\\bwould it be (?:possible|ok|okay|alright)\\b', '\\bwould you mind\\b', '\\bif you (?:could|would|have time|get a chance|don\'t mind)\\b', '\\bdo you mind\\b', '\\b(?:may|might) i\\b'],
    effect: 0.7,
    note: 'Counterfactual modals ask without presuming the answer is yes.',
  },
  {
    id: 'indicative-modal',
    label: 'direct request (can/will you)',
    patterns: ['\\b(?:can|will) you\\b'],
    effect: 0.35,
    note: '"Can you" is still a question rather than a command, but less deferential than "could you".',
  },
  {
    id: 'hedge',
    label: 'hedge',
    phrases: ['i think', 'i believe', 'i suppose', 'i guess', 'perhaps', 'maybe', 'possibly', 'might', 'i wonder', 'i was wondering', 'i suggest', 'it seems', 'seems to', 'if possible', 'if that helps', 'i feel', 'in my opinion', 'i\'m not sure', 'i am not sure', 'not sure', 'probably', 'kind of', 'sort of', 'would like', 'i\'d like', 'wondering'],
    effect: 0.25,
    note: 'Hedges leave room for the other person to disagree.',
  },
  {
    id: 'indirect-by-the-way',
    label: 'indirect opener (by the way)',
    phrases: ['by the way', 'btw', 'just wanted to', 'just wondering', 'quick question'],
    effect: 0.2,
    note: 'Indirect openers frame the request as incidental.',
  },
  {
    id: 'willing-to-help',
    label: 'offer of help',
    phrases: ['happy to help', 'glad to help', 'let me know', 'feel free', 'i can help', 'i\'d be happy', 'i would be happy', 'i\'d be glad', 'if you need', 'hope this helps', 'hope that helps', 'hope you', 'no problem'],
    effect: 0.5,
    note: 'Offering help or an open door signals goodwill.',
  },
  {
    id: 'first-person-plural',
    label: 'inclusive we',
    patterns: ['\\b(?:let\'s|let us|we could|we can|shall we)\\b'],
    effect: 0.1,
    note: 'Inclusive "we"/"let\'s" frames the task as shared.',
  },
  {
    id: 'direct-question',
    label: 'direct question (why/what/how)',
    patterns: ['{S}(?:why|what|how|where|who)\\b(?![^.!?]*\\b(?:could|would|might)\\b)[^.!?]*\\?'],
    effect: -0.3,
    note: 'Bare wh-questions ("Why did you…?") read as challenges in the corpus.',
  },
  {
    id: 'why-challenge',
    label: 'challenging why',
    patterns: ['\\bwhy (?:did|do|would|are|were|is|does|didn\'t|don\'t|won\'t|can\'t|haven\'t|hasn\'t|would)\\s+(?:you|u)\\b', '\\bwhy on earth\\b', '\\bwhy the hell\\b', '\\bwhat\'s (?:your|the) problem\\b', '\\bwhat (?:is|are) you (?:doing|talking)\\b'],
    effect: -0.8,
    note: '"Why did you…" asks the other person to justify themselves.',
  },
  {
    id: 'you-start',
    label: 'sentence-initial you',
    patterns: ['{S}(?:you|your|u)\\b'],
    effect: -0.35,
    note: 'Starting with "you" tends to point at the other person ("You removed…").',
  },
  {
    id: 'direct-start',
    label: 'abrupt sentence start (so/but/and/then)',
    patterns: ['{S}(?:so|but|and|then|now|well|ok|okay)\\b[,]?'],
    effect: -0.35,
    note: 'Opening with a connective jumps straight into argument.',
  },
  {
    id: 'factuality',
    label: 'factuality claim',
    phrases: ['in fact', 'actually', 'the fact is', 'the truth is', 'the point is', 'the reality is', 'really', 'obviously', 'clearly', 'of course', 'seriously', 'honestly', 'frankly'],
    effect: -0.4,
    note: 'Insisting on facts ("actually", "the point is") reads as contradiction.',
  },
  {
    id: 'obligation',
    label: 'obligation (you need to/should)',
    patterns: ['\\b(?:you|u) (?:need|have|must|ought|should|better)\\b(?! (?:be able|feel))'],
    effect: -0.15,
    note: '"You need to/should" leaves no room to decline.',
  },
  {
    id: 'prohibition',
    label: 'prohibition (stop/don\'t)',
    patterns: ['{S}(?:stop|quit|don\'t|do not|never)\\b', '\\b(?:stop|quit) (?:\\w+ing)\\b'],
    effect: -0.5,
    note: 'Telling someone to stop or not to do something is a face threat.',
  },
  {
    id: 'command-start',
    label: 'bare command at sentence start',
    patterns: ['{S}(?:read|explain|answer|tell|give|show|leave|learn|get|go|do|take|provide|keep|cite|prove|justify|discuss)\\b(?![^.!?]*\\b(?:please|thanks|thank)\\b)'],
    effect: -0.15,
    note: 'A sentence that opens on a bare verb is an order ("Explain why…").',
  },
  {
    id: 'help-request',
    label: 'asks for help',
    patterns: ['\\b(?:your|any|some|the|for|of) help\\b', '\\bhelp (?:me|us|out|with)\\b', '\\b(?:be )?(?:willing|able|interested) (?:to|in)\\b'],
    effect: 0.6,
    note: 'Framing a request as needing help (or asking if someone is willing) defers to the other person.',
  },
  {
    id: 'opinion-seeking',
    label: 'asks for their view',
    phrases: ['your thoughts', 'any thoughts', 'what do you think', 'your opinion', 'your input', 'your advice', 'any advice', 'any suggestions', 'your feedback', 'any feedback', 'your view', 'do you think'],
    effect: 0.6,
    note: 'Asking for the other person\'s view treats them as a peer.',
  },
  {
    id: 'positive-words',
    label: 'positive wording',
    phrases: ['good', 'great', 'nice', 'cool', 'interesting', 'glad', 'happy', 'love', 'lovely', 'enjoy', 'enjoyed', 'beautiful', 'helpful', 'useful', 'fine'],
    effect: 0.25,
    note: 'Positive evaluative words lift the tone (the paper\'s positive-lexicon feature).',
  },
  {
    id: 'why',
    label: 'why-question',
    phrases: ['why'],
    effect: -0.6,
    note: '"Why" asks for justification; it is the most impolite single word in the corpus.',
  },
  {
    id: 'negation',
    label: 'negation',
    patterns: ['\\b(?:not|no|never|nothing|nobody|none)\\b', 'n[\'’]t\\b'],
    effect: -0.2,
    note: 'Negation tends to contradict or refuse; a weak cue on its own.',
  },
  {
    id: 'first-person-start',
    label: 'sentence starts with I',
    patterns: ['{S}(?:I|I\'ve|I\'m|I\'d|I\'ll)\\b'],
    effect: 0.25,
    note: 'Opening with "I" frames the message from the speaker\'s side rather than pointing at the reader.',
  },
  {
    id: 'negative-judgement',
    label: 'negative judgement',
    phrases: ['wrong', 'stupid', 'nonsense', 'ridiculous', 'absurd', 'ignorant', 'idiot', 'idiotic', 'pathetic', 'lazy', 'vandalism', 'vandal', 'vandalize', 'vandalizing', 'garbage', 'crap', 'rubbish', 'bullshit', 'damn', 'hell', 'sucks', 'useless', 'pointless', 'incompetent', 'biased', 'bias', 'lie', 'lying', 'liar', 'silly', 'dumb', 'terrible', 'awful', 'mess', 'disruptive', 'attack', 'blatant', 'unacceptable', 'childish', 'hypocrite', 'troll', 'whining', 'complain', 'no idea', 'bad faith'],
    effect: -0.45,
    note: 'Negative evaluative words are the clearest impoliteness signal.',
  },
  {
    id: 'accusation',
    label: 'accusation',
    patterns: ['\\byou (?:keep|always|never|obviously|clearly|just|even|didn\'t even|don\'t even|seem to think|apparently)\\b', '\\bdid you (?:even|not|actually)\\b', '\\bdon\'t you\\b', '\\baren\'t you\\b', '\\bhaven\'t you\\b', '\\bwhy not\\b'],
    effect: -0.6,
    note: 'Accusatory framings ("you keep…", "did you even…") attack the person.',
  },
  {
    id: 'emphasis',
    label: 'emphatic punctuation',
    patterns: ['[!?]{2,}'],
    effect: -0.6,
    note: 'Repeated !/? reads as a raised voice.',
  },
  {
    id: 'shouting',
    label: 'shouting (ALL CAPS)',
    patterns: ['\\b[A-Z]{2,}\\b(?:\\s+\\b[A-Z]{2,}\\b)+', '\\b(?!URL\\b)[A-Z]{5,}\\b'],
    caseSensitive: true,
    effect: -0.35,
    note: 'Runs of capitals read as shouting; single short acronyms (API, URL) do not count.',
  },
];

/**
 * Strategies that mark how polite a *request* is in the Stanford corpus but are ordinary in a
 * support *answer*, so the grader leaves them out when it scores a reply's brand voice:
 * - `you-start`: an answer addresses the customer ("You can…", "Your records are correct").
 * - `why`: in an answer "why" explains ("that's why", "I understand why"); challenging
 *   why-questions still count through `why-challenge` and `direct-question`.
 * - `negation`: an answer has to say what is not possible or did not happen.
 * - `command-start`: steps are imperatives; the brand-voice scorer judges bare orders itself.
 * - `negative-judgement`: in an answer "wrong", "terrible" or "mess" describe a setting or an
 *   outage, not the reader; contempt for the reader is the reply lexicon's `harsh-words`.
 * - `please-start`, `prohibition`, `obligation`, `direct-start`: an answer's steps and safety
 *   advice ("Please call us now", "Don't make him sick at home", "You need to bring ID", "So the
 *   total is…") are instructions, not face threats; measured on labelled replies from other
 *   industries, where they marked good replies down.
 */
export const REQUEST_ONLY_STRATEGIES: ReadonlySet<string> = new Set([
  'you-start', 'why', 'negation', 'command-start', 'negative-judgement', 'please-start', 'prohibition', 'obligation', 'direct-start',
]);

/**
 * {@link POLITENESS_LEXICON} without {@link REQUEST_ONLY_STRATEGIES}: the strategies that apply to a
 * reply. `factuality` drops "really", which in a reply intensifies ("really sorry", "really
 * frustrating") where in a request it insists, and "of course", which in a reply agrees ("Of
 * course, I'm connecting you now").
 */
export const ANSWER_POLITENESS_LEXICON: readonly LexiconEntry[] = POLITENESS_LEXICON.filter((entry) => !REQUEST_ONLY_STRATEGIES.has(entry.id)).map(
  (entry) => (entry.id === 'factuality' ? { ...entry, phrases: (entry.phrases ?? []).filter((phrase) => phrase !== 'really' && phrase !== 'of course') } : entry),
);

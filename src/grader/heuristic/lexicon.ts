import type { LexiconEntry } from './lexicon-entry.js';

/**
 * Support-reply lexicons of the heuristic grader. Each list is read by the scorer named in its
 * TSDoc; the politeness strategies live in `politeness-lexicon.ts`. Bump {@link LEXICON_VERSION}
 * whenever an entry or effect changes: it feeds the grader's `promptHash`, so cached grades and
 * audit diffs can tell heuristic versions apart.
 */
export const LEXICON_VERSION = 'heuristic-2026.3';

/** Acknowledging and validating the customer's feelings or point (empathy, tone match). */
export const ACKNOWLEDGEMENT: readonly LexiconEntry[] = [
  {
    id: 'validate-feeling',
    label: 'validates the customer\'s feelings',
    patterns: [
      '\\bi (?:completely |totally |fully |really )?(?:understand|can see|can imagine|hear you|get it)\\b',
      '\\b(?:that|this|it) (?:must|would|sounds|is) (?:be )?(?:so |really |very |incredibly |understandably )?(?:frustrating|stressful|annoying|disappointing|upsetting|worrying|inconvenient|difficult|hard|confusing)\\b',
      '\\bunderstandably\\b',
      '\\bhow (?:frustrating|stressful|disappointing|annoying)\\b',
      '\\bi know how (?:frustrating|stressful|important|annoying)\\b',
      '\\b(?:far|much|way) too long\\b',
      '\\bnot (?:the experience|what) (?:you|we)\\b',
      '\\bthat\'s not (?:ok|okay|acceptable|good enough)\\b',
      // Naming the situation's weight with any subject: "Being locked out is stressful", "A 502 on your whole site is infuriating".
      '\\b(?:is|are|was|were|[\'’]s|would be|must be|can be|sounds|feels)\\s+(?:(?:a|an|so|really|very|genuinely|truly|understandably|incredibly|deeply|pretty|especially|a real)\\s+){0,2}(?:frustrating|stressful|alarming|unnerving|worrying|scary|infuriating|upsetting|maddening|annoying|disappointing|concerning|nerve-?wracking|serious|rough|tough|painful|confusing)\\b',
      '\\b(?:fair|natural|understandable|reasonable)\\s+(?:thing\\s+)?to\\s+(?:be\\s+)?(?:upset|frustrated|annoyed|angry|worried|concerned|confused)\\b',
      '\\b(?:would|will|could) drive (?:me|anyone|you|us) (?:nuts|crazy|mad|up the wall)\\b',
      '\\bi\'d be (?:frustrated|annoyed|upset|worried|angry|concerned) too\\b',
      '\\b(?:is|are|was) (?:a|the) (?:long time to wait|worst kind|last thing you need)\\b',
      '\\bno wonder\\b',
    ],
    effect: 0.9,
    note: 'Naming or validating the feeling is the core of empathy in support replies.',
  },
  {
    id: 'validate-point',
    label: 'validates the customer\'s point',
    phrases: ['fair question', 'good question', 'great question', 'you\'re right to', 'you are right to', 'you\'re right', 'you are right', 'you\'re absolutely right', 'thanks for flagging', 'thanks for letting us know', 'thank you for letting us know', 'thanks for reporting', 'thank you for reporting', 'thanks for your patience', 'thank you for your patience', 'makes sense', 'fair point', 'good catch', 'good call', 'right call', 'good instinct', 'right thing to do', 'thanks for catching', 'thanks for checking'],
    effect: 0.5,
    note: 'Agreeing that the concern is legitimate shows the reply took it seriously.',
  },
  {
    id: 'takes-seriously',
    label: 'treats it with the urgency it has',
    patterns: [
      '\\b(?:treat(?:ed|ing)?|handl(?:ed|ing)) (?:this|it|your \\w+) as (?:a |an )?(?:production |priority |urgent )?(?:incident|priority|emergency)\\b',
      '\\b(?:this|it) is (?:a |our )?(?:top |high |highest )?priority\\b',
      '\\blet[\'’]s get (?:\\w+ ){1,3}(?:working|back|running|fixed) first\\b',
    ],
    effect: 0.5,
    note: 'For a customer with production on the line, putting their problem first is how the reply says "we know how serious this is".',
  },
  {
    id: 'reassure',
    label: 'reassures the customer',
    phrases: ['you didn\'t do anything wrong', 'you did not do anything wrong', 'nothing you did', 'not your fault', 'happens a lot', 'easy to fix', 'quick to fix', 'you\'re not the only one', 'you are not the only one'],
    patterns: [
      '\\bwe can (?:get|bring) (?:it|this|that|you|the \\w+|your \\w+) back\\b',
      '\\b(?:a|one of the most) (?:common|confusing|frequent) (?:setup|question|problem|issue|mistake|parts?)\\b',
    ],
    effect: 0.5,
    note: 'Taking the worry or the self-blame off the customer is how support says "you were heard" without an apology.',
  },
  {
    id: 'owns-problem',
    label: 'owns our part',
    phrases: ['our mistake', 'our fault', 'our bug', 'our error', 'that\'s on us', 'that is on us', 'on our side, not', 'we got this wrong', 'we got that wrong', 'we should have', 'we dropped the ball'],
    patterns: [
      '\\b(?:a|the) (?:known )?(?:bug|fault|issue|problem) (?:on our side|in our)\\b',
      '\\bnot (?:the service|what) you(?:[\'’]re| are) paying (?:us )?for\\b',
      '\\blet you down\\b',
    ],
    effect: 0.5,
    note: 'Owning our part of the problem is the accountable half of empathy (the scale\'s 5 anchor).',
  },
];

/**
 * The reply doing something for the customer now, or saying who will and when (empathy: "shows
 * what we are doing about it"). Not an acknowledgement of feelings: a frustrated customer still
 * needs to hear that they were heard.
 */
export const TAKES_ACTION: readonly LexiconEntry[] = [
  {
    id: 'takes-action',
    label: 'acts on it for the customer',
    patterns: [
      '\\b(?:i|we)(?:[\'’]ve| have) (?:(?:also|already|just) )?(?:escalated|refunded|passed|connected|reissued|cleared|confirmed|fixed|restarted|reset|raised|flagged|credited|moved|started|paused|resumed|restored|extended|opened|sent|issued|put|asked)\\b',
    '\\b(?:i|we)(?:[\'’]ll| will) (?:(?:also|personally) )?(?:keep|update|follow up|check|chase|make sure|send|post|watch|monitor|start|look|stay)\\b',
      '\\b(?:i[\'’]m|we[\'’]re|i am|we are) (?:connecting|escalating|passing|treating|looking|checking|watching)\\b',
      '\\byou[\'’]ll hear from\\b',
      '\\b(?:they|she|he)[\'’]ll (?:be in touch|email|call|contact|reply|get back|confirm|reach out)\\b',
    ],
    effect: 0.4,
    note: 'Doing the work (escalating, refunding, promising a time) is what makes sympathy believable.',
  },
];

/** Words that make a sentence an apology; specificity is judged on the sentence (empathy). */
export const APOLOGY_WORDS: readonly LexiconEntry[] = [
  {
    id: 'apology',
    label: 'apology',
    phrases: ['sorry', 'apologize', 'apologise', 'apologies', 'we regret', 'i regret'],
    effect: 0.7,
    note: 'An apology that names what went wrong counts; boilerplate does not (see BOILERPLATE_APOLOGY).',
  },
];

/**
 * Form-letter sentences that answer nothing (canned; read with the situation: they are canned only
 * when nothing else in the reply answers, acknowledges or hands off).
 */
export const FORM_LETTER: readonly LexiconEntry[] = [
  {
    id: 'form-letter',
    label: 'form-letter sentence',
    phrases: ['thank you for reaching out', 'thanks for reaching out', 'thank you for your message', 'thank you for your feedback', 'thanks for your feedback', 'thank you for contacting', 'thanks for contacting', 'thank you for getting in touch', 'dear customer', 'we value your feedback', 'your feedback is important', 'your feedback has been passed', 'your feedback has been shared', 'we value all feedback'],
    patterns: [
      '\\bwe take (?:all |your )?(?:feedback|complaints|comments|concerns|this|these matters|such matters) (?:very )?seriously\\b',
      '\\b(?:always|constantly|continually) (?:looking|working|striving|aiming) to (?:improve|get better)\\b',
      '\\b(?:shared|passed|forwarded) (?:your|the) (?:comments|feedback|thoughts|review) (?:on )?(?:to|with)\\b',
      '\\bplease rate (?:your|the|our)\\b',
    ],
    effect: -0.4,
    note: 'A sentence that could end any letter shows the message was not read.',
  },
];

/** Stock apologies that name nothing (empathy, tone match). */
export const BOILERPLATE_APOLOGY: readonly LexiconEntry[] = [
  {
    id: 'boilerplate-apology',
    label: 'boilerplate apology',
    patterns: [
      '\\b(?:we|i)?\\s*(?:apologi[sz]e|are sorry|\'re sorry|am sorry|\'m sorry|regret)\\s+for\\s+any\\s+(?:inconvenience|trouble|confusion|frustration)(?:\\s+(?:this|that)\\s+(?:may|might)\\s+have\\s+caused)?',
      '\\bsorry\\s+for\\s+(?:the|any)\\s+(?:inconvenience|trouble|confusion)\\b',
      '\\bapologi(?:es|ze|se) for (?:the|any) inconvenience\\b',
      '\\bwe regret (?:any|the) inconvenience\\b',
      '\\bsorry to hear (?:that|this)(?=\\s*(?:[.!]|$))',
    ],
    effect: -0.4,
    note: 'A stock apology that names nothing reads as a script, not as being heard.',
    violation: { severity: 'info', message: 'Boilerplate apology that names nothing: “{{match}}”' },
  },
];

/** Customer-blaming language (empathy, tone match, brand voice; violation). */
export const BLAME: readonly LexiconEntry[] = [
  {
    id: 'blame',
    label: 'blames the customer',
    // "It isn't your fault" takes the blame off.
    unlessNegated: true,
    phrases: ['you failed to', 'you forgot to', 'you didn\'t follow', 'you did not follow', 'your fault', 'user error', 'if you had read', 'if you had followed', 'as I already said', 'as I already explained', 'as I said before', 'as previously stated', 'as stated previously', 'as mentioned before', 'as I mentioned before', 'like I said', 'you need to read', 'you must have', 'you should never', 'you should always have'],
    patterns: [
      // "As you were told", not "what you were told in branch" (what the company said, taken up).
      '(?<!\\b(?:what|than|everything|anything|all) )\\byou were told\\b',
      '\\b(?:configuration|config|setup|user) (?:issue|problem|error|mistake) on your (?:side|end)\\b',
      '\\b(?:issue|problem|error|mistake) is on your (?:side|end)\\b',
      '\\byour (?:configuration|config|setup|code) is (?:wrong|broken|the problem|the issue)\\b',
      // "You should have checked", not "you should have a decision by Friday" or "you shouldn't have to chase".
      '\\byou should(?:[\'’]ve| have| not have|n[\'’]t have) (?:checked|read|called|told|created|saved|done|followed|known|noticed|looked|contacted|kept|asked|booked|added|updated|used|entered|waited|cancell?ed|clicked|opened|paid|sent|registered|signed|set|turned|made sure|double-checked)\\b',
      // Telling the customer how to behave next time puts this time on them.
      '\\b(?:make sure|be sure|remember|please check|please read|always check)\\b[^.!?\\n]{0,80}\\b(?:next time|in future|in the future|before contacting us|before you contact us)\\b',
      '\\b(?:next time|in future),? (?:please )?(?:make sure|check|read|remember)\\b',
      '\\bbefore contacting us\\b',
      '\\bbecause (?:you|your \\w+) (?:didn[\'’]t|did not|hadn[\'’]t|had not|weren[\'’]t|were not|wasn[\'’]t|forgot|failed|were using|chose|entered|typed|selected|ignored)\\b',
      '\\byou were (?:using|logged in as|on) (?:the|a) (?:wrong|guest|old)\\b',
      '\\b(?:looks|seems) (?:like|as if|as though) you (?:didn[\'’]t|did not|forgot|entered|typed|missed|chose|selected|used|haven[\'’]t)\\b',
      '\\byou (?:must|need to) have (?:entered|typed|set|chosen|clicked|selected|deleted|changed)\\b',
      '\\byou (?:needed|had) to (?:be|have|make|tell|say|check|read|renew|pay|keep|let us know)\\b',
      '\\byou should(?:[\'’]ve| have) (?!received|got|gotten|had|heard|been\\b)\\w+ed\\b',
      '\\b(?:on|at|from) your (?:end|side)\\b',
      '\\byou (?:should|need to|must|have to) (?:always |really )?(?:keep|make sure|check|read|remember|ensure|be (?:\\w+ing))\\b[^.!?\\n]{0,80}\\bso (?:that )?(?:you|this|it) (?:don[\'’]t|won[\'’]t|do not|will not|doesn[\'’]t)\\b',
      '\\bif you(?:[\'’]d| had) (?:\\w+ ){0,2}?\\w+(?:ed|en|ne)\\b[^.!?\\n]{0,80}\\byou (?:wouldn[\'’]t|would not|would have|could have)\\b',
      '\\b(?:is|are|was) (?:the |your )?(?:tenant|customer|passenger|member|user|account holder|policyholder|guest|player|student|resident|patient)[\'’]?s? (?:own )?responsibility\\b|\\b(?:is|are|was) your (?:own )?responsibility\\b',
    ],
    effect: -1.0,
    note: 'Putting the fault on the customer, or reminding them they were already told, escalates conflict.',
    violation: { severity: 'error', message: 'Blames the customer: “{{match}}”' },
  },
  {
    id: 'points-at-docs',
    label: 'opens by pointing at the docs',
    patterns: [
      // The reply's first sentence (after an email greeting) says it was all written down somewhere.
      '^\\s*(?:(?:hi|hello|hey|dear)\\b[^\\n]*\\n\\s*)?[^.!?\\n]{0,60}\\b(?:is|are) (?:clearly |all |already )?(?:listed|documented|explained|described|covered|stated) (?:on|in) (?:the|our) (?:pricing page|docs|documentation|faq|help cent(?:er|re)|website|terms)\\b',
      '{S}(?:this|that|it) is (?:all |clearly |already )?(?:covered|explained|documented|described) in (?:our|the) (?:docs|documentation|faq)\\.',
    ],
    effect: -0.7,
    note: 'Leading with "it is in the docs" tells the customer they should have looked; a link after the answer is fine.',
    violation: { severity: 'warning', message: 'Points the customer at the docs instead of answering: “{{match}}”' },
  },
];

/** Sarcasm and condescension (empathy, tone match, brand voice; violation). */
export const SARCASM: readonly LexiconEntry[] = [
  {
    id: 'sarcasm',
    label: 'sarcasm / condescension',
    phrases: ['obviously', 'as anyone would know', 'as everyone knows', 'as anyone can see', 'clearly you', 'surely you', 'just read the docs', 'just read the documentation', 'read the manual', 'rtfm', 'it\'s not rocket science', 'it is not rocket science', 'not exactly rocket science', 'hardly rocket science', 'not that hard', 'not that difficult', 'even a child', 'good luck with that', 'nice try', 'with all due respect', 'no offense', 'believe it or not', 'as you should know', 'you should know', 'as clearly explained', 'as clearly stated', 'as clearly documented', 'which i\'m sure you\'ve read', 'which i am sure you have read', 'it\'s all in the docs', 'it is all in the docs'],
    // "Congratulations" is sincere on its own ("Congratulations on the growth"); sarcastic when it mocks a mistake.
    patterns: [
      // Pointing at where it was already said: the customer should have known.
      '\\bas (?:was |is )?(?:clearly |already |previously )?(?:covered|explained|mentioned|stated|shown|described|outlined|noted) (?:clearly )?(?:in|on|during|at) (?:the|our|your|page)\\b',
      '\\b(?:it[\'’]s|that[\'’]s|this is) not (?:exactly |that |very |really |too )?(?:hard|difficult|complicated|tricky|rocket science)\\b',
      '\\bi[\'’]m sure you can (?:manage|handle|work (?:it|that) out|figure (?:it|that) out)\\b',
      '\\b(?:it[\'’]s|they[\'’]re) right there\\b',
      '\\b(?:same as|like) (?:pretty much |almost )?(?:every|any) (?:other )?(?:\\w+ ){0,2}?(?:ever|out there)\\b',
      '\\bwhich you (?:chose|agreed to|accepted|selected|picked|signed up for) (?:yourself|when)\\b',
      '\\bas (?:it|the \\w+) (?:clearly )?(?:says|states|shows)\\b',
      '\\bclearly (?:says|states|stated|marked|labell?ed|shown|written)\\b',
      '\\bthe one (?:labell?ed|marked|called|that says)\\b',
      '\\b(?:that|this)[\'’]s what (?:it|they)[\'’]s? (?:are |is )?(?:there )?for\\b',
      '\\bmost (?:customers|people|users|learners|members) (?:find|manage|figure|work) (?:it|this|that)\\b',
      '\\b(?:third|second) time[\'’]s the charm\\b',
      '\\bmaybe (?:try|read|look|check)\\b[^.!?\\n]{0,60}\\?',
      '[🙃🙄😒😏]',
      '\\b(?:oh|well),? (?:great|wonderful|lovely|brilliant|fantastic|perfect)\\b',
      '\\bgood luck(?: with that)?\\b[^.!?\\n]{0,20}(?:[!?]|$)',
      // "Good luck finding one that…": wishing the customer luck against the company's own answer.
      '\\bgood luck (?:finding|getting|trying|explaining|convincing|with (?:finding|getting|that))\\b',
      // "Wasn't shiny enough for you", "if you really must": the customer's standards mocked, help given grudgingly.
      '\\b(?:wasn[\'’]t|isn[\'’]t|weren[\'’]t|aren[\'’]t|not) (?:\\w+ )?enough for you\\b|\\bif you (?:really )?(?:must|insist)\\b|\\bif you really (?:want|need) to\\b',
      '\\b(?:who knew|shocking,? i know|must be nice|nice try|sure,? because)\\b',
      '(?:^|[.!?]\\s+)imagine that[.!?]',
      '\\bas (?:i|we) (?:already |just |have |had )?(?:said|mentioned|explained|told you|stated|pointed out)\\b',
      '\\b(?:all you (?:need|have) to do is|it[\'’]s (?:really |very |quite |pretty )?(?:simple|easy|straightforward)(?: really)?[.!]|it[\'’]s not (?:hard|difficult|complicated))',
      '\\bif you (?:had )?(?:read|looked at|checked|followed)\\b',
      '\\b(?:right|literally|clearly) (?:there )?(?:on|in) (?:the|your) (?:screen|page|email|confirmation|instructions|app)\\b',
      '\\bfor (?:future|your) reference\\b',
      // Rhetorical questions at the customer: "Did you even check…?", "Have you tried reading…?"
      '\\b(?:did|have|do|are) you (?:even|actually|really|ever) (?:\\w+ ){0,3}?\\w+[^!?\\n]{0,80}\\?',
      '\\bas the name (?:suggests|says|implies)\\b|\\bit[\'’]s literally\\b|\\bthe (?:big|only|huge|giant|bright) (?:\\w+ )?(?:button|link|tab|icon)\\b',
      '\\bhave you tried (?:reading|looking|checking|turning)\\b',
      '\\b(?:as|like) (?:explained|stated|mentioned|described|shown) (?:above|below|earlier|before|previously)\\b',
      '\\b(?:pretty|fairly|quite|very|really) (?:simple|obvious|self-explanatory|straightforward)\\b|\\bself-explanatory\\b|\\bcommon sense\\b',
      '\\b(?:lucky you|what a surprise|big surprise)\\b',
      '\\b(?:oh )?(?:great|wonderful|fantastic|brilliant),? (?:another|so|just what)\\b', '\\bthanks for nothing\\b', '\\bwow,? (?:just )?wow\\b', '\\b(?:well|oh),? congratulations\\b', '\\bcongratulations,? you(?:[\'’]ve| have)? (?:just |now )?(?:managed|broken|found|discovered|deleted)\\b',
      // Mock praise of the customer's own mistake, and "what did you expect".
      '\\b(?:well done|nice (?:one|work)|good (?:job|work)|great (?:job|work)|bravo|impressive)\\b[^.!?\\n]{0,30}\\byou(?:[\'’]ve| have)? (?:somehow |actually |finally )?(?:managed|went and|broke|deleted|lost|forgot|missed)\\b',
      '\\bwhat (?:did|do|else did|else do) you (?:expect|think (?:would|was going to) happen)\\b', '\\bsurprise,? surprise\\b', '\\bfunny how\\b', '\\bfancy that\\b',
      // Talking down: telling the customer what they must understand, or explaining it "again, slowly".
      '\\b(?:you (?:need|have|ought) to (?:understand|realise|realize|appreciate)|you must (?:understand|realise|realize|appreciate))\\b',
      '\\blet me (?:spell (?:it|this|that) out|explain (?:it |this |that )?(?:slowly|more slowly|one more time|once more))\\b'],
    effect: -1.0,
    note: 'Talking down ("obviously", "simply", "just read the docs") signals the customer is at fault for not knowing.',
    violation: { severity: 'error', message: 'Sarcastic or condescending: “{{match}}”' },
  },
];

/** Dismissing the problem (empathy, tone match, brand voice; violation). */
export const DISMISSIVE: readonly LexiconEntry[] = [
  {
    id: 'dismissive',
    label: 'dismissive',
    phrases: ['whatever you say', 'not our problem', 'not my problem', 'nothing we can do', 'nothing i can do', 'there is nothing we can do', 'that\'s just how it is', 'that is just how it is', 'it is what it is', 'it\'s what it is', 'not our fault', 'not our responsibility', 'take it or leave it', 'we can\'t help you', 'we cannot help you', 'can\'t help you', 'calm down', 'relax', 'no need to shout', 'no need to be rude', 'stop complaining', 'too bad'],
    patterns: [
      // "Whatever." or "whatever, it's done": the shrug, not "whatever hours you want".
      '\\bwhatever(?=\\s*(?:[.!?;…]|$))|{S}whatever,',
      // The order "deal with it", not "you don't have to deal with it alone".
      '(?:{S}|\\bjust |\\byou(?:[\'’]ll| will) (?:just )?have to )deal with it\\b',
    ],
    effect: -1.0,
    note: 'Closing the door on the customer ("not our problem", "calm down") is the opposite of support.',
    violation: { severity: 'error', message: 'Dismisses the customer: “{{match}}”' },
  },
  {
    id: 'defensive',
    label: 'defends the company instead of helping',
    phrases: ['nothing further we can', 'nothing more we can', 'nothing more to discuss', 'nothing further to discuss', 'we are not responsible', 'we\'re not responsible', 'we are not liable', 'we\'re not liable', 'not something we are responsible for', 'no other complaints', 'no other reports', 'working as intended', 'working as designed', 'works as intended', 'works as designed', 'in line with your agreement', 'the charge is valid', 'the charge is correct', 'the bill is correct', 'the invoice is correct', 'full confidence in'],
    patterns: [
      // Vouching for our own people or process at the customer's expense.
      '\\b(?:our|the) (?:staff|team|crew|drivers?|couriers?|engineers?|agents?|partners?|technicians?|advis[eo]rs?)(?: \\w+)? (?:are|is|were|was) (?:all )?(?:highly|fully|properly|well|professionally) (?:trained|qualified|experienced)\\b',
      '\\b(?:based on|backed by) (?:extensive|careful|thorough) (?:research|testing|review)\\b',
      '\\b(?:within|in line with|in accordance with|meets|met) (?:our|the) (?:sla|terms|guidelines|service levels?|standards)\\b',
      '\\b(?:most|other|many|the majority of) (?:customers|users|people|teams|members|students|passengers|guests) (?:don[\'’]t|do not|haven[\'’]t|have not|have had no|never|adapt|manage|are happy)\\b',
      '\\b(?:this|that|it) is (?:standard|normal|expected|common) (?:practice|behaviou?r|procedure|for)\\b',
      '\\b(?:charged|applied|calculated|billed|processed) correctly\\b|\\bcorrectly (?:charged|applied|billed)\\b',
      '\\bnot something (?:\\w+ ){0,2}(?:is|are) responsible for\\b|\\b(?:a matter|an issue|something) (?:between you and|for you to take up with)\\b|\\b(?:is|are|was) (?:valid|correct|accurate) and (?:stands|will stand)\\b|\\bso the (?:fine|charge|fee|penalty) (?:is|was) (?:valid|correct)\\b',
      '\\b(?:was|were|is|are) (?:clearly )?(?:shown|displayed|disclosed|stated|set out|listed) (?:and accepted|at checkout|before you|when you|in your)\\b',
    ],
    effect: -1.0,
    note: 'Arguing that the company was right ("within the SLA", "our staff are highly trained") leaves the customer with nothing.',
    violation: { severity: 'error', message: 'Defensive: argues for the company instead of helping: “{{match}}”' },
  },
  {
    id: 'brush-off',
    label: 'brushes the customer off',
    phrases: ['closing this ticket', 'closing this case', 'closing this conversation', 'closing the ticket', 'ticket closed', 'this ticket is now closed', 'marking this as resolved', 'marking this resolved'],
    patterns: ['{S}noted\\.'],
    effect: -0.7,
    note: 'Closing the ticket for the customer, or a bare "Noted.", ends the conversation before they say it is fixed.',
    violation: { severity: 'warning', message: 'Brushes the customer off: “{{match}}”' },
  },
];

/** Slang and over-casual register (brand voice/formality, tone match; info violation). */
export const SLANG: readonly LexiconEntry[] = [
  {
    id: 'slang',
    label: 'slang / casual register',
    phrases: ['lol', 'lmao', 'rofl', 'omg', 'dude', 'bro', 'buddy', 'pal', 'no worries', 'no biggie', 'gonna', 'wanna', 'gotta', 'kinda', 'sorta', 'yeah', 'yep', 'yup', 'nope', 'cool cool', 'super easy', 'my bad', 'oops', 'whoops', 'haha', 'hehe', 'ya', 'u', 'ur', 'thx', 'pls', 'plz', 'btw', 'fyi', 'tbh', 'imo', 'k thx', 'sup', 'hey there', 'awesome sauce'],
    patterns: ['[\\p{Extended_Pictographic}]', '(?<![\\w])[:;]-?[)(DPp](?![\\w])'],
    effect: -0.5,
    note: 'Slang, text-speak and emoji read as unprofessional in most support voices.',
    violation: { severity: 'info', message: 'Casual register or emoji: “{{match}}”' },
  },
];

/** Promises nobody can keep (brand voice, tone match; violation). */
export const OVER_PROMISE: readonly LexiconEntry[] = [
  {
    id: 'over-promise',
    label: 'over-promising',
    phrases: ['100%', '100 percent', 'never again', 'never happen again', 'will never happen', 'won\'t ever happen', 'i promise', 'we promise', 'absolutely certain', 'definitely fixed', 'fixed for good', 'permanently fixed', 'completely safe', 'totally safe'],
    patterns: [
      // A guarantee given, not one denied ("recovery isn't guaranteed").
      '\\b(?:i|we)(?:[\'’]ll| will| can| do)? guarantee\\b',
      '\\b(?:is|are|it[\'’]s|that[\'’]s|you[\'’]re|you are|be|fully|completely) guaranteed\\b',
      '\\b(?:you[\'’]ll|you will|it[\'’]ll|it will|they[\'’]ll|they will) (?:definitely|certainly|absolutely|surely) (?!not\\b)\\w+',
      '\\b(?:always|never fail to) (?:land|win|get|go in|succeed|work out)\\b',
      '\\bi[\'’]ll make sure (?:you[\'’]re|you are|you get|you[\'’]ll)\\b',
      '\\b(?:i|we) can (?:promise|assure you)\\b',
      '\\bwon[\'’]t be (?:a|any) problem at all\\b|\\bthey always (?:do|say yes|agree)\\b',
      // Not the consequence of what was just done ("I've turned off auto-renew, so this won't happen again").
      '(?<!\\bso (?:that )?(?:this|that|it) )\\b(?:won[\'’]t|will not) happen again\\b',
    ],
    effect: -0.5,
    note: 'Certainty the team cannot back ("guarantee", "never again") creates the next complaint.',
    violation: { severity: 'error', message: 'Over-promises: “{{match}}”' },
  },
];

/** Policy-first openers: citing the rules before the person (brand voice; violation). */
export const POLICY_OPENER: readonly LexiconEntry[] = [
  {
    id: 'policy-first',
    label: 'policy-first opener',
    // The opener may follow an email greeting line ("Hi Sam,"): it is still the first thing said.
    patterns: ['^\\s*(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\\b[^\\n]*\\n\\s*)?(?:(?:as )?per (?:our|the) (?:policy|policies|terms|guidelines)|according to (?:our|the) (?:policy|policies|terms|guidelines)|our (?:policy|policies|terms) (?:state|states|say|says)|unfortunately,? (?:our|the) policy|please be advised|kindly be advised|be advised|please note|kindly note)\\b'],
    effect: -0.7,
    note: 'Leading with policy tells the customer the rules matter more than they do.',
    violation: { severity: 'error', message: 'Opens with policy before the person: “{{match}}”' },
  },
];

/** Bright, celebratory register; a mismatch when the customer is upset (tone match). */
export const CHEERFUL: readonly LexiconEntry[] = [
  {
    id: 'cheerful',
    label: 'cheerful / upbeat register',
    phrases: ['great news', 'good news', 'awesome', 'amazing', 'fantastic', 'yay', 'woohoo', 'no worries', 'no problem', 'happy to help', 'glad you asked', 'great question', 'super', 'exciting', 'have a great day', 'have a wonderful day', 'cheers'],
    patterns: ['!\\s*(?:\\p{Extended_Pictographic}|$)', '[\\p{Extended_Pictographic}]'],
    effect: -0.6,
    note: 'Upbeat phrases and exclamations are fine for a calm customer but jar with an angry one.',
  },
];

/** Replies that answer urgency with urgency (tone match). */
export const URGENCY_RESPONSE: readonly LexiconEntry[] = [
  {
    id: 'urgency-met',
    label: 'responds to urgency',
    phrases: ['right away', 'immediately', 'right now', 'as a priority', 'top priority', 'highest priority', 'urgent', 'urgently', 'escalated', 'escalating', 'on it now', 'looking into this now', 'within the hour', 'as soon as possible', 'asap', 'on-call', 'on call engineer', 'incident'],
    patterns: [
      '\\bwithin (?:\\d+|one|two|the next) (?:minutes?|hours?)\\b',
      // A fix that lands in seconds or minutes ("switches over in about 30 seconds") is speed, shown.
      '\\b(?:in|within) (?:about |under |less than )?(?:a few|a couple of|\\d+|one|two|three|five|ten|fifteen|twenty|thirty) (?:seconds?|minutes?)\\b',
      '\\b(?:let[\'’]s|i[\'’]ll|we[\'’]ll|i will|we will)\\b[^.!?\\n]{0,40}\\b(?:now|first)\\b',
    ],
    effect: 0.5,
    note: 'A customer in a hurry needs to hear that the reply moves at their speed.',
  },
];

/** A concrete next step or owner (clarity, active listening). */
export const NEXT_STEP: readonly LexiconEntry[] = [
  {
    id: 'next-step',
    label: 'concrete next step',
    phrases: ['i\'ve', 'i have', 'i\'ll', 'i will', 'we\'ll', 'we will', 'let me', 'next step', 'here\'s how', 'here is how', 'here\'s what', 'to fix this', 'to do this', 'go to', 'click', 'open', 'run', 'select', 'you can', 'try', 'i\'ve sent', 'i\'ve issued', 'i\'ve reset', 'refund', 'by tomorrow', 'by monday', 'by friday', 'today'],
    patterns: [
      '(?:^|\\n)\\s*(?:\\d+[.)]|[-*•])\\s+\\w',
      '\\bwithin \\d+\\b',
      '\\b\\d+\\s*(?:minutes?|hours?|days?|business days?)\\b',
      // A place in the product to go to: "Settings → Members", "Billing > Invoices".
      '(?:→|\\s>\\s)\\s*\\p{Lu}',
      // A command to run, quoted as code.
      '`[^`\\n]+`',
    ],
    effect: 0.7,
    note: 'Saying who does what next is what turns sympathy into help.',
  },
];

/** Pushing the customer elsewhere instead of answering (active listening). */
/**
 * Where the answer can be found instead of the answer: "You'll find our opening times on our
 * website", "Specifications can be found in the Help Centre". Weaker than a deflection: a reply that
 * answers may add a pointer, so it counts as canned only when the reply picks up none of the question.
 */
export const POINTER: readonly LexiconEntry[] = [
  {
    id: 'pointer',
    label: 'points to where the answer is',
    patterns: [
      '\\b(?:you(?:[\'’]ll| will)? (?:can )?find|can be found|(?:is|are) (?:listed|explained|available|published|posted))\\b[^.!?\\n]{0,60}\\b(?:in|on|at|via) (?:our|the) (?:\\S+ ){0,2}?(?:help ?cent(?:re|er)|faq|faqs|knowledge ?base|website|web ?site|support site|site|docs|documentation|blog|community|forum|social (?:channels|media)|app store)\\b',
    ],
    effect: -0.4,
    note: 'A pointer to the website in place of the answer makes the customer look it up themselves.',
  },
];

export const DEFLECTION: readonly LexiconEntry[] = [
  {
    id: 'deflection',
    label: 'deflects to self-service',
    phrases: ['refer to our faq', 'see our faq', 'check our faq', 'visit our help center', 'visit our help centre', 'check our help center', 'check the documentation', 'see the documentation', 'read the documentation', 'read the docs', 'contact support', 'contact our support', 'submit a ticket', 'open a ticket', 'please see our website', 'consult the manual'],
    patterns: [
      // "For more information, please read our Help Centre article…": a pointer in place of the answer.
      '\\b(?:for (?:more |further )?(?:information|details|info|help|support)(?: (?:with|on|about) [^.!?\\n]{0,30}?)?|to find out more|to learn more|you can find out more)\\b[^.!?\\n]{0,50}\\b(?:read|see|visit|check|refer to|go to|look at|find)\\b[^.!?\\n]{0,40}\\b(?:help ?cent(?:re|er)|faq|article|guide|website|page|agreement|terms|documentation|support site|policy)\\b',
      '\\bplease (?:read|see|visit|check|refer to|consult|review) (?:our|the|your) (?:\\S+ ){0,3}?(?:help ?cent(?:re|er)|faq|article|guide|website|page|agreement|terms|documentation|support site|policy)\\b',
      '\\bmore (?:about|on|information on)\\b[^.!?\\n]{0,50}\\bon our (?:\\S+ ){0,2}?(?:page|site|website|help ?cent(?:re|er)|blog)\\b',
    ],
    effect: -0.7,
    note: 'Sending the customer to a FAQ instead of answering shows the message was not read.',
  },
];

/** Restating the problem in the customer's terms (active listening). */
export const RESTATEMENT: readonly LexiconEntry[] = [
  {
    id: 'restates',
    label: 'restates the problem',
    phrases: ['it sounds like', 'sounds like', 'if i understand', 'if i\'m understanding', 'so you\'re saying', 'you mentioned', 'you said', 'you\'ve said', 'you noted', 'you\'re seeing', 'you are seeing', 'you\'re getting', 'you are getting', 'you\'ve been', 'you have been', 'since you', 'from what you describe', 'from what you\'ve described'],
    effect: 0.5,
    note: 'Playing the problem back proves it was heard.',
  },
];

/** A direct answer to a question (active listening). */
export const ANSWER_MARKER: readonly LexiconEntry[] = [
  {
    id: 'answers',
    label: 'answers the question',
    patterns: ['^\\s*(?:yes|no|yep|nope)\\b', '\\b(?:you can|you\'ll need|the reason|because|that\'s because|this happens when|here\'s how|here is how|to do this|it will|it\'ll|it takes|it costs|the answer)\\b', '\\d'],
    effect: 0.5,
    note: 'Yes/no, reasons, steps or figures are the shapes an answer takes.',
  },
];

/** Corporate and technical jargon that hurts clarity (clarity). */
export const JARGON: readonly LexiconEntry[] = [
  {
    id: 'jargon',
    label: 'jargon',
    phrases: ['leverage', 'synergy', 'synergies', 'circle back', 'touch base', 'bandwidth', 'going forward', 'at this juncture', 'at this point in time', 'pursuant to', 'aforementioned', 'hereby', 'herein', 'heretofore', 'per our', 'as per', 'kindly', 'revert back', 'do the needful', 'actionable', 'paradigm', 'best-in-class', 'value-add', 'escalation matrix', 'SLA', 'root-cause', 'deprecated', 'idempotent', 'ticket number', 'case reference', 'utilize', 'utilise', 'facilitate', 'endeavor', 'endeavour', 'in lieu of', 'notwithstanding'],
    effect: -0.35,
    note: 'Corporate or internal jargon makes the customer do the translating (words the customer used themselves do not count).',
  },
];

/** Exact commands, settings and figures (clarity: the 4 anchor is "exact commands or settings"). */
export const EXACT_DETAIL: readonly LexiconEntry[] = [
  {
    id: 'exact-detail',
    label: 'names exact commands, settings or figures',
    patterns: [
      '`[^`\\n]+`',
      '(?:→|\\s>\\s)\\s*\\p{Lu}',
      '\\b\\d+(?:\\.\\d+){1,3}\\b',
      '\\b\\d[\\d,.]*\\s?(?:%|ms|GB|MB|TB|KB|seconds?|minutes?|hours?|days?|requests?|instances?|nodes?)(?![\\p{L}])',
      '\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|io|cloud|org|net|dev|app)\\b',
    ],
    effect: 0.3,
    note: 'A command, a settings path, a version or a limit can be acted on without a follow-up question.',
  },
];

/** Insults and contempt in the reply itself (brand voice). */
export const HARSH_WORDS: readonly LexiconEntry[] = [
  {
    id: 'harsh-words',
    label: 'harsh or insulting words',
    phrases: ['stupid', 'idiot', 'idiotic', 'dumb', 'silly', 'nonsense', 'ridiculous', 'absurd', 'pathetic', 'lazy', 'garbage', 'crap', 'rubbish', 'bullshit', 'damn', 'sucks', 'whining', 'incompetent', 'childish', 'clueless', 'moron'],
    effect: -0.5,
    note: 'Contempt words are never on-brand in a reply. Words that describe a situation ("wrong", "terrible") are left out: replies use them for settings and outages, not people.',
  },
];

/**
 * Customer-side frustration (read by the customer-mood assessor). Effects here are frustration
 * points, not score points: 1 point makes a customer frustrated, 2.5 furious.
 */
export const CUSTOMER_FRUSTRATION: readonly LexiconEntry[] = [
  {
    id: 'frustration-words',
    label: 'frustrated wording',
    phrases: ['ridiculous', 'unacceptable', 'outrageous', 'unbelievable', 'appalling', 'disgraceful', 'absurd', 'furious', 'angry', 'livid', 'fed up', 'sick of', 'sick and tired', 'waste of time', 'wasting my time', 'worst', 'terrible', 'awful', 'horrible', 'useless', 'pathetic', 'joke', 'disgusting', 'how many times', 'third time', 'fourth time', 'once again', 'cancel my', 'i\'m done', 'i am done', 'what the hell', 'wtf', 'seriously', 'still not', 'still no', 'still broken', 'still waiting', 'still doesn\'t', 'still does not', 'still isn\'t', 'still can\'t'],
    // "Nobody told us" complains about being ignored; "make sure nobody used it" does not.
    patterns: ['\\b(?:nobody|no one|no-one) (?:(?:has|had|ever|even|bothered to) )?(?:told|warned|informed|replied|responded|answered|got back|contacted|helped|called|explained|cares|listens|bothered)\\b'],
    effect: 1.0,
    note: 'Complaint words show a customer who has already been let down.',
  },
  {
    id: 'repeat-contact',
    label: 'repeat contact (still/again)',
    phrases: ['still', 'again', 'keeps happening', 'keeps failing', 'every time', 'for days', 'for weeks', 'for hours'],
    effect: 0.6,
    note: '"Still" and "again" mean the problem outlived an earlier answer; weaker alone than a complaint word.',
  },
  {
    id: 'exclamations',
    label: 'repeated ! or ?!',
    patterns: ['!{2,}', '\\?!|!\\?'],
    effect: 1.0,
    note: 'Repeated exclamation marks read as a raised voice.',
  },
  {
    id: 'shouting',
    label: 'shouting (ALL CAPS)',
    patterns: ['\\b[A-Z]{2,}\\b(?:[\\s,]+\\b[A-Z]{2,}\\b){2,}', '\\b[A-Z]{4,}\\b[\\s,]+\\b[A-Z]{4,}\\b', '\\b[A-Z]{6,}\\b'],
    caseSensitive: true,
    effect: 1.0,
    note: 'ALL-CAPS runs read as shouting; a lone short acronym (API, HTTPS) does not count.',
  },
];

/** Customer-side urgency (read by the customer-mood assessor; the reply should meet it). Effect: frustration points. */
export const CUSTOMER_URGENCY: readonly LexiconEntry[] = [
  {
    id: 'urgency',
    label: 'urgent',
    phrases: ['asap', 'urgent', 'urgently', 'immediately', 'right now', 'right away', 'emergency', 'production down', 'production is down', 'prod is down', 'prod down', 'site is down', 'site down', 'outage', 'down for hours', 'losing money', 'losing customers', 'deadline', 'critical', 'blocked', 'can\'t work', 'cannot work'],
    patterns: ['\\b(?:is|are|went|has been|have been) down\\b'],
    effect: 1.0,
    note: 'Deadlines, outages and "asap" mean the reply must show speed, not just sympathy.',
  },
];

/** Verbs that may open a sentence without being a bare command (brand voice imperative check). */
export const SOFT_OPENING_VERBS: readonly string[] = ['let', 'thank', 'thanks', 'please', 'feel', 'rest', 'have', 'enjoy', 'hope', 'welcome', 'sorry', 'apologies', 'glad', 'happy', 'hang', 'bear', 'allow', 'kindly', 'note', 'see'];

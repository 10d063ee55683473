import type { Sample, SignalDefinition } from '../types.js';
import { customerText } from './customer-text.js';
import { compilePhraseMatcher, PhraseError, type PhraseMatcher } from './phrase-matcher.js';

/**
 * Built-in customer signals. Literal phrases match case-insensitively at a word start and may run
 * on into a longer word (`frustrat` → `frustrated`, `cancel` → `cancellation`); `/regex/flags`
 * phrases keep their own flags. A guide's `signals:` entry with the same id replaces one of these;
 * a new id adds a signal.
 */
export const BUILTIN_SIGNALS: readonly SignalDefinition[] = [
  {
    id: 'frustrated',
    description: 'Annoyed, angry or worn out by repeated failure',
    any: [
      'ridiculous', 'unacceptable', 'this is a joke', 'fed up', 'sick of', 'tired of', 'had enough', 'frustrat',
      'annoy', 'furious', 'angry', 'useless', 'terrible', 'awful', 'worst', 'pathetic', 'waste of time',
      'wasted my', 'still not working', "still doesn't work", 'still does not work', 'still broken',
      'third time', '3rd time', 'fourth time', 'how many times', 'again and again', 'every single time',
      'what the hell', 'wtf', 'seriously?', '!!',
      '/\\b(?:still|again)\\b[^.!?\\n]{0,40}\\b(?:not|no|never|nothing)\\b/i',
      // Shouting: three ALL-CAPS words in a row ("THIS IS BROKEN"), case-sensitive on purpose.
      '/\\b[A-Z]{2,}[\\s,]+[A-Z]{2,}[\\s,]+[A-Z]{3,}\\b/',
    ],
  },
  {
    id: 'urgent',
    description: 'Time pressure or business impact',
    any: [
      'urgent', 'asap', 'as soon as possible', 'immediately', 'right now', 'right away', 'emergency',
      'critical', 'outage', 'production is down', 'prod is down', 'site is down', 'losing money',
      'losing customers', 'losing sales', 'time-sensitive', 'time sensitive', 'deadline', "can't wait",
      'cannot wait',
      '/\\b(?:production|prod|site|website|server|service|app|api|checkout|everything)\\s+(?:is|are|went|has\\s+gone|keeps\\s+going)\\s+down\\b/i',
    ],
  },
  {
    id: 'question',
    description: 'Asks something',
    any: [
      '?',
      // A sentence that opens with a question word, even without a question mark ("how do I reset it").
      '/(?:^|[.!]\\s+)(?:how|what|why|when|where|which|who|can|could|would|will|is|are|do|does|did|should)\\b/im',
    ],
  },
  {
    id: 'confused',
    description: 'Does not understand the product or the previous answer',
    any: [
      'confus', "don't understand", 'do not understand', "doesn't make sense", 'does not make sense',
      'makes no sense', 'not sure what', 'not sure how', 'no idea how', 'no idea what', 'what do you mean',
      'what does that mean', 'unclear', "i'm lost", 'i am lost', "i'm not following", 'not following',
    ],
  },
  {
    id: 'churn-risk',
    description: 'Talks about leaving, cancelling or moving to a competitor',
    any: [
      'cancel', 'unsubscrib', 'close my account', 'delete my account', 'terminate', 'refund', 'competitor',
      'not renewing', "won't renew", 'will not renew', 'take my business elsewhere', 'go elsewhere',
      'look elsewhere', 'looking at alternatives', 'done with you',
      '/\\b(?:switch|switching|move|moving|migrate|migrating)\\s+to\\b/i',
      "/\\b(?:i'm|i am|we're|we are|i will be|we will be|i'll be|we'll be)\\s+leaving\\b/i",
    ],
  },
];

/** Detects customer signals in a sample's customer context; `ids` lists every signal it knows. */
export type SignalDetector = ((sample: Sample, text?: string) => Set<string>) & { readonly ids: ReadonlySet<string> };

/** A phrase of a signal definition could not be compiled. */
export class SignalError extends Error {
  constructor(
    readonly signalId: string,
    /** Index into the definition's `any` list. */
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'SignalError';
  }
}

/**
 * Compiles the built-in signals merged with a guide's `definitions` (same id replaces, new id
 * adds) into a detector. Signals look at {@link customerText}: the customer's turns, never the reply.
 *
 * @throws {SignalError} for an empty phrase or an invalid/unsafe regex in a guide definition.
 */
export function compileSignals(definitions: readonly SignalDefinition[] = []): SignalDetector {
  const merged = new Map<string, readonly string[]>();
  for (const def of BUILTIN_SIGNALS) merged.set(def.id, def.any);
  for (const def of definitions) merged.set(def.id, def.any);

  const matchers: { id: string; match: PhraseMatcher }[] = [];
  for (const [id, any] of merged) {
    try {
      matchers.push({ id, match: compilePhraseMatcher(any, { mode: 'prefix' }) });
    } catch (error) {
      if (error instanceof PhraseError) throw new SignalError(id, error.index, error.message);
      throw error;
    }
  }

  // `text` lets the rule engine pass the customer text it already built for this sample.
  const detect = (sample: Sample, text: string = customerText(sample)): Set<string> => {
    const found = new Set<string>();
    if (text === '') return found;
    for (const { id, match } of matchers) if (match(text, 1).length > 0) found.add(id);
    return found;
  };
  return Object.assign(detect, { ids: new Set(merged.keys()) as ReadonlySet<string> });
}

/**
 * Engagement with the customer's topic by meaning, not by literal reuse: content words of the
 * customer and the reply meet on a light stem ("delivered" ~ "delivery", "charges" ~ "charged"),
 * and the customer's numbers and references ("order 66120", "£312", "EH6 5QT") count when the
 * reply uses them in any form ("#BC-66120").
 */

const STOPWORDS = new Set(
  ('a about above after again against all also am an and any are aren as at be because been before being below between both but by can could did do does doing done down during each few for from further get got had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself hi hello hey dear thanks thank please regards best cheers sorry yes ok okay still really actually even much many one two three would like want need know think make made way thing things time today yesterday tomorrow week month year since already yet back help team support anything something everything nothing someone anyone every never ever going gone keep kept said says tell told ask asked let lets able'
  ).split(' '),
);

/** A stem that merges inflections and common derivations; deliberately crude, never a lemma lookup. */
export function stemWord(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, '');
  for (const suffix of ['ational', 'ations', 'ation', 'ments', 'ment', 'ness', 'ingly', 'ings', 'ing', 'edly', 'ies', 'ied', 'ers', 'er', 'ed', 'ly', 'es', 's', 'y', 'e']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      // "banned" → "ban", "shipping" → "ship": the consonant doubled for the suffix goes with it
      // (not l, s, z or f, which double in the word itself: "billed", "missed").
      if (/^(?:ing|ings|ingly|ed|edly|er|ers)$/u.test(suffix) && /([bdgkmnprt])\1$/u.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  return w.length > 6 ? w.slice(0, 6) : w;
}

/** "it's", "I’m", "can't", "don't": a contraction of stopwords says nothing about the topic. */
function isStopwordContraction(word: string): boolean {
  const base = word.replace(/['’](?:s|m|re|ve|ll|d|t)$/u, '');
  return base !== word && (STOPWORDS.has(base) || (base.endsWith('n') && STOPWORDS.has(base.slice(0, -1))));
}

/** Content stems of `text`, each with the first word (lower-case) that produced it. */
export function contentStems(text: string): Map<string, string> {
  const stems = new Map<string, string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    // "BC-74028" reads as "BC-": the hyphen before a number is not part of a word.
    const word = m[0].replace(/[-'’]+$/u, '');
    if (word.length < 3 || STOPWORDS.has(word) || isStopwordContraction(word)) continue;
    const stem = stemWord(word);
    if (!stems.has(stem)) stems.set(stem, word);
  }
  return stems;
}

function numbers(text: string): Set<string> {
  return new Set([...text.matchAll(/\d[\d,.]*\d|\d/gu)].map((m) => m[0].replace(/[,.]/gu, '')).filter((n) => n.length >= 2));
}

/** The customer's questions: sentences with a question mark or opening with a question word. */
function questionsOf(text: string): string {
  return text
    .split(/(?<=[.!?\n])\s+/u)
    .filter((s) => s.includes('?') || /^(?:how|what|why|when|where|which|who|can|could|would|will|is|are|do|does|did|should)\b/iu.test(s.trim()))
    .join(' ');
}

export interface Engagement {
  /** The reply's words (lower-case) whose stems the customer's words share, for evidence. */
  shared: string[];
  /** Customer content stems (what there was to engage with). */
  customerStems: number;
  /** Customer numbers/references the reply repeats. */
  sharedNumbers: string[];
  /** 0..1: shared stems over min(customer stems, 4), plus a quarter per shared number, capped at 1. */
  score: number;
  /**
   * The customer asked something with at least two content words and the reply shares none of
   * them (nor a number): it may answer a different question. Undefined when there was no question.
   */
  questionMissed?: boolean;
  /** Content stems of the message the reply answers (when it is not everything the customer said): "yes" or a postcode alone gives nothing to pick up. */
  askedStems: number;
}

/**
 * `customer` is everything the customer said (details given in any turn count); `asked` is the
 * message the reply answers (default: all of it), whose questions decide `questionMissed` — in a
 * conversation, a question from three turns back was answered then.
 */
export function detectEngagement(reply: string, customer: string, asked: string = customer): Engagement {
  const customerStems = contentStems(customer);
  const replyStems = contentStems(reply);
  const shared = [...customerStems.keys()].filter((s) => replyStems.has(s)).map((s) => replyStems.get(s) ?? s);
  const replyNumbers = numbers(reply);
  const sharedNumbers = [...numbers(customer)].filter((n) => replyNumbers.has(n));
  const base = customerStems.size === 0 ? 1 : shared.length / Math.min(customerStems.size, 4);
  const question = contentStems(questionsOf(asked));
  const questionMissed = question.size >= 2 ? ![...question.keys()].some((s) => replyStems.has(s)) && sharedNumbers.length === 0 : undefined;
  return {
    shared,
    customerStems: customerStems.size,
    sharedNumbers,
    askedStems: asked === customer ? customerStems.size : contentStems(asked).size,
    score: Math.min(1, base + 0.25 * sharedNumbers.length),
    ...(questionMissed === undefined ? {} : { questionMissed }),
  };
}

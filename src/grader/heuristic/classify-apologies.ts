import type { TextAnalysis } from './analyze-text.js';
import type { LexiconHit } from './match-lexicon.js';

/** Apologies in a reply, split by whether they name what went wrong. */
export interface ApologyKinds {
  specific: LexiconHit[];
  boilerplate: LexiconHit[];
  /** Every apology word, for over-apology. */
  total: number;
}

/** Words after the apology word that make it name something ("sorry that the deploy failed twice"). */
const MIN_SPECIFIC_WORDS = 4;

/**
 * An apology is boilerplate when it sits inside a stock phrase ("we apologize for any
 * inconvenience"); it is specific when its sentence reuses one of the customer's topic words or
 * goes on for at least four words after the apology word; otherwise ("Sorry.") it is bare and
 * counts as neither.
 */
export function classifyApologies(
  reply: TextAnalysis,
  apologies: readonly LexiconHit[],
  boilerplate: readonly LexiconHit[],
  customerWords: ReadonlySet<string>,
): ApologyKinds {
  const specific: LexiconHit[] = [];
  for (const hit of apologies) {
    if (boilerplate.some((b) => hit.span.start >= b.span.start && hit.span.end <= b.span.end)) continue;
    const sentence = reply.sentences.find((s) => hit.span.start >= s.start && hit.span.start < s.end);
    if (sentence === undefined) continue;
    const after = sentence.words.filter((w) => w.start >= hit.span.end);
    const namesTopic = sentence.words.some((w) => customerWords.has(w.lemma.toLowerCase()));
    if (namesTopic || after.length >= MIN_SPECIFIC_WORDS) specific.push({ ...hit, text: sentence.text });
  }
  return { specific, boilerplate: [...boilerplate], total: apologies.length };
}

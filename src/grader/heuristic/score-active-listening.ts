import type { Cue } from '../../types.js';
import { compactCues, cueOf, type ScorerResult, type ScoringContext } from './scoring-context.js';

/** Topic words too generic to show the reply listened ("issue", "problem"). */
const GENERIC_TOPIC_WORDS = new Set(['issue', 'problem', 'thing', 'help', 'question', 'time', 'way', 'today', 'thanks', 'hello', 'support', 'team', 'please']);

/**
 * A crude plural stem, so "Requests" (tagged a proper noun, hence not lemmatised) meets "request"
 * and "Discounts" meets "discount". Only the plural endings: anything more merges unrelated words.
 */
function stemOf(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/**
 * Active listening: does the reply show it read this customer's message? Reusing the customer's
 * topic words (nouns and proper nouns, by wink-nlp POS, from every customer turn of the
 * conversation), restating the problem and answering a question raise it; a reply that shares none of the customer's topic words, leaves a question
 * unanswered, or points to a FAQ instead lowers it.
 */
export function scoreActiveListening(ctx: ScoringContext): ScorerResult {
  const { customer, reply, hits, mood } = ctx;
  if (customer === undefined) return { cues: [], context: 'no customer message to listen to' };
  const topics = [...ctx.customerTopics].filter((w) => !GENERIC_TOPIC_WORDS.has(w));
  const replyStems = new Set(reply.words.flatMap((w) => [stemOf(w.lemma), stemOf(w.normal)]));
  const reused = topics.filter((w) => replyStems.has(stemOf(w)));
  const cues: (Cue | undefined)[] = [];
  if (topics.length > 0) {
    // Reusing about three topic words is plenty; long customer messages should not demand all of them.
    const share = reused.length / Math.min(topics.length, 3);
    const evidence = reused.slice(0, 5).join(', ');
    if (share >= 0.66) cues.push({ label: `reuses the customer's key words (${reused.length}/${topics.length})`, effect: 1, evidence });
    else if (reused.length > 0) cues.push({ label: `reuses some of the customer's key words (${reused.length}/${topics.length})`, effect: 0.5, evidence });
    else if (topics.length >= 2) cues.push({ label: `none of the customer's key words (${topics.slice(0, 4).join(', ')})`, effect: -1 });
  }
  cues.push(cueOf(hits.restatement));
  if (mood.asksQuestion) {
    const clarifies = reply.text.includes('?');
    cues.push(
      hits.answer.length > 0 || hits.nextStep.length > 0 || ctx.instructions.length > 0
        ? (cueOf([...hits.answer, ...hits.nextStep], 0.5, 'answers the customer\'s question') ?? {
            label: 'answers the customer\'s question with steps',
            effect: 0.5,
            evidence: ctx.instructions[0]?.sentence.text,
          })
        : clarifies
          ? { label: 'asks a clarifying question', effect: 0.2 }
          : { label: 'customer\'s question left unanswered', effect: -0.7 },
    );
  }
  cues.push(cueOf(hits.deflection));
  return { cues: compactCues(cues), context: topics.length > 0 ? `customer topics: ${topics.slice(0, 5).join(', ')}` : 'customer message names no topic words' };
}

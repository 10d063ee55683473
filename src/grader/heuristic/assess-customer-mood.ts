import type { TextAnalysis } from './analyze-text.js';
import { CUSTOMER_FRUSTRATION, CUSTOMER_URGENCY } from './lexicon.js';
import { matchEntry } from './match-lexicon.js';

/** 0 calm, 1 frustrated, 2 furious. */
export type MoodLevel = 0 | 1 | 2;

/** How the customer sounds, with the evidence (quotes from the customer's text). */
export interface CustomerMood {
  level: MoodLevel;
  urgent: boolean;
  /** Whether the customer asked something (a `?`), so the reply owes an answer. */
  asksQuestion: boolean;
  /** Frustration points: each lexicon entry once, plus 0.5 for negative sentiment (1 when strongly negative). */
  points: number;
  evidence: string[];
}

/** wink-nlp sentiment at or below this reads as negative: corroborates other cues (half a point). */
const NEGATIVE_SENTIMENT = -0.25;
/** At or below this the sentiment alone is a full frustration point. */
const VERY_NEGATIVE_SENTIMENT = -0.5;

/**
 * A question about the thing itself is not pressure: "what's the application deadline?" asks for a
 * date, while "my deadline is tomorrow" or "is this urgent? it's due today" is pressure. A deadline
 * word at `at` in a question sentence that asks what, when or whether it is reads as information-seeking.
 */
function asksAbout(text: string, at: number): boolean {
  const start = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('!', at), text.lastIndexOf('?', at - 1), text.lastIndexOf('\n', at)) + 1;
  const endAt = text.slice(at).search(/[.!?\n]/u);
  const sentence = text.slice(start, endAt === -1 ? text.length : at + endAt + 1);
  if (!sentence.trimEnd().endsWith('?')) return false;
  const before = text.slice(start, at);
  return /\bdeadlines?\b/iu.test(text.slice(at, at + 10)) && /\b(?:what|when|which|is there|are there|do you have|any)\b/iu.test(before) && !/\b(?:my|our|i have|i've got|we have)\b/iu.test(before);
}

/**
 * Reads frustration and urgency in the customer's words: complaint words, "still/again", ALL-CAPS,
 * "!!!", negative sentiment (half a point, or a full one when strongly negative), outages and
 * deadlines. 1 point makes a customer frustrated, 2.5 furious.
 * `history` is the earlier customer turns, whose frustration carries over at half weight.
 */
export function assessCustomerMood(customer: TextAnalysis | undefined, history = ''): CustomerMood {
  const text = customer?.text ?? '';
  const evidence: string[] = [];
  let points = 0;
  const urgentHits = CUSTOMER_URGENCY.flatMap((entry) => matchEntry(text, entry).filter((hit) => !asksAbout(text, hit.span.start)).slice(0, 1));
  const urgent = urgentHits.length > 0;
  for (const entry of CUSTOMER_FRUSTRATION) {
    // "URGENT", "PRODUCTION DOWN": capitals in an urgent message are the urgency, already counted.
    if (urgent && entry.id === 'shouting') continue;
    const hit = matchEntry(text, entry)[0];
    if (hit !== undefined) {
      points += entry.effect;
      evidence.push(hit.text);
    } else if (history !== '' && matchEntry(history, entry)[0] !== undefined) {
      points += entry.effect / 2;
    }
  }
  if (urgent) {
    points += 0.5;
    evidence.push(...urgentHits.map((hit) => hit.text));
  }
  // A problem report reads negative by nature ("lost his phone", "bill was higher"), so mildly
  // negative sentiment alone does not make a customer frustrated; it tips the balance with a cue.
  if (customer !== undefined && customer.sentiment <= NEGATIVE_SENTIMENT) {
    points += customer.sentiment <= VERY_NEGATIVE_SENTIMENT ? 1 : 0.5;
    evidence.push(`negative sentiment ${customer.sentiment.toFixed(2)}`);
  }
  const level: MoodLevel = points >= 2.5 ? 2 : points >= 1 ? 1 : 0;
  return { level, urgent, asksQuestion: text.includes('?'), points, evidence };
}

/** Words for a mood level, for reasons. */
export function describeMood(mood: CustomerMood): string {
  const word = mood.level === 2 ? 'furious' : mood.level === 1 ? 'frustrated' : 'calm';
  const quoted = mood.evidence.slice(0, 3).map((e) => (e.startsWith('negative sentiment') ? e : `“${e}”`));
  return quoted.length > 0 ? `customer ${word}${mood.urgent ? ' and urgent' : ''} (${quoted.join(', ')})` : `customer ${word}`;
}

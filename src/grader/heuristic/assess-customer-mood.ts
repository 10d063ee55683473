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
  /** Frustration points: each lexicon entry once, plus 1 for clearly negative sentiment. */
  points: number;
  evidence: string[];
}

/** wink-nlp sentiment at or below this reads as clearly negative. */
const NEGATIVE_SENTIMENT = -0.25;

/**
 * Reads frustration and urgency in the customer's words: complaint words, "still/again", ALL-CAPS,
 * "!!!", negative sentiment, outages and deadlines. 1 point makes a customer frustrated, 2.5 furious.
 * `history` is the earlier customer turns, whose frustration carries over at half weight.
 */
export function assessCustomerMood(customer: TextAnalysis | undefined, history = ''): CustomerMood {
  const text = customer?.text ?? '';
  const evidence: string[] = [];
  let points = 0;
  for (const entry of CUSTOMER_FRUSTRATION) {
    const hit = matchEntry(text, entry)[0];
    if (hit !== undefined) {
      points += entry.effect;
      evidence.push(hit.text);
    } else if (history !== '' && matchEntry(history, entry)[0] !== undefined) {
      points += entry.effect / 2;
    }
  }
  const urgentHits = CUSTOMER_URGENCY.flatMap((entry) => matchEntry(text, entry).slice(0, 1));
  const urgent = urgentHits.length > 0;
  if (urgent) {
    points += 0.5;
    evidence.push(...urgentHits.map((hit) => hit.text));
  }
  if (customer !== undefined && customer.sentiment <= NEGATIVE_SENTIMENT) {
    points += 1;
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

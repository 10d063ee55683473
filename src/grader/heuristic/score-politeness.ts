import type { Cue } from '../../types.js';
import type { LexiconEntry } from './lexicon-entry.js';
import { matchEntry } from './match-lexicon.js';
import { POLITENESS_LEXICON } from './politeness-lexicon.js';

/** A politeness signal: `score` is the sum of the cue effects (0 = neutral, positive = polite). */
export interface PolitenessSignal {
  /** Points on the 1–5 scale to add to a neutral baseline of 3; unbounded here, clamped by the caller. */
  score: number;
  cues: Cue[];
}

/**
 * Scores how polite a piece of text reads, from the strategies in {@link POLITENESS_LEXICON}.
 * Each strategy counts once however often it occurs (the corpus features are binary), with the
 * first occurrence as evidence. Pure and synchronous: no NLP model, so it can run on anything
 * and be evaluated against the Stanford politeness data without the grader. `lexicon` defaults to
 * the whole corpus-tuned lexicon; the grader passes the strategies that apply to answers.
 */
export function scorePoliteness(text: string, lexicon: readonly LexiconEntry[] = POLITENESS_LEXICON): PolitenessSignal {
  const cues: Cue[] = [];
  let score = 0;
  for (const entry of lexicon) {
    const first = matchEntry(text, entry)[0];
    if (first === undefined) continue;
    cues.push({ label: entry.label, effect: entry.effect, evidence: first.text.trim() });
    score += entry.effect;
  }
  return { score: Math.round(score * 100) / 100, cues };
}

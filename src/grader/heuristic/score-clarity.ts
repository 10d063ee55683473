import type { Cue } from '../../types.js';
import { compactCues, cueOf, type ScorerResult, type ScoringContext } from './scoring-context.js';

/** Below this many words, sentence length and reading ease are noise. */
const MIN_WORDS_FOR_READABILITY = 15;

/**
 * Clarity: can the customer read the reply once and know what happens next? Uses wink-nlp's
 * sentence split and Flesch reading ease, jargon density and whether a concrete next step is given.
 */
export function scoreClarity(ctx: ScoringContext): ScorerResult {
  const { reply, hits, customer } = ctx;
  const sentences = Math.max(reply.sentences.length, 1);
  const wordsPerSentence = reply.wordCount / sentences;
  const cues: (Cue | undefined)[] = [];
  const round = (x: number) => Math.round(x * 10) / 10;
  if (reply.wordCount < 6) cues.push({ label: `too short to be clear (${reply.wordCount} words)`, effect: -0.5 });
  if (reply.wordCount >= MIN_WORDS_FOR_READABILITY) {
    if (wordsPerSentence > 35) cues.push({ label: `very long sentences (${round(wordsPerSentence)} words on average)`, effect: -1 });
    else if (wordsPerSentence > 25) cues.push({ label: `long sentences (${round(wordsPerSentence)} words on average)`, effect: -0.5 });
    else if (wordsPerSentence <= 18) cues.push({ label: `short sentences (${round(wordsPerSentence)} words on average)`, effect: 0.3 });
    if (reply.fres >= 60) cues.push({ label: `easy to read (Flesch ${round(reply.fres)})`, effect: 0.4 });
    else if (reply.fres < 30) cues.push({ label: `hard to read (Flesch ${round(reply.fres)})`, effect: -0.7 });
    else if (reply.fres < 45) cues.push({ label: `fairly hard to read (Flesch ${round(reply.fres)})`, effect: -0.3 });
  }
  if (reply.wordCount > 150) cues.push({ label: `wall of text (${reply.wordCount} words)`, effect: -0.4 });
  const jargon = cueOf(hits.jargon);
  if (jargon !== undefined) {
    const distinct = new Set(hits.jargon.map((h) => h.text.toLowerCase())).size;
    cues.push({ ...jargon, effect: Math.max(-1.2, jargon.effect * distinct) });
  }
  if (hits.nextStep.length > 0) cues.push(cueOf(hits.nextStep));
  else if (customer !== undefined && customer.text.trim() !== '') cues.push({ label: 'no concrete next step', effect: -0.5 });
  return { cues: compactCues(cues), context: `${reply.wordCount} words in ${reply.sentences.length} sentence(s)` };
}

import type { Cue } from '../../types.js';
import { compactCues, cueOf, type ScorerResult, type ScoringContext } from './scoring-context.js';

/** Below this many words, sentence length and reading ease are noise. */
const MIN_WORDS_FOR_READABILITY = 15;

/**
 * Clarity: can the customer read the reply once and know what happens next? Uses wink-nlp's
 * sentence split and Flesch reading ease, jargon the customer did not use themselves, whether a
 * concrete next step (or, for an informational question, a direct answer) is given, and whether it
 * names exact commands, settings or figures.
 */
export function scoreClarity(ctx: ScoringContext): ScorerResult {
  const { reply, hits, customer } = ctx;
  const sentences = Math.max(reply.sentences.length, 1);
  const wordsPerSentence = reply.wordCount / sentences;
  const cues: (Cue | undefined)[] = [];
  const round = (x: number) => Math.round(x * 10) / 10;
  // "Booked." after the customer picked an option the bot offered is as clear as it gets.
  if (reply.wordCount < 6 && !ctx.situation.answersOurQuestion) cues.push({ label: `too short to be clear (${reply.wordCount} words)`, effect: -0.5 });
  if (reply.wordCount >= MIN_WORDS_FOR_READABILITY) {
    if (wordsPerSentence > 35) cues.push({ label: `very long sentences (${round(wordsPerSentence)} words on average)`, effect: -1 });
    else if (wordsPerSentence > 25) cues.push({ label: `long sentences (${round(wordsPerSentence)} words on average)`, effect: -0.5 });
    else if (wordsPerSentence <= 18) cues.push({ label: `short sentences (${round(wordsPerSentence)} words on average)`, effect: 0.3 });
    if (reply.fres >= 60) cues.push({ label: `easy to read (Flesch ${round(reply.fres)})`, effect: 0.4 });
    else if (reply.fres < 30) cues.push({ label: `hard to read (Flesch ${round(reply.fres)})`, effect: -0.7 });
    else if (reply.fres < 45) cues.push({ label: `fairly hard to read (Flesch ${round(reply.fres)})`, effect: -0.3 });
  }
  if (reply.wordCount > 150) cues.push({ label: `wall of text (${reply.wordCount} words)`, effect: -0.4 });
  // Jargon is a word the customer has to translate: one they used themselves ("SLA credit") is not.
  const customerText = customer?.text.toLowerCase() ?? '';
  const foreignJargon = hits.jargon.filter((h) => !customerText.includes(h.text.toLowerCase()));
  const jargon = cueOf(foreignJargon);
  if (jargon !== undefined) {
    const distinct = new Set(foreignJargon.map((h) => h.text.toLowerCase())).size;
    cues.push({ ...jargon, effect: Math.max(-1.2, jargon.effect * distinct) });
  }
  const step = ctx.instructions[0];
  const { answer, handoff } = ctx.situation;
  // A thank-you needs no next step, and a handoff that says who acts next is as clear as a reply gets.
  if (answer.noneNeeded !== undefined) cues.push({ label: 'the customer is closing: no next step needed', effect: 0.6, evidence: answer.noneNeeded.evidence });
  else if (handoff !== undefined) {
    cues.push({ label: handoff.saysWhen ? 'hands off to a person and says when' : 'hands off to a person', effect: handoff.saysWhen ? 1 : 0.6, evidence: handoff.evidence });
  } else if (hits.nextStep.length > 0) cues.push(cueOf(hits.nextStep));
  else if (step !== undefined) cues.push({ label: 'concrete next step (an instruction)', effect: 0.7, evidence: step.sentence.text });
  else if (answer.answer !== undefined) cues.push({ label: `direct answer (${answer.answer.label})`, effect: 0.5, evidence: answer.answer.evidence });
  // An informational question ("Which IP ranges…?") is answered by the facts, not by a step.
  else if (customer !== undefined && customer.text.trim() !== '' && hits.answer.length === 0) {
    cues.push({ label: 'no concrete next step or direct answer', effect: -0.5 });
  }
  if (answer.vague !== undefined && answer.answer === undefined && handoff === undefined) {
    cues.push({ label: 'vague: a hedge instead of an answer', effect: -1, evidence: answer.vague.evidence });
  }
  if (ctx.situation.unanswered !== undefined) cues.push({ label: `leaves the question open (${ctx.situation.unanswered.label})`, effect: -0.5 });
  cues.push(cueOf(hits.exactDetail));
  return { cues: compactCues(cues), context: `${reply.wordCount} words in ${reply.sentences.length} sentence(s)` };
}

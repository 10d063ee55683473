import type { Cue, StyleGuide } from '../../types.js';
import type { TextAnalysis } from './analyze-text.js';
import type { CustomerMood } from './assess-customer-mood.js';
import type { Instruction } from './find-instructions.js';
import type { LexiconHit } from './match-lexicon.js';
import type { PolitenessSignal } from './score-politeness.js';
import type { Situation } from './read-situation.js';

/** Lexicon hits in the reply, one list per lexicon, computed once per sample. */
export interface ReplyHits {
  acknowledgement: LexiconHit[];
  apology: LexiconHit[];
  boilerplateApology: LexiconHit[];
  /** Form-letter sentences ("thank you for your message", "we take all feedback seriously"). */
  formLetter: LexiconHit[];
  blame: LexiconHit[];
  sarcasm: LexiconHit[];
  dismissive: LexiconHit[];
  slang: LexiconHit[];
  overPromise: LexiconHit[];
  policyOpener: LexiconHit[];
  cheerful: LexiconHit[];
  urgencyMet: LexiconHit[];
  nextStep: LexiconHit[];
  deflection: LexiconHit[];
  /** Where the answer can be found (a website, a help centre), which counts only when the question was missed. */
  pointer: LexiconHit[];
  restatement: LexiconHit[];
  answer: LexiconHit[];
  jargon: LexiconHit[];
  /** The reply acting for the customer now, or saying who will and when. */
  action: LexiconHit[];
  /** Exact commands, settings paths, versions and figures. */
  exactDetail: LexiconHit[];
  harsh: LexiconHit[];
  voiceDo: LexiconHit[];
  voiceDont: LexiconHit[];
}

/** Everything a dimension scorer may look at for one sample. */
export interface ScoringContext {
  reply: TextAnalysis;
  /** Undefined when the sample has no customer message. */
  customer: TextAnalysis | undefined;
  /**
   * Topic words of everything the customer said: the last message's first, then earlier turns'
   * (in a transcript the last message may only answer a clarifying question: "brightlane.io, yesterday").
   */
  customerTopics: ReadonlySet<string>;
  mood: CustomerMood;
  /** Politeness of the reply over the strategies that apply to answers (`ANSWER_POLITENESS_LEXICON`). */
  politeness: PolitenessSignal;
  hits: ReplyHits;
  /** Imperative sentences of the reply: the steps it tells the customer to take. */
  instructions: Instruction[];
  /** Meaning-level reads of the exchange (distress, acknowledgement, handoff, answer, engagement, a cold refusal). */
  situation: Situation;
  guide: StyleGuide;
}

/** Cues that moved one dimension, plus context for its one-line reason. */
export interface ScorerResult {
  cues: Cue[];
  /** Context that explains the cues (e.g. how the customer sounded), put first in the reason. */
  context?: string;
}

export type DimensionScorer = (ctx: ScoringContext) => ScorerResult;

/** A cue for a group of hits: the first hit is the evidence; undefined when there are none. */
export function cueOf(hits: readonly LexiconHit[], effect?: number, label?: string): Cue | undefined {
  const first = hits[0];
  if (first === undefined) return undefined;
  const count = new Set(hits.map((hit) => hit.text.toLowerCase())).size;
  return {
    label: (label ?? first.entry.label) + (count > 1 ? ` (×${count})` : ''),
    effect: effect ?? first.entry.effect,
    evidence: first.text.trim(),
  };
}

/** Drops the undefined entries of a cue list. */
export function compactCues(cues: readonly (Cue | undefined)[]): Cue[] {
  return cues.filter((cue): cue is Cue => cue !== undefined);
}

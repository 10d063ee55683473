import type { Dimension } from '../../types.js';
import { scoreActiveListening } from './score-active-listening.js';
import { scoreBrandVoice } from './score-brand-voice.js';
import { scoreClarity } from './score-clarity.js';
import { scoreEmpathy } from './score-empathy.js';
import { scoreToneMatch } from './score-tone-match.js';
import type { DimensionScorer, ScorerResult, ScoringContext } from './scoring-context.js';

/** The reason every dimension without a dedicated heuristic gets: the blend is a stand-in, not a judgement. */
export const BLENDED_REASON = 'no dedicated heuristic; blended politeness/clarity signal';

/** Keywords in a dimension's id or name, checked in order; the first match picks the scorer. */
const SCORERS: readonly { keywords: readonly string[]; scorer: DimensionScorer }[] = [
  { keywords: ['empath', 'warm', 'compassion', 'caring'], scorer: scoreEmpathy },
  { keywords: ['listen', 'understanding', 'relevan'], scorer: scoreActiveListening },
  { keywords: ['tone'], scorer: scoreToneMatch },
  { keywords: ['clar', 'readab', 'concise', 'plain', 'actionab'], scorer: scoreClarity },
  { keywords: ['brand', 'voice', 'professional', 'courte', 'polite', 'formal', 'respect', 'register'], scorer: scoreBrandVoice },
];

/** Halves every cue of politeness (brand voice) and clarity: their average around the same baseline. */
function scoreBlended(ctx: ScoringContext): ScorerResult {
  const cues = [...scoreBrandVoice(ctx).cues, ...scoreClarity(ctx).cues].map((cue) => ({ ...cue, effect: cue.effect / 2 }));
  return { cues };
}

/** Picks the scorer for a guide dimension by keywords in its id or name; `blended` when none fits. */
export function selectScorer(dimension: Dimension): { scorer: DimensionScorer; blended: boolean } {
  const key = `${dimension.id} ${dimension.name ?? ''}`.toLowerCase();
  const found = SCORERS.find(({ keywords }) => keywords.some((k) => key.includes(k)));
  return found === undefined ? { scorer: scoreBlended, blended: true } : { scorer: found.scorer, blended: false };
}

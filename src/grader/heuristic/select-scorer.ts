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
/** What a dimension measures, as far as the heuristic can tell from its id and name. */
export type ScorerKind = 'empathy' | 'listening' | 'tone' | 'clarity' | 'voice' | 'blended';

const SCORERS: readonly { keywords: readonly string[]; scorer: DimensionScorer; kind: ScorerKind }[] = [
  { keywords: ['empath', 'warm', 'compassion', 'caring'], scorer: scoreEmpathy, kind: 'empathy' },
  { keywords: ['listen', 'understanding', 'relevan'], scorer: scoreActiveListening, kind: 'listening' },
  { keywords: ['tone'], scorer: scoreToneMatch, kind: 'tone' },
  { keywords: ['clar', 'readab', 'concise', 'plain', 'actionab'], scorer: scoreClarity, kind: 'clarity' },
  { keywords: ['brand', 'voice', 'professional', 'courte', 'polite', 'formal', 'respect', 'register'], scorer: scoreBrandVoice, kind: 'voice' },
];

/** Halves every cue of politeness (brand voice) and clarity: their average around the same baseline. */
function scoreBlended(ctx: ScoringContext): ScorerResult {
  const cues = [...scoreBrandVoice(ctx).cues, ...scoreClarity(ctx).cues].map((cue) => ({ ...cue, effect: cue.effect / 2 }));
  return { cues };
}

/** Picks the scorer for a guide dimension by keywords in its id or name; `blended` when none fits. */
export function selectScorer(dimension: Dimension): { scorer: DimensionScorer; blended: boolean; kind: ScorerKind } {
  const key = `${dimension.id} ${dimension.name ?? ''}`.toLowerCase();
  const found = SCORERS.find(({ keywords }) => keywords.some((k) => key.includes(k)));
  return found === undefined ? { scorer: scoreBlended, blended: true, kind: 'blended' } : { scorer: found.scorer, blended: false, kind: found.kind };
}

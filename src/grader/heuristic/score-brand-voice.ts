import type { Cue } from '../../types.js';
import { compactCues, cueOf, type ScorerResult, type ScoringContext } from './scoring-context.js';

/**
 * Brand voice / courtesy / professionalism: the politeness strategies that apply to answers
 * (`ctx.politeness`, see `REQUEST_ONLY_STRATEGIES` for the ones left out),
 * register (slang, emoji), hostility and contempt, over-promising, policy-first openers, bare
 * orders (an imperative that names nothing exact and says no "please"), and the literal do/don't
 * phrases of the guide's voice traits.
 */
export function scoreBrandVoice(ctx: ScoringContext): ScorerResult {
  const { hits, politeness } = ctx;
  const orders = ctx.instructions.filter((i) => !i.exact && !i.polite);
  const slangCount = new Set(hits.slang.map((h) => h.text.toLowerCase())).size;
  const cues: (Cue | undefined)[] = [
    ...politeness.cues,
    orders.length > 0
      ? { label: `bare order at sentence start${orders.length > 1 ? ` (×${orders.length})` : ''}`, effect: -0.3, evidence: orders[0]?.sentence.text }
      : undefined,
    cueOf(hits.slang, Math.max(-1.5, -0.5 * slangCount)),
    cueOf(hits.blame),
    cueOf(hits.sarcasm),
    cueOf(hits.dismissive),
    cueOf(hits.harsh),
    cueOf(hits.overPromise),
    cueOf(hits.policyOpener),
    ...hits.voiceDont.map((hit) => cueOf([hit])),
    ...hits.voiceDo.map((hit) => cueOf([hit])),
  ];
  return { cues: compactCues(cues) };
}

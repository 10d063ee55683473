import type { Cue } from '../../types.js';
import { describeMood } from './assess-customer-mood.js';
import { compactCues, cueOf, type ScorerResult, type ScoringContext } from './scoring-context.js';

/**
 * Tone match: does the reply's register fit how the customer sounds? For an upset customer a
 * cheerful or casual reply is a mismatch, and so is a cold one that never acknowledges the
 * feeling; meeting urgency with urgency helps. For a calm customer a friendly, plain reply fits.
 * Hostility (blame, sarcasm, dismissal) never fits.
 */
export function scoreToneMatch(ctx: ScoringContext): ScorerResult {
  const { hits, mood, reply } = ctx;
  const hostile = compactCues([cueOf(hits.blame), cueOf(hits.sarcasm), cueOf(hits.dismissive)]);
  const acknowledged = ctx.situation.acknowledgement.sincere !== undefined || hits.acknowledgement.length > 0 || hits.apology.length > hits.boilerplateApology.length;
  const level = Math.max(ctx.situation.distress.level, mood.level === 2 ? 1 : 0);
  const cues: (Cue | undefined)[] = [...hostile];
  if (ctx.customer === undefined) {
    cues.push(cueOf(hits.slang, -0.3));
    return { cues: compactCues(cues), context: 'no customer message; tone judged on the reply alone' };
  }
  if (level > 0) {
    const weight = level === 2 ? 1.5 : 1;
    cues.push(
      cueOf(hits.cheerful, -0.7 * weight, 'cheerful reply to an upset customer'),
      cueOf(hits.slang, -0.5 * weight, 'casual reply to an upset customer'),
      acknowledged
        ? (cueOf([...hits.acknowledgement, ...hits.apology], 0.7, 'acknowledges how the customer feels') ?? {
            label: 'acknowledges how the customer feels',
            effect: 0.7,
            evidence: ctx.situation.acknowledgement.sincere?.evidence,
          })
        : { label: 'cold reply: no acknowledgement of how the customer feels', effect: -0.8 * weight },
      cueOf(hits.boilerplateApology, -0.3, 'scripted apology to an upset customer'),
    );
  } else {
    cues.push(
      cueOf(hits.slang, -0.3),
      reply.sentiment > 0.1 && hostile.length === 0 ? { label: 'friendly register for a calm customer', effect: 0.4 } : undefined,
      hits.apology.length >= 2 ? cueOf(hits.apology, -0.3, 'apologises to a calm customer more than needed') : undefined,
    );
  }
  if (mood.urgent) {
    cues.push(
      hits.urgencyMet.length > 0
        ? cueOf(hits.urgencyMet, 0.5, 'meets the urgency')
        : { label: 'urgency not acknowledged', effect: -0.5 },
    );
  }
  return { cues: compactCues(cues), context: describeMood(mood) };
}

import { classifyApologies } from './classify-apologies.js';
import { describeMood } from './assess-customer-mood.js';
import { compactCues, cueOf, type ScorerResult, type ScoringContext } from './scoring-context.js';

/** Three or more apologies in one reply reads as grovelling rather than caring. */
const OVER_APOLOGY = 3;

/**
 * Empathy: does the reply recognise and validate how the customer feels? Raised by validating
 * the feeling or point, reassuring, owning our part, a specific apology and acting for the
 * customer; lowered by boilerplate or excessive apology, hostility, and by ignoring a frustrated
 * customer's feelings altogether (acting on the problem does not excuse that). A calm customer who
 * gets a direct, friendly answer needs no more: that reply sits above the neutral middle.
 */
export function scoreEmpathy(ctx: ScoringContext): ScorerResult {
  const { hits, mood, reply } = ctx;
  const apologies = classifyApologies(reply, hits.apology, hits.boilerplateApology, ctx.customer?.contentWords ?? new Set());
  const { distress, acknowledgement } = ctx.situation;
  const acknowledged = acknowledgement.sincere !== undefined || hits.acknowledgement.length > 0 || apologies.specific.length > 0;
  // Worry, loss and pressure call for acknowledgement as much as anger does.
  // The lexicon mood alone misreads requests ("cancel my place") as anger: it only adds a furious customer.
  const upset = Math.max(distress.level, mood.level === 2 ? 1 : 0);
  const hostile = hits.blame.length + hits.sarcasm.length + hits.dismissive.length > 0;
  const answered = hits.answer.length > 0 || hits.nextStep.length > 0 || ctx.instructions.length > 0;
  const ofEntry = (id: string) => cueOf(hits.acknowledgement.filter((h) => h.entry.id === id));
  const cues = compactCues([
    ofEntry('validate-feeling'),
    ofEntry('validate-point'),
    ofEntry('reassure'),
    ofEntry('owns-problem'),
    cueOf(apologies.specific, 0.7, 'specific apology'),
    cueOf(apologies.boilerplate),
    apologies.total >= OVER_APOLOGY ? { label: `over-apology (${apologies.total} apologies)`, effect: -0.5 } : undefined,
    cueOf(hits.action),
    cueOf(hits.blame),
    cueOf(hits.sarcasm),
    cueOf(hits.dismissive),
    !acknowledged && upset > 0
      ? { label: `ignores how the customer feels (${distress.signs.map((d) => d.label).filter((l, i, all) => all.indexOf(l) === i).join(', ') || 'frustrated'})`, effect: upset === 2 ? -1.8 : -1.3 }
      : undefined,
    acknowledged && hits.acknowledgement.length === 0 && apologies.specific.length === 0 && acknowledgement.sincere !== undefined
      ? { label: `acknowledges the customer (${acknowledgement.sincere.label})`, effect: 0.7, evidence: acknowledgement.sincere.evidence }
      : undefined,
    !acknowledged && upset === 0 && reply.sentiment > 0.25 ? { label: 'warm wording', effect: 0.3, evidence: firstPositive(ctx) } : undefined,
    // Nothing to soothe: for a calm question, a direct answer is the considerate reply.
    ctx.customer !== undefined && upset === 0 && !mood.urgent && answered && !hostile
      ? { label: 'calm customer helped directly (no feelings to acknowledge)', effect: 0.5 }
      : undefined,
  ]);
  return ctx.customer === undefined ? { cues, context: 'no customer message' } : { cues, context: describeMood(mood) };
}

function firstPositive(ctx: ScoringContext): string | undefined {
  return ctx.reply.sentences.find((s) => s.sentiment > 0)?.text;
}

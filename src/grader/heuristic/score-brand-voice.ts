import type { Cue } from '../../types.js';
import type { SentenceInfo } from './analyze-text.js';
import { SOFT_OPENING_VERBS } from './lexicon.js';
import { compactCues, cueOf, type ScorerResult, type ScoringContext } from './scoring-context.js';

const SOFT_OPENERS = new Set(SOFT_OPENING_VERBS);

/** A sentence that opens on a base-form verb (wink-nlp POS) and is not a question: an order. */
function isBareImperative(sentence: SentenceInfo): boolean {
  const first = sentence.words[0];
  if (first === undefined || first.pos !== 'VERB') return false;
  if (SOFT_OPENERS.has(first.normal) || first.normal !== first.lemma.toLowerCase()) return false;
  return !sentence.text.trimEnd().endsWith('?') && !/\bplease\b/iu.test(sentence.text);
}

/**
 * Brand voice / courtesy / professionalism: politeness strategies ({@link scorePoliteness}),
 * register (slang, emoji), hostility, over-promising, policy-first openers, bare commands, and the
 * literal do/don't phrases of the guide's voice traits.
 */
export function scoreBrandVoice(ctx: ScoringContext): ScorerResult {
  const { hits, politeness, reply } = ctx;
  const commands = reply.sentences.filter(isBareImperative);
  const politenessFoundCommand = politeness.cues.some((c) => c.label === 'bare command at sentence start');
  const slangCount = new Set(hits.slang.map((h) => h.text.toLowerCase())).size;
  const cues: (Cue | undefined)[] = [
    ...politeness.cues,
    commands.length > 0 && !politenessFoundCommand
      ? { label: `bare imperative at sentence start${commands.length > 1 ? ` (×${commands.length})` : ''}`, effect: -0.3, evidence: commands[0]?.text }
      : undefined,
    cueOf(hits.slang, Math.max(-1.5, -0.5 * slangCount)),
    cueOf(hits.blame),
    cueOf(hits.sarcasm),
    cueOf(hits.dismissive),
    cueOf(hits.overPromise),
    cueOf(hits.policyOpener),
    ...hits.voiceDont.map((hit) => cueOf([hit])),
    ...hits.voiceDo.map((hit) => cueOf([hit])),
  ];
  return { cues: compactCues(cues) };
}

import type { SentenceInfo, TextAnalysis } from './analyze-text.js';
import { SOFT_OPENING_VERBS } from './lexicon.js';

const SOFT_OPENERS = new Set(SOFT_OPENING_VERBS);
/** An exact target for an instruction: inline code, a settings path (`Billing → Plan`), a URL or domain. */
const EXACT_TARGET = /`[^`\n]+`|→|\s>\s|\bhttps?:\/\/|\b[\w-]+\.(?:com|io|cloud|org|net|dev|app)\b/u;

/** An imperative sentence of the reply, and whether it names exactly what to act on. */
export interface Instruction {
  sentence: SentenceInfo;
  /** Names a command, a settings path or an address (`Run \`nw doctor\``, `Open Settings → Members`). */
  exact: boolean;
  /** Softened by a "please" later in the sentence ("Run it again, please"). */
  polite: boolean;
}

/**
 * Sentences that open on a base-form verb (wink-nlp POS) and are not questions: in a support reply,
 * the steps the customer is told to take. Soft openers ("Let me…", "Thanks…", "Please…") are not
 * instructions. `exact` tells a step with a concrete target from a bare order ("Restart it.").
 */
export function findInstructions(reply: TextAnalysis): Instruction[] {
  const found: Instruction[] = [];
  for (const sentence of reply.sentences) {
    const first = sentence.words[0];
    if (first === undefined || first.pos !== 'VERB') continue;
    if (SOFT_OPENERS.has(first.normal) || first.normal !== first.lemma.toLowerCase()) continue;
    if (sentence.text.trimEnd().endsWith('?')) continue;
    found.push({ sentence, exact: EXACT_TARGET.test(sentence.text), polite: /\bplease\b/iu.test(sentence.text) });
  }
  return found;
}

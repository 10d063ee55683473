import type { VoiceLexicon } from './build-voice-lexicon.js';
import {
  ACKNOWLEDGEMENT,
  ANSWER_MARKER,
  APOLOGY_WORDS,
  BLAME,
  BOILERPLATE_APOLOGY,
  CHEERFUL,
  DEFLECTION,
  POINTER,
  DISMISSIVE,
  EXACT_DETAIL,
  FORM_LETTER,
  HARSH_WORDS,
  JARGON,
  NEXT_STEP,
  OVER_PROMISE,
  POLICY_OPENER,
  RESTATEMENT,
  SARCASM,
  SLANG,
  TAKES_ACTION,
  URGENCY_RESPONSE,
} from './lexicon.js';
import { matchLexicon } from './match-lexicon.js';
import type { ReplyHits } from './scoring-context.js';

/** Runs every reply-side lexicon (and the guide's voice phrases) over the reply once. */
export function collectReplyHits(reply: string, voice: VoiceLexicon): ReplyHits {
  return {
    acknowledgement: matchLexicon(reply, ACKNOWLEDGEMENT),
    apology: matchLexicon(reply, APOLOGY_WORDS),
    boilerplateApology: matchLexicon(reply, BOILERPLATE_APOLOGY),
    formLetter: matchLexicon(reply, FORM_LETTER),
    blame: matchLexicon(reply, BLAME),
    sarcasm: matchLexicon(reply, SARCASM),
    dismissive: matchLexicon(reply, DISMISSIVE),
    slang: matchLexicon(reply, SLANG),
    overPromise: matchLexicon(reply, OVER_PROMISE),
    policyOpener: matchLexicon(reply, POLICY_OPENER),
    cheerful: matchLexicon(reply, CHEERFUL),
    urgencyMet: matchLexicon(reply, URGENCY_RESPONSE),
    nextStep: matchLexicon(reply, NEXT_STEP),
    deflection: matchLexicon(reply, DEFLECTION),
    pointer: matchLexicon(reply, POINTER),
    restatement: matchLexicon(reply, RESTATEMENT),
    answer: matchLexicon(reply, ANSWER_MARKER),
    jargon: matchLexicon(reply, JARGON),
    action: matchLexicon(reply, TAKES_ACTION),
    exactDetail: matchLexicon(reply, EXACT_DETAIL),
    harsh: matchLexicon(reply, HARSH_WORDS),
    voiceDo: matchLexicon(reply, voice.do),
    voiceDont: matchLexicon(reply, voice.dont),
  };
}

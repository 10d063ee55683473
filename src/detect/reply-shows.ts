import { detectAcknowledgement } from './detect-acknowledgement.js';
import { detectAnswer } from './detect-answer.js';
import { detectHandoff } from './detect-handoff.js';

/** Detectors a `require` rule can name (`detect:`): each reads a meaning in the reply, in any phrasing. */
export const REQUIRE_DETECTORS = ['acknowledgement', 'handoff', 'answer'] as const;
export type RequireDetector = (typeof REQUIRE_DETECTORS)[number];

/** Whether the reply shows what the detector reads; `customer` is what the customer said. */
export function replyShows(detector: RequireDetector, reply: string, customer: string): boolean {
  switch (detector) {
    case 'acknowledgement':
      return detectAcknowledgement(reply).sincere !== undefined;
    case 'handoff':
      return detectHandoff(reply) !== undefined;
    case 'answer': {
      const read = detectAnswer(reply, customer);
      return read.answer !== undefined || read.noneNeeded !== undefined || detectHandoff(reply) !== undefined;
    }
  }
}

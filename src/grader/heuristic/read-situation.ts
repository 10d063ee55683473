import {
  detectAcknowledgement,
  detectAnswer,
  detectColdRefusal,
  detectDistress,
  detectEngagement,
  detectHandoff,
  type Acknowledgement,
  type AnswerReading,
  type Detection,
  type Distress,
  type Engagement,
  type Handoff,
} from '../../detect/index.js';

/** What the meaning-level detectors read in one exchange, computed once per sample for every scorer. */
export interface Situation {
  distress: Distress;
  acknowledgement: Acknowledgement;
  handoff: Handoff | undefined;
  answer: AnswerReading;
  engagement: Engagement;
  cold: Detection | undefined;
}

/** `customer` is everything the customer said (see `text/customer-text.ts`); the last message weighs most for distress. */
export function readSituation(reply: string, customer: string, lastMessage: string, customerSentiment?: number): Situation {
  const last = lastMessage.trim() === '' ? customer : lastMessage;
  const distress = detectDistress(last, customerSentiment);
  const answer = detectAnswer(reply, last);
  const customerWords = last.split(/\s+/u).filter((w) => w !== '').length;
  return {
    distress,
    acknowledgement: detectAcknowledgement(reply),
    handoff: detectHandoff(reply),
    answer,
    engagement: detectEngagement(reply, customer),
    cold: last.trim() === '' ? undefined : detectColdRefusal(reply, { upset: distress.level > 0, customerWords, closing: answer.noneNeeded !== undefined }),
  };
}

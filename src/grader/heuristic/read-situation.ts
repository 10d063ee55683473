import {
  detectAcknowledgement,
  detectAnswer,
  detectColdRefusal,
  detectCustomerTopic,
  detectDistress,
  detectEngagement,
  detectHandoff,
  detectPassedWindow,
  detectUnansweredQuestion,
  answersInKind,
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
  /** A question asking for a time, an amount or a yes/no that the reply leaves unanswered (span in the customer's message). */
  unanswered: Detection | undefined;
  /** The customer asked for a time, an amount or a yes/no and the reply gives that kind of answer to each such question. */
  answersInKind: boolean;
  /** The customer's message was a short answer to the company's own question (see {@link SituationHints}). */
  answersOurQuestion: boolean;
  /** A general time window ("can take up to 2 days") the customer says they have already waited out (span in the reply). */
  passedWindow: Detection | undefined;
}

/** What the grader already read elsewhere and the detectors use. */
export interface SituationHints {
  /** The customer's last message's sentiment (wink), for distress. */
  customerSentiment?: number;
  /** The reply tells the customer steps to take: a time window then describes those steps, not the old wait. */
  givesSteps?: boolean;
  /** The customer's message is a short answer to a question the company turn before it asked. */
  answersOurQuestion?: boolean;
}

/** `customer` is everything the customer said (see `text/customer-text.ts`); the last message weighs most for distress. */
export function readSituation(reply: string, customer: string, lastMessage: string, hints: SituationHints = {}): Situation {
  const last = lastMessage.trim() === '' ? customer : lastMessage;
  const distress = detectDistress(last, hints.customerSentiment);
  const answer = detectAnswer(reply, last);
  const customerWords = last.split(/\s+/u).filter((w) => w !== '').length;
  const handoff = detectHandoff(reply);
  return {
    distress,
    acknowledgement: acknowledgementOf(reply, last, handoff, distress),
    handoff,
    answer,
    engagement: detectEngagement(reply, customer, last),
    unanswered: handoff !== undefined || answer.noneNeeded !== undefined ? undefined : detectUnansweredQuestion(reply, last),
    answersInKind: answersInKind(reply, last),
    answersOurQuestion: hints.answersOurQuestion === true,
    passedWindow: hints.givesSteps === true ? undefined : detectPassedWindow(reply, customer),
    cold: last.trim() === '' ? undefined : detectColdRefusal(reply, { upset: distress.level > 0, customerWords, closing: answer.noneNeeded !== undefined, answersOurQuestion: hints.answersOurQuestion === true }),
  };
}

/**
 * A sincere acknowledgement in words, or — for a customer who demanded a person, or whose service
 * is down — the person, handed over with when they will act: giving someone what they had to ask
 * for, or putting an engineer on an outage now, is the acknowledgement, and an added "sorry" would
 * not make it warmer.
 */
function acknowledgementOf(reply: string, lastMessage: string, handoff: Handoff | undefined, distress: Distress): Acknowledgement {
  const acknowledgement = detectAcknowledgement(reply);
  if (acknowledgement.sincere !== undefined || handoff === undefined) return acknowledgement;
  if (handoff.saysWhen === true && detectCustomerTopic(lastMessage, 'human-request') !== undefined) {
    return { ...acknowledgement, sincere: { label: 'hands over to the person the customer asked for, and says when', evidence: handoff.evidence, span: handoff.span } };
  }
  if (distress.signs.some((sign) => sign.label === 'their service is down')) {
    return { ...acknowledgement, sincere: { label: 'puts a person on the outage at once', evidence: handoff.evidence, span: handoff.span } };
  }
  return acknowledgement;
}

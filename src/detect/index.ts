export type { Detection, Reading } from './detection.js';
export { detectAcknowledgement, type Acknowledgement } from './detect-acknowledgement.js';
export { detectAnswer, type AnswerReading } from './detect-answer.js';
export { detectColdRefusal, CURT_WORDS } from './detect-cold-refusal.js';
export { CUSTOMER_TOPICS, detectCustomerTopic, isCustomerTopic, type CustomerTopic } from './detect-customer-topics.js';
export { detectDistress, type Distress } from './detect-distress.js';
export { detectEngagement, stemWord, type Engagement } from './detect-engagement.js';
export { detectHandoff, type Handoff } from './detect-handoff.js';
export { REQUIRE_DETECTORS, replyShows, type RequireDetector } from './reply-shows.js';

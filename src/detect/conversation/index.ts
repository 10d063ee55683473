export { conversationTurns, isCompanyTurn, type IndexedTurn } from './read-conversation.js';
export { detectLoop, LOOP_SIMILARITY, type Loop } from './detect-loop.js';
export { detectForgotContext, type ForgotContext } from './detect-forgot-context.js';
export { detectFrustrationIgnored, type FrustrationIgnored } from './detect-frustration-ignored.js';
export { detectLateEscalation, type LateEscalation } from './detect-late-escalation.js';
export { CONVERSATION_CHECKS, type ConversationCheck } from './checks.js';
export { settledTurns, type SettledTurns } from './settled-turns.js';

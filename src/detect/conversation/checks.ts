/** The patterns across turns a guide's `conversation` rules can check (`check:`). */
export const CONVERSATION_CHECKS = ['loop', 'forgot-context', 'frustration-ignored', 'late-escalation'] as const;
export type ConversationCheck = (typeof CONVERSATION_CHECKS)[number];

import type { AuditResult, ConversationVerdict } from '../types.js';
import type { ComparisonMode, ConversationChanges, PatternChange } from './audit-comparison.js';
import { classifySamples, compareDrift, firstById } from './compare-paired.js';
import { unpairedRate, type UnpairedSettings } from './compare-unpaired.js';

/**
 * Compares the audits conversation by conversation, when either judged conversations (`--turns
 * all` on transcripts). Paired mode pairs conversations by id through the verdict their last turn
 * carries: which conversations newly drift or were fixed, and which gained or lost a pattern (loop,
 * forgot-context, …). Unpaired mode, or a baseline written before verdicts existed (schema 1),
 * compares each audit's conversation drift rate from its summary. Pure.
 */
export function compareConversations(
  base: AuditResult,
  head: AuditResult,
  mode: ComparisonMode,
  settings: UnpairedSettings,
): ConversationChanges | undefined {
  if (!base.summary.conversations && !head.summary.conversations) return undefined;
  const baseVerdicts = verdictsOf(base);
  const headVerdicts = verdictsOf(head);
  if (mode === 'paired' && baseVerdicts.size > 0 && headVerdicts.size > 0) return comparePairedConversations(baseVerdicts, headVerdicts, settings.alpha);

  const b = base.summary.conversations;
  const h = head.summary.conversations;
  return {
    mode: 'unpaired',
    modeReason: whyUnpaired(b === undefined ? 'base' : h === undefined ? 'head' : undefined, mode, baseVerdicts.size === 0 ? 'base' : 'head'),
    drift: unpairedRate(b?.drifting ?? 0, b?.conversations ?? 0, h?.drifting ?? 0, h?.conversations ?? 0, 'conversations', settings),
  };
}

function whyUnpaired(withoutConversations: 'base' | 'head' | undefined, mode: ComparisonMode, withoutVerdicts: 'base' | 'head'): string {
  if (withoutConversations) return `The ${withoutConversations} audit judged no conversations (transcripts with --turns all), so its conversation drift rate is empty.`;
  if (mode === 'paired') {
    return `The ${withoutVerdicts} audit has no per-conversation verdicts (written before schema version 2), so conversations are compared as independent groups.`;
  }
  return 'The samples were compared as independent groups, so the conversations are too.';
}

/** Conversation verdicts by id, in the audit's order. */
function verdictsOf(audit: AuditResult): Map<string, ConversationVerdict> {
  return firstById(conversationsIn(audit));
}

function* conversationsIn(audit: AuditResult): Iterable<ConversationVerdict> {
  for (const sample of audit.samples) if (sample.conversation) yield sample.conversation;
}

function comparePairedConversations(
  baseById: Map<string, ConversationVerdict>,
  headById: Map<string, ConversationVerdict>,
  alpha: number,
): ConversationChanges {
  const pairs: { base: ConversationVerdict; head: ConversationVerdict }[] = [];
  for (const [id, head] of headById) {
    const base = baseById.get(id);
    if (base) pairs.push({ base, head });
  }
  const patterns: PatternChange[] = [];
  for (const { base, head } of pairs) {
    const added = head.patterns.filter((p) => !base.patterns.includes(p));
    const removed = base.patterns.filter((p) => !head.patterns.includes(p));
    if (added.length > 0 || removed.length > 0) patterns.push({ id: head.id, added, removed });
  }
  return {
    mode: 'paired',
    modeReason: `${pairs.length} conversation(s) occur in both audits and are compared one to one by conversation id.`,
    drift: compareDrift(pairs, alpha, 'conversation'),
    conversations: classifySamples(pairs, baseById, headById),
    patterns,
  };
}

import type { Finding } from '../../types.js';
import type { LexiconHit } from './match-lexicon.js';
import type { ReplyHits } from './scoring-context.js';

/** The hit lists whose entries carry a `violation`, in report order. */
const VIOLATION_LISTS: readonly (keyof ReplyHits)[] = ['blame', 'sarcasm', 'dismissive', 'policyOpener', 'overPromise', 'voiceDont', 'boilerplateApology', 'slang'];

function ruleIdOf(hit: LexiconHit, list: keyof ReplyHits): string {
  return list === 'voiceDont' ? 'heuristic/voice-dont' : `heuristic/${hit.entry.id}`;
}

/**
 * Grader violations from lexicon hits: one finding per occurrence, quoting the exact text of the
 * reply (`match` equals `reply.slice(span.start, span.end)`), sorted by span start then rule id.
 */
export function findViolations(reply: string, hits: ReplyHits): Finding[] {
  const findings: Finding[] = [];
  for (const list of VIOLATION_LISTS) {
    for (const hit of hits[list]) {
      const violation = hit.entry.violation;
      if (violation === undefined) continue;
      const match = reply.slice(hit.span.start, hit.span.end);
      findings.push({
        ruleId: ruleIdOf(hit, list),
        kind: 'grader',
        severity: violation.severity,
        message: violation.message.replaceAll('{{match}}', match),
        match,
        span: { ...hit.span },
        origin: 'grader',
      });
    }
  }
  return findings.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || a.ruleId.localeCompare(b.ruleId));
}

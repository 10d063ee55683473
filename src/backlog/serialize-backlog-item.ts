import type { AuditMark, BacklogFinding, BacklogItem, BacklogReview } from './backlog-item.js';

/**
 * One item as one JSON line with a fixed key order (the order of {@link BacklogItem}) and score keys
 * sorted, so the same item always serialises to the same bytes: re-running an audit leaves the file
 * byte-identical and `git diff` shows only what changed. Absent optional fields are omitted.
 */
export function serializeBacklogItem(item: BacklogItem): string {
  return JSON.stringify({
    id: item.id,
    status: item.status,
    customer: item.customer,
    transcript: item.transcript?.map((turn) => ({ role: turn.role, text: turn.text })),
    original: item.original,
    rewrite: item.rewrite,
    rewriteSource: item.rewriteSource,
    findings: item.findings.map(orderFinding),
    scores: item.scores && Object.fromEntries(Object.entries(item.scores).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    drift: item.drift,
    guideVersion: item.guideVersion,
    grader: { kind: item.grader.kind, model: item.grader.model },
    firstSeen: orderMark(item.firstSeen),
    lastSeen: orderMark(item.lastSeen),
    timesSeen: item.timesSeen,
    audits: item.audits,
    sampleIds: item.sampleIds,
    notes: item.notes,
    review: item.review && orderReview(item.review),
  });
}

function orderFinding(finding: BacklogFinding): BacklogFinding {
  return { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, ...(finding.match !== undefined ? { match: finding.match } : {}) };
}

function orderMark(mark: AuditMark): AuditMark {
  return { audit: mark.audit, ...(mark.at !== undefined ? { at: mark.at } : {}) };
}

function orderReview(review: BacklogReview): BacklogReview {
  return {
    ...(review.by !== undefined ? { by: review.by } : {}),
    ...(review.at !== undefined ? { at: review.at } : {}),
    ...(review.reason !== undefined ? { reason: review.reason } : {}),
  };
}

/** Items in file order: by id, code-unit order (locale-independent, so every machine sorts alike). */
export function compareItemIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

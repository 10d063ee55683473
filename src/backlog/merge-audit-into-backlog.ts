import { applySuggestions } from '../diff/word-diff.js';
import type { AuditResult, SampleResult, Turn } from '../types.js';
import { hashBacklogId } from './backlog-id.js';
import { HUMAN_DECISIONS, MAX_AUDIT_LABELS, MAX_SAMPLE_IDS, type BacklogItem, type RewriteSource } from './backlog-item.js';
import { compareItemIds } from './serialize-backlog-item.js';

export interface MergeAuditOptions {
  /** Names the audit (report file, CI run id…). Merging the same label twice changes nothing. */
  auditLabel: string;
  /** When the audit ran, ISO 8601, from the caller's injected clock; recorded as `at` in `firstSeen`/`lastSeen`. */
  now?: string;
  /**
   * Conversations by sample id. `SampleResult` carries no transcript, so callers that still hold the
   * loaded samples pass them here; a `transcript` field on a sample result is used when present.
   */
  transcripts?: ReadonlyMap<string, readonly Turn[]>;
}

export interface MergeAuditResult {
  /** Every item, sorted by id. */
  items: BacklogItem[];
  /** Ids of items this audit created, updated (seen drifting again) and resolved (seen passing). */
  added: string[];
  updated: string[];
  resolved: string[];
  /**
   * Ids whose rewrite must be (re)checked by `assessReadiness`: new items with a rewrite, reopened
   * items, and items whose rewrite or guide version changed. They are `needs-review` until checked.
   */
  pending: string[];
}

/** Note on items whose readiness has not been checked yet. */
export const AWAITING_CHECK_NOTE = 'awaiting readiness check of the rewrite';

/**
 * Folds one audit into the backlog. Pure. Drifting replies are added or updated (once per audit
 * label: `timesSeen` counts distinct audits, so re-running an audit is idempotent); a reply that now
 * passes resolves its open item. Human decisions stick: accepted and rejected items keep their
 * status and rewrite, and a human rewrite is never replaced by a machine one. Ungraded samples
 * say nothing and are skipped.
 */
export function mergeAuditIntoBacklog(items: readonly BacklogItem[], audit: AuditResult, options: MergeAuditOptions): MergeAuditResult {
  const byId = new Map(items.map((item) => [item.id, item]));
  const added = new Set<string>();
  const updated = new Set<string>();
  const resolved = new Set<string>();
  const pending = new Set<string>();

  for (const sample of audit.samples) {
    if (sample.verdict !== 'drift') continue;
    const id = hashBacklogId(sample.customer, sample.response);
    const current = byId.get(id);
    const next = current ? seenAgain(current, sample, audit, options) : createItem(id, sample, audit, options);
    if (next === undefined) continue;
    byId.set(id, next.item);
    if (!current) added.add(id);
    else if (!added.has(id)) updated.add(id);
    if (next.pending) pending.add(id);
  }

  for (const sample of audit.samples) {
    if (sample.verdict !== 'pass') continue;
    const id = hashBacklogId(sample.customer, sample.response);
    const current = byId.get(id);
    // An item seen drifting in this very audit is not resolved by a second, passing copy of it.
    if (!current || current.audits.includes(options.auditLabel)) continue;
    if (current.status !== 'needs-review' && current.status !== 'ready') continue;
    byId.set(id, { ...current, status: 'resolved', notes: `passed audit ${options.auditLabel}` });
    resolved.add(id);
    updated.delete(id);
    pending.delete(id);
  }

  return {
    items: [...byId.values()].sort(compareItemIds),
    added: [...added].sort(),
    updated: [...updated].sort(),
    resolved: [...resolved].sort(),
    pending: [...pending].sort(),
  };
}

function createItem(id: string, sample: SampleResult, audit: AuditResult, options: MergeAuditOptions): { item: BacklogItem; pending: boolean } {
  const mark = { audit: options.auditLabel, ...(options.now !== undefined ? { at: options.now } : {}) };
  const transcript = transcriptOf(sample, options);
  const proposed = proposeRewrite(sample);
  const item: BacklogItem = {
    id,
    status: 'needs-review',
    customer: sample.customer,
    ...(transcript ? { transcript } : {}),
    original: sample.response,
    ...(proposed ? { rewrite: proposed.rewrite, rewriteSource: proposed.source } : {}),
    ...observations(sample, audit),
    firstSeen: mark,
    lastSeen: mark,
    timesSeen: 1,
    audits: [options.auditLabel],
    sampleIds: [sample.id],
    notes: proposed ? AWAITING_CHECK_NOTE : 'no rewrite: the grader gave none and no rule suggested a fix; write one with `backlog edit`',
  };
  return { item, pending: proposed !== undefined };
}

/** The item updated by one more sighting, or `undefined` when this sighting changes nothing. */
function seenAgain(current: BacklogItem, sample: SampleResult, audit: AuditResult, options: MergeAuditOptions): { item: BacklogItem; pending: boolean } | undefined {
  const sampleIds = mergeSampleIds(current.sampleIds, sample.id);
  if (current.audits.includes(options.auditLabel)) {
    // Already counted for this audit: only a second sample id carrying the same reply can add anything.
    return sampleIds === current.sampleIds ? undefined : { item: { ...current, sampleIds }, pending: false };
  }
  const next: BacklogItem = {
    ...current,
    ...observations(sample, audit),
    lastSeen: { audit: options.auditLabel, ...(options.now !== undefined ? { at: options.now } : {}) },
    timesSeen: current.timesSeen + 1,
    audits: [...current.audits, options.auditLabel].slice(-MAX_AUDIT_LABELS),
    sampleIds,
  };
  const transcript = transcriptOf(sample, options);
  if (transcript) next.transcript = transcript;
  if (!transcript && current.transcript) next.transcript = current.transcript;
  if (HUMAN_DECISIONS.has(current.status)) return { item: next, pending: false };

  let rewriteChanged = false;
  const proposed = current.rewriteSource === 'human' ? undefined : proposeRewrite(sample);
  if (proposed && proposed.rewrite !== current.rewrite) {
    next.rewrite = proposed.rewrite;
    next.rewriteSource = proposed.source;
    rewriteChanged = true;
  }
  const reassess = next.rewrite !== undefined && (current.status === 'resolved' || rewriteChanged || current.guideVersion !== next.guideVersion);
  if (current.status === 'resolved') next.status = 'needs-review';
  if (reassess) {
    next.status = 'needs-review';
    next.notes = AWAITING_CHECK_NOTE;
  } else if (current.status === 'resolved') {
    next.notes = 'drifting again after it was resolved; no rewrite';
  }
  return { item: next, pending: reassess };
}

/** What the latest audit said about the reply; replaces the previous audit's view. */
function observations(sample: SampleResult, audit: AuditResult): Pick<BacklogItem, 'findings' | 'scores' | 'drift' | 'guideVersion' | 'grader'> {
  const grade = sample.grade?.status === 'graded' ? sample.grade : undefined;
  return {
    findings: sample.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, ...(f.match !== undefined ? { match: f.match } : {}) })),
    scores: grade ? Object.fromEntries(Object.entries(grade.scores).map(([dimension, s]) => [dimension, s.score])) : undefined,
    drift: grade?.drift,
    guideVersion: audit.guide.version,
    grader: { kind: audit.grader.kind, ...(audit.grader.model !== undefined ? { model: audit.grader.model } : {}) },
  };
}

/** The grader's rewrite when it gave one, else the rules' suggestions applied, else nothing. */
function proposeRewrite(sample: SampleResult): { rewrite: string; source: RewriteSource } | undefined {
  const fromGrader = sample.grade?.status === 'graded' ? sample.grade.rewrite : undefined;
  if (fromGrader !== undefined && fromGrader.trim() !== '') return { rewrite: fromGrader, source: 'grader' };
  const fromRules = applySuggestions(sample.response, sample.findings);
  if (fromRules !== undefined && fromRules !== sample.response && fromRules.trim() !== '') return { rewrite: fromRules, source: 'rules' };
  return undefined;
}

function transcriptOf(sample: SampleResult, options: MergeAuditOptions): Turn[] | undefined {
  const turns = options.transcripts?.get(sample.id) ?? (sample as SampleResult & { transcript?: readonly Turn[] }).transcript;
  return turns && turns.length > 0 ? turns.map((turn) => ({ role: turn.role, text: turn.text })) : undefined;
}

/** Adds `id` keeping the list sorted and capped; returns the same array when nothing changes. */
function mergeSampleIds(ids: string[], id: string): string[] {
  if (ids.includes(id)) return ids;
  const next = [...ids, id].sort();
  const capped = next.slice(0, MAX_SAMPLE_IDS);
  return capped.includes(id) ? capped : ids;
}

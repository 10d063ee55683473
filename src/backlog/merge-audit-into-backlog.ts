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
  const result: MergeAuditResult = { items: [], added: [], updated: [], resolved: [], pending: [] };
  for (const sightings of groupSightings(audit)) {
    const merged = mergeSightings(byId.get(sightings.id), sightings, audit, options);
    if (merged.item) byId.set(sightings.id, merged.item);
    for (const flag of ['added', 'updated', 'resolved', 'pending'] as const) if (merged[flag]) result[flag].push(sightings.id);
  }
  // groupSightings is in id order, so the id lists already are.
  result.items = [...byId.values()].sort(compareItemIds);
  return result;
}

/** What one audit saw of one backlog id: its drifting and passing samples, in audit order. */
export interface Sightings {
  id: string;
  drifting: SampleResult[];
  passing: SampleResult[];
}

/** The audit's drifting and passing samples grouped by backlog id, sorted by id (the backlog file's order). */
export function groupSightings(audit: AuditResult): Sightings[] {
  const byId = new Map<string, Sightings>();
  for (const sample of audit.samples) {
    if (sample.verdict !== 'drift' && sample.verdict !== 'pass') continue;
    const id = hashBacklogId(sample.customer, sample.response);
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = { id, drifting: [], passing: [] }));
    (sample.verdict === 'drift' ? entry.drifting : entry.passing).push(sample);
  }
  return [...byId.values()].sort(compareItemIds);
}

/** One id's merge: the item to keep (undefined: none, the id is new and only passed) and what happened to it. */
export interface SightingsMerge {
  item: BacklogItem | undefined;
  added: boolean;
  updated: boolean;
  resolved: boolean;
  /** Its rewrite must be (re)checked by `assessReadiness` before it is written. */
  pending: boolean;
}

/**
 * Folds one id's sightings into its backlog item (`current`, undefined when the backlog has none).
 * Pure. Every drifting sighting first, in audit order, then the passing ones: the item of a reply
 * that both drifted and passed in one audit is not resolved by its passing copy.
 */
export function mergeSightings(current: BacklogItem | undefined, sightings: Sightings, audit: AuditResult, options: MergeAuditOptions): SightingsMerge {
  const merge: SightingsMerge = { item: current, added: false, updated: false, resolved: false, pending: false };
  for (const sample of sightings.drifting) {
    const before = merge.item;
    const next = before ? seenAgain(before, sample, audit, options) : createItem(sightings.id, sample, audit, options);
    if (next === undefined) continue;
    merge.item = next.item;
    if (!before) merge.added = true;
    else if (!merge.added) merge.updated = true;
    if (next.pending) merge.pending = true;
  }
  for (const _sample of sightings.passing) {
    const item = merge.item;
    if (!item || item.audits.includes(options.auditLabel)) continue;
    if (item.status !== 'needs-review' && item.status !== 'ready') continue;
    merge.item = { ...item, status: 'resolved', notes: `passed audit ${options.auditLabel}` };
    merge.resolved = true;
    merge.updated = false;
    merge.pending = false;
  }
  return merge;
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

import { createConversationAccumulator } from './summarize-conversations.js';
import type { AuditSummary, Dimension, DimensionSummary, RedactionType, RuleSummary, SampleResult, Severity, Usage } from '../types.js';

const REDACTION_TYPES: readonly RedactionType[] = ['email', 'phone', 'card', 'iban', 'ssn', 'ni', 'url-token', 'secret', 'name'];

/** What the summary needs to know about each rule, so rules that matched nothing are still listed. */
export interface RuleDescriptor {
  ruleId: string;
  kind: string;
  severity: Severity;
}

export interface SummaryAccumulator {
  add(result: SampleResult): void;
  /** Personal data redacted from a sample outside the grader (`--redact-output` without the LLM grader). */
  addRedacted(counts: Partial<Record<RedactionType, number>>): void;
  addSkipped(count?: number): void;
  finish(): AuditSummary;
}

/**
 * Builds the audit summary incrementally, so a streamed audit of a million samples keeps
 * only counters in memory, never the samples.
 */
export function createSummaryAccumulator(rules: readonly RuleDescriptor[], dimensions: readonly Dimension[], options: { redaction?: boolean } = {}): SummaryAccumulator {
  const redacted = Object.fromEntries(REDACTION_TYPES.map((t) => [t, 0])) as Record<RedactionType, number>;
  const addRedacted = (counts: Partial<Record<RedactionType, number>>): void => {
    for (const type of REDACTION_TYPES) redacted[type] += counts[type] ?? 0;
  };
  const ruleStats = new Map<string, RuleSummary>();
  for (const rule of rules) ruleStats.set(rule.ruleId, { ...rule, findings: 0, samples: 0 });
  const dimensionStats = new Map(dimensions.map((d) => [d.id, { min: d.min, n: 0, sum: 0, belowMin: 0, histogram: [0, 0, 0, 0, 0] }]));
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const usage: Usage & { calls: number; cachedResults: number } = {
    inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, costUsd: 0, calls: 0, cachedResults: 0,
  };
  let graded = false;
  let droppedEvidence = 0;
  /** Replies judged more than once (`--repeat`), and those whose judgements disagreed. */
  let repeated = 0;
  let unstable = 0;
  let samples = 0, passed = 0, drifting = 0, ungraded = 0, skippedRecords = 0;
  const conversations = createConversationAccumulator();

  return {
    add(result) {
      samples += 1;
      conversations.add(result);
      if (result.verdict === 'pass') passed += 1;
      else if (result.verdict === 'drift') drifting += 1;
      if (result.grade?.status === 'error') ungraded += 1;

      const rulesHit = new Set<string>();
      for (const finding of result.findings) {
        bySeverity[finding.severity] += 1;
        // Grader violations are tallied under their own ids so the per-rule table shows them too.
        let stat = ruleStats.get(finding.ruleId);
        if (!stat) {
          stat = { ruleId: finding.ruleId, kind: finding.kind, severity: finding.severity, findings: 0, samples: 0 };
          ruleStats.set(finding.ruleId, stat);
        }
        stat.findings += 1;
        rulesHit.add(finding.ruleId);
      }
      for (const id of rulesHit) ruleStats.get(id)!.samples += 1;

      const grade = result.grade;
      if (!grade) return;
      graded = true;
      if (grade.redacted) addRedacted(grade.redacted);
      if (grade.usage) {
        usage.inputTokens += grade.usage.inputTokens;
        usage.outputTokens += grade.usage.outputTokens;
        usage.cacheCreationInputTokens += grade.usage.cacheCreationInputTokens;
        usage.cacheReadInputTokens += grade.usage.cacheReadInputTokens;
        usage.costUsd += grade.usage.costUsd;
      }
      // API requests made for this grade (scoring, repeats, rewrite); graders that do not say made one when they report usage.
      usage.calls += grade.calls ?? (grade.usage && !grade.cached ? 1 : 0);
      if (grade.cached) usage.cachedResults += 1;
      if (grade.repeats && grade.repeats.verdicts.filter((v) => v !== 'ungraded').length > 1) {
        repeated += 1;
        if (grade.repeats.flips > 0) unstable += 1;
      }
      droppedEvidence += grade.droppedEvidence ?? 0;
      if (grade.status !== 'graded') return;
      for (const [id, { score }] of Object.entries(grade.scores)) {
        const stat = dimensionStats.get(id);
        if (!stat) continue;
        stat.n += 1;
        stat.sum += score;
        if (score < stat.min) stat.belowMin += 1;
        const bucket = Math.min(5, Math.max(1, Math.round(score))) - 1;
        stat.histogram[bucket]! += 1;
      }
    },
    addRedacted,
    addSkipped(count = 1) {
      skippedRecords += count;
    },
    finish() {
      const dimensionSummaries: DimensionSummary[] = [...dimensionStats].map(([id, s]) => ({
        id, n: s.n, mean: s.n === 0 ? 0 : round(s.sum / s.n, 3), min: s.min, belowMin: s.belowMin, histogram: [...s.histogram],
      }));
      const summary: AuditSummary = {
        samples, passed, drifting, ungraded, skippedRecords,
        findingsBySeverity: { ...bySeverity },
        rules: [...ruleStats.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
        dimensions: graded ? dimensionSummaries : [],
      };
      if (graded && (usage.calls > 0 || usage.cachedResults > 0)) summary.usage = { ...usage, costUsd: round(usage.costUsd, 6) };
      if (droppedEvidence > 0) summary.droppedEvidence = droppedEvidence;
      if (repeated > 0) {
        summary.unstable = unstable;
        summary.flipRate = round(unstable / repeated, 4);
      }
      if (options.redaction) summary.redaction = { counts: { ...redacted } };
      const conversationSummary = conversations.finish();
      if (conversationSummary) summary.conversations = conversationSummary;
      return summary;
    },
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

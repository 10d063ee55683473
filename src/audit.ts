import { applyRuleReviews, type Grader } from './grader/grader.js';
import type { CompiledRules } from './rules/index.js';
import type { LoadEvent } from './load/samples/index.js';
import { runRules } from './rules/index.js';
import { mergeFindings } from './findings/merge-findings.js';
import { decideVerdict } from './findings/decide-verdict.js';
import { createSummaryAccumulator } from './findings/summarize.js';
import { createConversationJudge } from './findings/judge-conversations.js';
import { conversationIdOf } from './load/samples/expand-turns.js';
import { AUDIT_SCHEMA_VERSION } from './types.js';
import type { AuditCalibration, AuditHeader, AuditRedaction, AuditResult, AuditSummary, Finding, Grade, GraderKind, Problem, Sample, SampleResult, StyleGuide } from './types.js';
import { TOOL_VERSION } from './version.js';

export type { AuditHeader };

/** The judging machinery for one audit, built once: the guide, its compiled rules and an optional grader. */
export interface AuditEngine {
  guide: StyleGuide;
  rules: CompiledRules;
  grader?: Grader;
  /** The calibration record applied to the grader's drift decision, named in the result's header. */
  calibration?: AuditCalibration;
  /** What redaction of personal data runs, named in the result's header (counts in `summary.redaction`). */
  redaction?: AuditRedaction;
}

/** Where results go as they are produced, in input order. */
export interface AuditSink {
  sample(result: SampleResult): void | Promise<void>;
  /** `error`: the record was skipped; `warning`: kept, but worth knowing (e.g. a duplicate id). */
  problem?(problem: Problem, severity: 'error' | 'warning'): void;
}

export interface StreamAuditOptions {
  /** How many samples may be graded at once; results are still emitted in input order. */
  window?: number;
  signal?: AbortSignal;
  /** Judges one sample instead of {@link auditSample} in this thread (e.g. a worker pool's). */
  judge?: (sample: Sample, signal?: AbortSignal) => Promise<SampleResult>;
  /** Applied to each result before it is counted and emitted (e.g. accepted-findings suppression). */
  postProcess?: (result: SampleResult) => SampleResult;
}

export function buildAuditHeader(engine: AuditEngine, inputs: string[]): AuditHeader {
  const { guide, grader } = engine;
  const kind: GraderKind = grader?.kind ?? 'none';
  return {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    tool: { name: 'tone-audit', version: TOOL_VERSION },
    guide: { brand: guide.brand, version: guide.version, hash: guide.source.hash, file: guide.source.file },
    grader: { kind, ...(grader?.model ? { model: grader.model } : {}), ...(grader?.promptHash ? { promptHash: grader.promptHash } : {}) },
    ...(engine.calibration ? { calibration: engine.calibration } : {}),
    ...(engine.redaction ? { redaction: engine.redaction } : {}),
    inputs,
  };
}

/** Judges one sample: rules first, then the grader (which sees the rule findings). */
export async function auditSample(engine: AuditEngine, sample: Sample, signal?: AbortSignal): Promise<SampleResult> {
  const ruleFindings = runRules(engine.rules, sample);
  const grade = engine.grader ? await engine.grader.grade(sample, ruleFindings, signal) : undefined;
  return judgeSample(sample, ruleFindings, grade);
}

/**
 * Judges the bot turns of one conversation (in order, as `expandTurns` made them): rules per turn,
 * then one grader call for them all when the grader can grade a conversation at once (its own
 * choice: the LLM grader does when that is cheaper than a call per turn), else one call per turn.
 */
export async function auditConversation(engine: AuditEngine, turns: readonly Sample[], signal?: AbortSignal): Promise<SampleResult[]> {
  const grader = engine.grader;
  if (!grader?.gradeConversation) return Promise.all(turns.map((turn) => auditSample(engine, turn, signal)));
  const ruleFindings = turns.map((turn) => runRules(engine.rules, turn));
  const grades = await grader.gradeConversation(
    turns.map((sample, k) => ({ sample, findings: ruleFindings[k]! })),
    signal,
  );
  return turns.map((turn, k) => judgeSample(turn, ruleFindings[k]!, grades[k]));
}

/** The judging stages after the grade: rule reviews → merge → verdict. */
function judgeSample(sample: Sample, ruleFindings: readonly Finding[], grade: Grade | undefined): SampleResult {
  // The grader may confirm or overrule findings of detectors that can be wrong (escalation, require).
  const reviewed = applyRuleReviews(ruleFindings, grade);
  // A rule and a grader that flag the same text report one finding, not two.
  const findings: Finding[] = grade?.status === 'graded' ? mergeFindings(reviewed, grade.violations) : reviewed;
  return {
    id: sample.id,
    source: sample.source,
    customer: sample.customer,
    response: sample.response,
    ...(sample.transcript ? { transcript: sample.transcript } : {}),
    ...(sample.escalated !== undefined ? { escalated: sample.escalated } : {}),
    metadata: sample.metadata,
    findings,
    ...(grade ? { grade } : {}),
    verdict: decideVerdict(findings, grade),
  };
}

/**
 * Runs the audit over a stream of loaded samples, keeping at most `window` samples in flight and
 * nothing else: memory stays flat however many samples there are (the sink decides what to keep).
 */
export async function streamAudit(
  events: AsyncIterable<LoadEvent>,
  engine: AuditEngine,
  sink: AuditSink,
  options: StreamAuditOptions = {},
): Promise<{ summary: AuditSummary; inputProblems: Problem[] }> {
  const window = Math.max(1, options.window ?? 1);
  const summary = createSummaryAccumulator(engine.rules.rules, engine.guide.dimensions, { redaction: engine.redaction?.enabled === true });
  const inputProblems: Problem[] = [];
  const inFlight: Promise<SampleResult>[] = [];
  // After suppression, so a conversation's verdict is that of the turns as reported.
  const conversations = createConversationJudge();
  const emit = async (ready: SampleResult[]): Promise<void> => {
    for (const result of ready) {
      summary.add(result);
      await sink.sample(result);
    }
  };
  const emitOldest = async (): Promise<void> => {
    const judged = await inFlight.shift()!;
    await emit(conversations.push(options.postProcess ? options.postProcess(judged) : judged));
  };

  const start = async (pending: Promise<SampleResult>): Promise<void> => {
    // Attach a no-op handler so a rejection waiting in the window is not reported as unhandled.
    pending.catch(() => undefined);
    inFlight.push(pending);
    if (inFlight.length >= window) await emitOldest();
  };
  // The turns of one conversation arrive together; a grader that judges a conversation in one call
  // gets them as a group (the group is closed by the next sample that belongs to another conversation).
  const grouping = options.judge === undefined && engine.grader?.gradeConversation !== undefined;
  let group: Sample[] = [];
  const startGroup = async (): Promise<void> => {
    const turns = group;
    group = [];
    if (turns.length === 0) return;
    if (turns.length === 1) return start(auditSample(engine, turns[0]!, options.signal));
    const judged = auditConversation(engine, turns, options.signal);
    for (let k = 0; k < turns.length; k++) await start(judged.then((results) => results[k]!));
  };

  for await (const event of events) {
    if (event.type === 'problem') {
      if (event.severity === 'error') {
        inputProblems.push(event.problem);
        summary.addSkipped();
      }
      sink.problem?.(event.problem, event.severity);
      continue;
    }
    if (options.signal?.aborted) break;
    if (grouping) {
      const id = conversationIdOf(event.sample);
      if (group.length > 0 && (id === undefined || id !== conversationIdOf(group[0]!))) await startGroup();
      if (id !== undefined) {
        group.push(event.sample);
        continue;
      }
    }
    await start(options.judge ? options.judge(event.sample, options.signal) : auditSample(engine, event.sample, options.signal));
  }
  if (!options.signal?.aborted) await startGroup();
  while (inFlight.length > 0) await emitOldest();
  await emit(conversations.flush());
  return { summary: summary.finish(), inputProblems };
}

import { buildAuditHeader, streamAudit, type AuditEngine } from '../audit.js';
import { compareAudits, type AuditComparison } from '../diff/index.js';
import { InputError } from '../errors.js';
import { evaluateGate, type GateOptions } from '../findings/evaluate-gate.js';
import { applySuppressions, type Suppression } from '../findings/suppressions.js';
import type { LoadEvent } from '../load/samples/index.js';
import type { AuditHeader, AuditResult, Problem, Sample, SampleResult } from '../types.js';

/**
 * What one audit is to do, resolved once from flags and config by the command that runs it.
 * Nothing below renames or defaults these: the plan is the single answer to "what was asked".
 */
export interface AuditPlan {
  /** How the inputs are named in the result's header. */
  inputs: string[];
  gate: GateOptions;
  /** Samples judged at once; results still leave in input order. */
  window: number;
  /** Keep every result in `result.samples` (a baseline, a whole-document report or the backlog needs them). */
  collect: boolean;
  /** Accepted findings (`--suppressions`), matched against the original texts; `today` decides expiry. */
  suppressions?: { entries: Suppression[]; today: string };
  /** The audit this one is compared with (`--baseline`): pairs samples by id, feeds the gate. */
  baseline?: AuditResult;
}

/** What the run is wired to: the judge, where samples come from, and where results go as they are made. */
export interface AuditDeps {
  engine: AuditEngine;
  source: AsyncIterable<LoadEvent>;
  /** Judges one sample elsewhere (a worker pool) instead of in this thread. */
  judge?: (sample: Sample, signal?: AbortSignal) => Promise<SampleResult>;
  /** The output stage: redacts what sinks receive (`--redact-output`), counting what it replaced. */
  redactOutput?: (result: SampleResult) => SampleResult;
  /** After the output redaction counted its replacements, folds them into the summary. */
  finishRedaction?: (summary: AuditResult['summary']) => void;
  onSample?: (result: SampleResult, index: number) => void | Promise<void>;
  onProblem?: (problem: Problem, severity: 'error' | 'warning') => void;
  signal?: AbortSignal;
}

export interface AuditRun {
  result: AuditResult;
  header: AuditHeader;
  comparison?: AuditComparison;
  /** Advisory lines from the gate (e.g. figures it could not test), for the reports. */
  gateNotes: string[];
  /** How the accepted findings fared, when there were any. */
  suppressions?: { suppressed: number; used: Set<Suppression> };
  interrupted: boolean;
}

/**
 * The audit engine: the only builder of an audit result, shared by `audit`, `check` and the library.
 * Each sample passes the judging stages of {@link auditSample} (rules → grade → rule reviews → merge
 * → verdict, with redaction inside the grader where text leaves for an API), then the run's own
 * stages in order:
 *
 *   suppress (accepted findings) → redact output → summarise → compare (baseline) → gate
 *
 * Memory stays flat unless `plan.collect` asks for the results.
 * @throws {InputError} when nothing could be judged (and the run was not interrupted).
 */
export async function runAudit(plan: AuditPlan, deps: AuditDeps): Promise<AuditRun> {
  const { engine } = deps;
  const header = buildAuditHeader(engine, plan.inputs);
  const collected: SampleResult[] = [];
  const suppressionStage = plan.suppressions ? suppress(plan.suppressions.entries, plan.suppressions.today) : undefined;
  const postProcess =
    suppressionStage || deps.redactOutput
      ? (judged: SampleResult) => {
          // Suppressions match the original texts, so they run before the output is redacted.
          const kept = suppressionStage ? suppressionStage.apply(judged) : judged;
          return deps.redactOutput ? deps.redactOutput(kept) : kept;
        }
      : undefined;
  let index = 0;
  const { summary, inputProblems } = await streamAudit(
    deps.source,
    engine,
    {
      sample: async (result) => {
        if (plan.collect) collected.push(result);
        await deps.onSample?.(result, index);
        index += 1;
      },
      ...(deps.onProblem ? { problem: deps.onProblem } : {}),
    },
    {
      window: plan.window,
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(deps.judge ? { judge: deps.judge } : {}),
      ...(postProcess ? { postProcess } : {}),
    },
  );
  deps.finishRedaction?.(summary);
  const interrupted = deps.signal?.aborted === true;
  if (summary.samples === 0 && !interrupted) {
    // Nothing was judged: that is unusable input, not a failed gate. Thrown before any report is
    // closed, so the writers drop their temp files and the last good reports stay in place.
    throw new InputError(`no samples could be read from ${plan.inputs.join(', ')}`, {
      hint: summary.skippedRecords > 0 ? 'every record was skipped: see the warnings above (a --field mapping may name a missing column)' : 'the input is empty',
    });
  }

  const partial: AuditResult = { ...header, samples: collected, inputProblems, summary, gate: { passed: true, reasons: [] } };
  const comparison = plan.baseline ? compareAudits(plan.baseline, partial) : undefined;
  const gate = evaluateGate({ summary, samples: collected, ...(comparison ? { comparison } : {}) }, plan.gate);
  if (interrupted) gate.reasons.push('The run was interrupted; the audit is incomplete.');
  const passed = gate.reasons.length === 0;
  return {
    result: { ...partial, gate: { passed, reasons: gate.reasons } },
    header,
    ...(comparison ? { comparison } : {}),
    gateNotes: gate.notes,
    ...(suppressionStage ? { suppressions: { suppressed: suppressionStage.suppressed(), used: suppressionStage.used } } : {}),
    interrupted,
  };
}

/** The suppress stage: drops accepted findings from each result and remembers which entries were used. */
function suppress(entries: Suppression[], today: string) {
  const used = new Set<Suppression>();
  let suppressed = 0;
  return {
    used,
    suppressed: () => suppressed,
    apply(judged: SampleResult): SampleResult {
      const outcome = applySuppressions([judged], entries, today);
      suppressed += outcome.suppressed;
      for (const entry of entries) if (!outcome.unused.includes(entry) && !outcome.expired.includes(entry)) used.add(entry);
      return outcome.results[0]!;
    },
  };
}

/** A source of exactly one sample, for `check` and the library's one-reply calls. */
export async function* oneSample(sample: Sample): AsyncIterable<LoadEvent> {
  yield { type: 'sample', sample } as LoadEvent;
}

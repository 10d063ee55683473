import type { Grader } from '../grader/grader.js';
import { judgeDrift } from '../grader/heuristic/judge-drift.js';
import type { AuditCalibration, StyleGuide } from '../types.js';
import { staleReasons, type CalibrationRecord } from './calibration-record.js';

export interface AppliedCalibration {
  /** The guide with the record's minimums in `dimensions[].min` (the summary's `min` and `belowMin` follow them). */
  guide: StyleGuide;
  /** The grader, deciding drift with the record's minimums. */
  grader?: Grader;
  header: AuditCalibration;
  /** Why the record is stale (empty when it is not). */
  staleReasons: string[];
  /** Record dimensions the guide does not have (ignored). */
  unknownDimensions: string[];
}

/**
 * Applies a calibration record: its minimums replace the guide's for the drift decision.
 *
 * The grader itself is built from the unpatched guide, so its prompt (and `promptHash`, and the
 * result cache) stay those of the judge the record measured; the wrapper then re-decides each
 * graded reply's `drift` from its scores against the calibrated minimums — exactly the decision
 * `tone-audit calibrate` optimised (`any score < min`, severity by the largest shortfall). An LLM's
 * own on-brand/drift opinion is therefore replaced by the score rule; its violations still count
 * as findings. A rewrite is dropped when the reply is no longer drifting.
 */
export function applyCalibration(guide: StyleGuide, grader: Grader | undefined, record: CalibrationRecord, source: { file: string; sha256: string }): AppliedCalibration {
  const dimensions = guide.dimensions.map((d) => (record.dimensions[d.id] ? { ...d, min: record.dimensions[d.id]!.min } : d));
  const patched: StyleGuide = { ...guide, dimensions };
  const current = { guideHash: guide.source.hash, grader: { kind: grader?.kind ?? ('none' as const), ...(grader?.model ? { model: grader.model } : {}), ...(grader?.promptHash ? { promptHash: grader.promptHash } : {}) } };
  const reasons = staleReasons(record, current);
  return {
    guide: patched,
    ...(grader ? { grader: calibratedGrader(grader, patched) } : {}),
    header: { file: source.file, createdAt: record.createdAt, sha256: source.sha256, stale: reasons.length > 0 },
    staleReasons: reasons,
    unknownDimensions: Object.keys(record.dimensions).filter((id) => !guide.dimensions.some((d) => d.id === id)),
  };
}

/**
 * The grader with `grade` re-deciding drift; everything else (model, prompt hash, the LLM grader's
 * spend totals and context) is the inner grader's, read through a proxy so nothing is lost.
 */
function calibratedGrader(inner: Grader, guide: StyleGuide): Grader {
  const grade: Grader['grade'] = async (sample, ruleFindings, signal) => {
    const graded = await inner.grade(sample, ruleFindings, signal);
    if (graded.status !== 'graded') return graded;
    const drift = judgeDrift(guide.dimensions, graded.scores);
    if (drift === graded.drift) return graded;
    const { rewrite, ...rest } = graded;
    return drift === 'on-brand' || rewrite === undefined ? { ...rest, drift } : { ...rest, drift, rewrite };
  };
  return new Proxy(inner, {
    get(target, property) {
      if (property === 'grade') return grade;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

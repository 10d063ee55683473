import { z } from 'zod';
import type { AuditResult } from '../types.js';
import type { CalibrationReport } from './calibrate.js';

/**
 * The calibration record `tone-audit calibrate --write` saves and `audit --calibration` applies:
 * per-dimension minimums for the grader's drift decision, with what they were measured on (guide,
 * grader, labels) and how they did on the held-out half of the labels.
 */
export interface CalibrationRecord {
  kind: 'tone-audit-calibration';
  version: 1;
  /** ISO 8601, from the injected clock. */
  createdAt: string;
  guide: { brand: string; version: string; hash: string };
  grader: AuditResult['grader'];
  /** `count` = label rows; `sha256` of the label file's bytes. */
  labels: { file: string; count: number; sha256: string };
  /** Minimum acceptable score per dimension id (1.0–5.0, one decimal). */
  dimensions: Record<string, { min: number }>;
  /** The suggested minimums on the check half (never used to choose them); rates are shares 0–1, null when undefined. */
  heldOut: { precision: number | null; recall: number | null; falsePositiveRate: number | null; n: number };
}

const score = z.number().min(1).max(5);
const share = z.number().min(0).max(1).nullable();

export const calibrationRecordSchema = z.object({
  kind: z.literal('tone-audit-calibration'),
  version: z.literal(1),
  createdAt: z.string(),
  guide: z.object({ brand: z.string(), version: z.string(), hash: z.string() }),
  grader: z.object({ kind: z.enum(['llm', 'heuristic', 'none']), model: z.string().optional(), promptHash: z.string().optional() }),
  labels: z.object({ file: z.string(), count: z.number().int().min(0), sha256: z.string() }),
  dimensions: z.record(z.string(), z.object({ min: score })),
  heldOut: z.object({ precision: share, recall: share, falsePositiveRate: share, n: z.number().int().min(0) }),
});

/** The record for a calibration report's suggested minimums. Pure: `createdAt` comes from the caller's clock. */
export function buildCalibrationRecord(report: CalibrationReport, createdAt: string): CalibrationRecord {
  const held = report.thresholds.check?.suggested;
  return {
    kind: 'tone-audit-calibration',
    version: 1,
    createdAt,
    guide: { brand: report.guide.brand, version: report.guide.version, hash: report.guide.hash },
    grader: report.grader,
    labels: { file: report.labels.file, count: report.labels.count, sha256: report.labels.sha256 },
    dimensions: Object.fromEntries(Object.entries(report.thresholds.suggested).map(([id, min]) => [id, { min }])),
    heldOut: {
      precision: held?.precision?.estimate ?? null,
      recall: held?.recall?.estimate ?? null,
      falsePositiveRate: held?.falsePositiveRate?.estimate ?? null,
      n: held?.n ?? 0,
    },
  };
}

/**
 * Why a record no longer describes the judge in use: another guide (hash) or judge (grader kind,
 * model, prompt hash). Empty when it still fits.
 */
export function staleReasons(record: Pick<CalibrationRecord, 'guide' | 'grader'>, current: { guideHash: string; grader: AuditResult['grader'] }): string[] {
  const reasons: string[] = [];
  if (record.guide.hash !== current.guideHash) reasons.push('the style guide changed since it was measured');
  if (record.grader.kind !== current.grader.kind) reasons.push(`it was measured with the ${record.grader.kind} grader, this audit uses ${current.grader.kind}`);
  else {
    if ((record.grader.model ?? '') !== (current.grader.model ?? '')) reasons.push(`it was measured with model ${record.grader.model ?? '(none)'}, this audit uses ${current.grader.model ?? '(none)'}`);
    if ((record.grader.promptHash ?? '') !== (current.grader.promptHash ?? '')) reasons.push('the grader\'s prompt (or heuristic lexicon) changed since it was measured');
  }
  return reasons;
}

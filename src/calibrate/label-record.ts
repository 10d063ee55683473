import type { SourceLocation } from '../types.js';

/** A reviewer's verdict on one reply: `ok` (on-brand; `pass` is read as ok) or `drift`. */
export type LabelVerdict = 'ok' | 'drift';

/** One row of a label file: one reviewer's judgement of one sample. */
export interface LabelRecord {
  /** The sample id, as in the audited samples. */
  id: string;
  verdict: LabelVerdict;
  /** Absent when the file does not name reviewers; such rows count as distinct anonymous reviewers. */
  reviewer?: string;
  /** Per dimension id: a whole number 1–5. Only the dimensions the reviewer scored. */
  scores: Record<string, number>;
  location: SourceLocation;
}

/** A label file as read: its rows, identity (for the calibration record) and non-fatal problems. */
export interface LabelSet {
  /** The file as the user named it. */
  file: string;
  /** sha256 (hex) of the file's bytes. */
  sha256: string;
  records: LabelRecord[];
  /** Kept-but-worth-knowing problems, e.g. a reviewer labelling the same sample twice (the later row is ignored). */
  warnings: string[];
}

import { didYouMean } from '../load/styleguide/did-you-mean.js';
import type { Problem, SourceLocation } from '../types.js';
import type { LabelRecord, LabelVerdict } from './label-record.js';

const ID_KEYS = ['id', 'sample_id', 'sampleId'];
const VERDICT_KEYS = ['label', 'verdict'];
const REVIEWER_KEYS = ['reviewer', 'reviewer_id', 'reviewerId'];
/** CSV columns that are neither scores nor typos of a dimension. */
const KNOWN_COLUMNS = new Set([...ID_KEYS, ...VERDICT_KEYS, ...REVIEWER_KEYS, 'scores', 'note', 'notes', 'comment', 'types']);

export type ParsedLabel = { ok: true; label: LabelRecord } | { ok: false; problems: Problem[] };

/**
 * Turns one parsed JSONL object or CSV row into a {@link LabelRecord}, or every problem with it.
 * Scores: JSONL `scores: {dim: n}`; CSV columns named after a dimension or `score.<dim>`. Empty
 * values (`""`, null) mean "not scored". A column that looks like a misspelt dimension, or any
 * `score.<x>` / `scores` key naming no dimension, is a problem (with a did-you-mean).
 * `dimensions` undefined (the judge has none, e.g. `--grader none`): score keys are not checked
 * against a guide, and only `scores` / `score.<dim>` fields are read as scores.
 */
export function parseLabelRecord(value: unknown, location: SourceLocation, dimensions: readonly string[] | undefined, columns?: readonly string[]): ParsedLabel {
  const problems: Problem[] = [];
  const problem = (path: string, message: string, hint?: string) => problems.push({ location, path, message, ...(hint ? { hint } : {}) });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem('', 'expected an object with id and label');
    return { ok: false, problems };
  }
  const record = value as Record<string, unknown>;
  const csv = columns !== undefined;

  const idKey = ID_KEYS.find((k) => present(record[k]));
  const rawId = idKey ? record[idKey] : undefined;
  if (rawId === undefined) problem('id', 'missing; expected the sample id (id, sample_id or sampleId)');
  else if (typeof rawId !== 'string' && typeof rawId !== 'number') problem(idKey!, `expected a string, got ${typeof rawId}`);

  const verdictKey = VERDICT_KEYS.find((k) => present(record[k])) ?? 'label';
  const verdict = parseVerdict(record[verdictKey]);
  if (verdict === undefined) {
    const got = record[verdictKey];
    problem(verdictKey, got === undefined || got === '' || got === null ? 'missing; expected ok or drift' : `expected ok or drift, got ${JSON.stringify(got)}`);
  }

  const reviewerKey = REVIEWER_KEYS.find((k) => present(record[k]));
  const reviewer = reviewerKey ? String(record[reviewerKey]).trim() : undefined;

  const scores: Record<string, number> = {};
  const addScore = (dimension: string, path: string, raw: unknown) => {
    if (dimensions && !dimensions.includes(dimension)) {
      const guess = didYouMean(dimension, dimensions);
      problem(path, `unknown dimension "${dimension}"${guess ? ` (did you mean ${guess}?)` : ''}`, `the guide's dimensions are: ${dimensions.join(', ')}`);
      return;
    }
    if (!present(raw)) return;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 5) problem(path, `expected a whole number from 1 to 5, got ${JSON.stringify(raw)}`);
    else scores[dimension] = n;
  };
  if (!csv && record.scores !== undefined && record.scores !== null) {
    if (typeof record.scores !== 'object' || Array.isArray(record.scores)) problem('scores', 'expected an object of dimension scores, e.g. {"empathy": 4}');
    else for (const [dimension, raw] of Object.entries(record.scores as Record<string, unknown>)) addScore(dimension, `scores.${dimension}`, raw);
  }
  for (const key of Object.keys(record)) {
    if (key.startsWith('score.') || key.startsWith('scores.')) addScore(key.slice(key.indexOf('.') + 1), key, record[key]);
    else if (dimensions?.includes(key)) addScore(key, key, record[key]);
    else if (dimensions && csv && !KNOWN_COLUMNS.has(key) && didYouMean(key, dimensions)) addScore(key, key, record[key]);
  }

  if (problems.length > 0 || rawId === undefined || verdict === undefined) return { ok: false, problems };
  return { ok: true, label: { id: String(rawId), verdict, ...(reviewer ? { reviewer } : {}), scores, location } };
}

function parseVerdict(raw: unknown): LabelVerdict | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim().toLowerCase();
  if (value === 'ok' || value === 'pass') return 'ok';
  if (value === 'drift') return 'drift';
  return undefined;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

import { z } from 'zod';
import type { DimensionScore, Finding, Grade, Sample, Span, StyleGuide } from '../../types.js';

/** Outcome of parsing a model's verdict: a graded {@link Grade} (no model/usage yet) or why it was rejected. */
export type VerdictResult = { ok: true; grade: Grade } | { ok: false; error: string };

const DRIFT = ['on-brand', 'minor-drift', 'major-drift'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Ids a violation may name: every rule, escalation trigger and voice trait of the guide, sorted. */
export function violationIds(guide: StyleGuide): string[] {
  const ids = new Set([...guide.rules.map((r) => r.id), ...guide.escalation.map((e) => e.id), ...guide.voice.traits.map((t) => t.id)]);
  return [...ids].sort();
}

/**
 * JSON schema of the verdict for `output_config.format` and the forced-tool fallback. Every object has
 * `additionalProperties: false` and lists all its properties as required; scores use `enum` rather than
 * numeric bounds, which structured outputs do not enforce.
 */
export function buildVerdictSchema(guide: StyleGuide): Record<string, unknown> {
  const dimensionScore = {
    type: 'object',
    additionalProperties: false,
    required: ['score', 'reason'],
    properties: { score: { type: 'integer', enum: [1, 2, 3, 4, 5] }, reason: { type: 'string' } },
  };
  const ids = violationIds(guide);
  return {
    type: 'object',
    additionalProperties: false,
    required: ['scores', 'violations', 'drift', 'rewrite'],
    properties: {
      scores: {
        type: 'object',
        additionalProperties: false,
        required: guide.dimensions.map((d) => d.id),
        properties: Object.fromEntries(guide.dimensions.map((d) => [d.id, dimensionScore])),
      },
      violations: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'severity', 'quote', 'why'],
          properties: {
            id: ids.length > 0 ? { type: 'string', enum: ids } : { type: 'string' },
            severity: { type: 'string', enum: [...SEVERITIES] },
            quote: { type: 'string' },
            why: { type: 'string' },
          },
        },
      },
      drift: { type: 'string', enum: [...DRIFT] },
      rewrite: { type: 'string' },
    },
  };
}

function verdictSchema(guide: StyleGuide) {
  const ids = new Set(violationIds(guide));
  const score = z.object({ score: z.number().int().min(1).max(5), reason: z.string() });
  return z.object({
    scores: z.record(z.string(), score),
    violations: z.array(
      z.object({
        id: z.string().refine((id) => ids.has(id), { message: 'names no rule, trigger or trait of the guide' }),
        severity: z.enum(SEVERITIES),
        quote: z.string(),
        why: z.string(),
      }),
    ),
    drift: z.enum(DRIFT),
    rewrite: z.string().nullish(),
  });
}

/**
 * Validates a model's verdict and turns it into a graded {@link Grade}. Pure.
 * - Every guide dimension must be scored (1–5); extra dimensions are ignored.
 * - A violation whose quote does not occur in the reply (after whitespace and quote-mark normalisation)
 *   is dropped and counted in `droppedEvidence`: the model may not invent evidence.
 * - A reply scoring below a dimension's `min` is drifting whatever the model said (the guide's definition).
 * - The rewrite is kept only when drifting.
 */
export function parseVerdict(raw: unknown, sample: Sample, guide: StyleGuide): VerdictResult {
  const parsed = verdictSchema(guide).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `invalid verdict: ${where}${issue?.message ?? 'does not match the schema'}` };
  }
  const verdict = parsed.data;
  const scores: Record<string, DimensionScore> = {};
  for (const dimension of guide.dimensions) {
    const entry = verdict.scores[dimension.id];
    if (!entry) return { ok: false, error: `invalid verdict: scores.${dimension.id}: missing` };
    scores[dimension.id] = { score: entry.score, reason: entry.reason.trim() };
  }

  const violations: Finding[] = [];
  let droppedEvidence = 0;
  for (const violation of verdict.violations) {
    const span = locateQuote(sample.response, violation.quote);
    if (!span) {
      droppedEvidence += 1;
      continue;
    }
    violations.push({
      ruleId: violation.id,
      kind: 'grader',
      severity: violation.severity,
      message: violation.why.trim(),
      match: sample.response.slice(span.start, span.end),
      span,
      origin: 'grader',
    });
  }
  violations.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || a.ruleId.localeCompare(b.ruleId));

  const belowMin = guide.dimensions.some((d) => (scores[d.id]?.score ?? 5) < d.min);
  const drift = verdict.drift === 'on-brand' && belowMin ? 'minor-drift' : verdict.drift;
  const rewrite = verdict.rewrite?.trim();
  const grade: Grade = { status: 'graded', grader: 'llm', scores, violations, drift, droppedEvidence };
  if (drift !== 'on-brand' && rewrite) grade.rewrite = rewrite;
  return { ok: true, grade };
}

// Models retype curly quotes and dashes; folding them (one char to one char) keeps offsets aligned.
const FOLD: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '\u00a0': ' ' };

/**
 * Finds `quote` in `text` ignoring differences in whitespace runs and quote marks.
 * Returns the span in the original `text` (0-based UTF-16, end exclusive), or undefined.
 */
export function locateQuote(text: string, quote: string): Span | undefined {
  const needle = normalise(quote.trim()).text;
  if (needle === '') return undefined;
  const haystack = normalise(text);
  const at = haystack.text.indexOf(needle);
  if (at < 0) return undefined;
  const start = haystack.offsets[at];
  const last = haystack.offsets[at + needle.length - 1];
  if (start === undefined || last === undefined) return undefined;
  return { start, end: last + 1 };
}

/** Collapses whitespace runs to one space and folds quote marks, remembering each output char's source offset. */
function normalise(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = FOLD[text[i] ?? ''] ?? text[i] ?? '';
    if (/\s/.test(ch)) {
      if (!inSpace) {
        out += ' ';
        offsets.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    out += ch;
    offsets.push(i);
  }
  return { text: out, offsets };
}

import type { Finding, Grade, Sample, StyleGuide, Usage } from '../../types.js';
import { callModel, type CallerDeps } from './call-model.js';
import { addUsage, ZERO_USAGE } from './price-usage.js';
import { rewriteCacheKey, type CallKind, type ResultCache } from './result-cache.js';
import { collectRewriteProblems, renderRewriteTurn, type PreviousRewrite } from './rewrite-turn.js';
import { parseRewrite } from './verdict.js';
import { REWRITE_OUTPUT } from './verdict-request.js';

/** The guide's rules run on a rewrite, in the original's conversation: the findings it has. */
export type CheckRewrite = (text: string, sample: Sample) => readonly Finding[];

export interface RewriteContext {
  deps: CallerDeps;
  guide: StyleGuide;
  model: string;
  promptHash: string;
  schema: Record<string, unknown>;
  cache: ResultCache | undefined;
  checkRewrite?: CheckRewrite;
  emit: (event: { type: 'cache-error'; message: string } | { type: 'rewrite-failed'; sampleId: string; reason: string }) => void;
  /** Adds a live call's usage to the grader's totals. */
  track: (usage: Usage) => void;
  onCacheHit: () => void;
}

interface Attempt {
  ok: boolean;
  text?: string;
  error?: string;
  usage: Usage;
  calls: number;
  cached: boolean;
}

interface Checked {
  text: string;
  errors: number;
  warnings: number;
  failing: Finding[];
}

/**
 * The second call, for a drifting reply only: an on-brand rewrite written from the reply, its
 * problems and the guide's voice (the same cached system prompt). The rewrite is re-checked with the
 * rules; when it still has error or warning findings, one retry lists them, and the better of the two
 * (fewer errors, then fewer warnings; the first on a tie) is kept. A failed rewrite call leaves the
 * grade graded, without a rewrite. Returns the grade with the rewrite, its check and the costs added.
 */
export async function rewriteReply(ctx: RewriteContext, sample: Sample, findings: readonly Finding[], grade: Grade, signal?: AbortSignal): Promise<Grade> {
  const problems = collectRewriteProblems(ctx.guide, findings, grade);
  const attempts: Attempt[] = [];
  const first = await attempt(ctx, sample, renderRewriteTurn(sample, problems).text, 'rewrite', signal);
  attempts.push(first);
  let kept: Checked | undefined;
  if (first.text !== undefined) {
    kept = check(ctx, first.text, sample);
    if (kept.failing.length > 0) {
      const previous: PreviousRewrite = { rewrite: kept.text, findings: kept.failing };
      const retry = await attempt(ctx, sample, renderRewriteTurn(sample, problems, previous).text, 'rewrite-retry', signal);
      attempts.push(retry);
      const second = retry.text !== undefined ? check(ctx, retry.text, sample) : undefined;
      if (second && (second.errors < kept.errors || (second.errors === kept.errors && second.warnings < kept.warnings))) kept = second;
    }
  } else ctx.emit({ type: 'rewrite-failed', sampleId: sample.id, reason: first.error ?? 'no rewrite' });

  let usage = grade.usage;
  let calls = grade.calls ?? (grade.cached ? 0 : 1);
  for (const a of attempts) {
    if (a.calls > 0) usage = addUsage(usage ?? ZERO_USAGE, a.usage);
    calls += a.calls;
  }
  const { cached: _cached, usage: _usage, ...rest } = grade;
  const allCached = grade.cached === true && attempts.every((a) => a.cached);
  const text = kept?.text ?? first.text;
  return {
    ...rest,
    ...(text !== undefined ? { rewrite: text } : {}),
    ...(kept && ctx.checkRewrite ? { rewriteCheck: { findings: kept.failing.length, passed: kept.failing.length === 0 } } : {}),
    ...(usage ? { usage } : {}),
    calls,
    ...(allCached ? { cached: true } : {}),
  };
}

function check(ctx: RewriteContext, text: string, sample: Sample): Checked {
  if (!ctx.checkRewrite) return { text, errors: 0, warnings: 0, failing: [] };
  const failing = ctx.checkRewrite(text, sample).filter((f) => f.severity !== 'info');
  return { text, errors: failing.filter((f) => f.severity === 'error').length, warnings: failing.filter((f) => f.severity === 'warning').length, failing };
}

async function attempt(ctx: RewriteContext, sample: Sample, user: string, kind: Exclude<CallKind, 'score'>, signal: AbortSignal | undefined): Promise<Attempt> {
  const key = rewriteCacheKey(ctx.model, ctx.promptHash, kind, user);
  const hit = await ctx.cache?.readRewrite(key);
  if (hit !== undefined) {
    ctx.onCacheHit();
    return { ok: true, text: hit, usage: ZERO_USAGE, calls: 0, cached: true };
  }
  const outcome = await callModel(ctx.deps, {
    sampleId: sample.id,
    user,
    schema: ctx.schema,
    tool: REWRITE_OUTPUT,
    what: 'rewrite',
    parse: (raw) => {
      const parsed = parseRewrite(raw);
      return parsed.ok ? { ok: true, value: parsed.rewrite } : parsed;
    },
    ...(signal ? { signal } : {}),
  });
  ctx.track(outcome.usage);
  if (!outcome.ok) return { ok: false, error: outcome.error, usage: outcome.usage, calls: outcome.calls, cached: false };
  try {
    await ctx.cache?.writeRewrite(key, outcome.value);
  } catch (error) {
    ctx.emit({ type: 'cache-error', message: (error as Error).message });
  }
  return { ok: true, text: outcome.value, usage: outcome.usage, calls: outcome.calls, cached: false };
}

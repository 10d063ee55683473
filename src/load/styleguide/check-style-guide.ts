import type { Problem } from '../../types.js';
import { didYouMean } from './did-you-mean.js';
import { unknownKeyProblem } from './explain-issues.js';
import { formatPath, locate } from './locate.js';
import type { GuidePositions, PathSegment } from './locate.js';
import { kindsWithOption, RULE_COMMON_KEYS, RULE_KIND_OPTIONS, RULE_KINDS } from './rule-kinds.js';
import type { RuleKind } from './rule-kinds.js';

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);
const listAt = (guide: Plain, key: string): unknown[] => (Array.isArray(guide[key]) ? (guide[key] as unknown[]) : []);

/**
 * Checks what a shape schema cannot: rule key names per kind, unique ids, `catches` naming real
 * rules, scale anchors, and scored examples' scores naming real dimensions. Runs on the raw YAML data and tolerates any shape, so its problems
 * are reported alongside zod's instead of after the author fixes those.
 */
export function checkStyleGuide(data: unknown, positions: GuidePositions, file: string): Problem[] {
  if (!isPlain(data)) return [];
  const context: CheckContext = { positions, file, problems: [] };
  checkRuleKeys(data, context);
  checkUniqueIds(data, context);
  checkCatches(data, context);
  checkScales(data, context);
  checkEscalationTriggers(data, context);
  checkScoredExamples(data, context);
  return context.problems;
}

interface CheckContext {
  positions: GuidePositions;
  file: string;
  problems: Problem[];
}

function report(context: CheckContext, path: PathSegment[], message: string, hint?: string): void {
  const problem: Problem = { location: locate(context.positions, path, context.file), path: formatPath(path), message };
  if (hint) problem.hint = hint;
  context.problems.push(problem);
}

// Rules pass kind-specific keys through to their kind, so a typo like `sevrity` or `term`
// would otherwise surface later as a confusing option error, or not at all.
function checkRuleKeys(guide: Plain, context: CheckContext): void {
  listAt(guide, 'rules').forEach((rule, index) => {
    if (!isPlain(rule)) return;
    const kind = RULE_KINDS.find((k) => k === rule.kind);
    const kindKeys = kind ? Object.keys(RULE_KIND_OPTIONS[kind]) : RULE_KINDS.flatMap((k) => Object.keys(RULE_KIND_OPTIONS[k]));
    const valid: string[] = [...RULE_COMMON_KEYS, ...kindKeys];
    for (const key of Object.keys(rule)) {
      if (valid.includes(key)) continue;
      const owners = kindsWithOption(key);
      const problem = unknownKeyProblem(['rules', index, key], valid, context.positions, context.file, kind ? ` for a \`${kind}\` rule` : '');
      if (owners.length > 0) problem.hint = `\`${key}\` belongs to kind ${owners.map((o: RuleKind) => `\`${o}\``).join(' or ')}`;
      context.problems.push(problem);
    }
  });
}

function checkUniqueIds(guide: Plain, context: CheckContext): void {
  // Rules and escalation triggers share one namespace: both become findings keyed by rule id.
  checkUnique(context, [
    ...idsIn(guide, 'rules'),
    ...idsIn(guide, 'escalation'),
  ]);
  checkUnique(context, idsIn(guide, 'dimensions'));
  checkUnique(context, idsIn(guide, 'examples', (n) => `example-${n}`));
  checkUnique(context, idsIn(guide, 'scored_examples', (n) => `scored-example-${n}`));
  if (isPlain(guide.voice)) checkUnique(context, idsIn(guide.voice, 'traits').map((e) => ({ ...e, path: ['voice', ...e.path] })));
}

interface IdEntry {
  id: string;
  path: PathSegment[];
  explicit: boolean;
}

function idsIn(parent: Plain, key: string, fallback?: (n: number) => string): IdEntry[] {
  return listAt(parent, key).flatMap((item, index): IdEntry[] => {
    const id = isPlain(item) ? item.id : undefined;
    if (typeof id === 'string') return [{ id, path: [key, index, 'id'], explicit: true }];
    return fallback ? [{ id: fallback(index + 1), path: [key, index], explicit: false }] : [];
  });
}

function checkUnique(context: CheckContext, entries: IdEntry[]): void {
  const seen = new Map<string, IdEntry>();
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (!first) {
      seen.set(entry.id, entry);
      continue;
    }
    const where = locate(context.positions, first.path, context.file);
    const what = entry.explicit ? 'duplicate id' : 'default id';
    report(
      context,
      entry.path,
      `${what} "${entry.id}" is already used by ${formatPath(first.path.slice(0, 2))} (line ${where.line})`,
      'ids must be unique; rename one of them',
    );
  }
}

function checkCatches(guide: Plain, context: CheckContext): void {
  const known = [...idsIn(guide, 'rules'), ...idsIn(guide, 'escalation')].map((e) => e.id);
  listAt(guide, 'examples').forEach((example, index) => {
    const catches = isPlain(example) ? example.catches : undefined;
    if (!Array.isArray(catches)) return;
    catches.forEach((ruleId: unknown, position) => {
      if (typeof ruleId !== 'string' || known.includes(ruleId)) return;
      const suggestion = didYouMean(ruleId, known);
      report(
        context,
        ['examples', index, 'catches', position],
        `catches names rule "${ruleId}", but no rule or escalation trigger has that id`,
        suggestion ? `did you mean \`${suggestion}\`?` : undefined,
      );
    });
  });
}

function checkScales(guide: Plain, context: CheckContext): void {
  listAt(guide, 'dimensions').forEach((dimension, index) => {
    const scale = isPlain(dimension) ? dimension.scale : undefined;
    if (!isPlain(scale)) return;
    const missing = ['1', '5'].filter((score) => !(score in scale));
    if (missing.length === 0) return;
    report(
      context,
      ['dimensions', index, 'scale'],
      `scale must anchor both ends, 1 (worst) and 5 (best); missing ${missing.join(' and ')}`,
      `add e.g. \`${missing[0]}: "what a reply scoring ${missing[0]} looks like"\``,
    );
  });
}

function checkEscalationTriggers(guide: Plain, context: CheckContext): void {
  listAt(guide, 'escalation').forEach((trigger, index) => {
    if (!isPlain(trigger)) return;
    const hasAny = (key: string) => Array.isArray(trigger[key]) && (trigger[key] as unknown[]).length > 0;
    if (hasAny('customer_mentions') || hasAny('customer_signals') || hasAny('customer_topics')) return;
    // A non-list value is already reported as a type error.
    if (['customer_mentions', 'customer_signals', 'customer_topics'].some((k) => trigger[k] !== undefined && !Array.isArray(trigger[k]))) return;
    report(
      context,
      ['escalation', index],
      'an escalation trigger needs `customer_mentions`, `customer_signals` or `customer_topics`, or it can never fire',
    );
  });
}

// Scores must name the guide's dimensions; an `ok` example may not score below a dimension's
// minimum, since the guide defines that as drift (the grader would learn a contradiction).
function checkScoredExamples(guide: Plain, context: CheckContext): void {
  const dimensions = idsIn(guide, 'dimensions').map((e) => e.id);
  const minimums = new Map(
    listAt(guide, 'dimensions').flatMap((d) => (isPlain(d) && typeof d.id === 'string' && typeof d.min === 'number' ? [[d.id, d.min] as const] : [])),
  );
  listAt(guide, 'scored_examples').forEach((example, index) => {
    const scores = isPlain(example) ? example.scores : undefined;
    if (!isPlain(scores)) return;
    for (const [dimension, score] of Object.entries(scores)) {
      const path: PathSegment[] = ['scored_examples', index, 'scores', dimension];
      if (!dimensions.includes(dimension)) {
        const suggestion = didYouMean(dimension, dimensions);
        context.problems.push({
          location: context.positions.keys[formatPath(path)] ?? locate(context.positions, path, context.file),
          path: formatPath(path),
          message: `scores names dimension "${dimension}", but the guide has no dimension with that id`,
          hint: suggestion ? `did you mean \`${suggestion}\`?` : `dimensions: ${dimensions.join(', ')}`,
        });
        continue;
      }
      const min = minimums.get(dimension);
      if (isPlain(example) && example.verdict === 'ok' && typeof score === 'number' && min !== undefined && score < min) {
        report(
          context,
          path,
          `verdict is ok, but ${dimension} scores ${score}, below its minimum ${min} (a reply under a minimum is drifting)`,
          `raise the score to ${min} or more, or make the verdict drift`,
        );
      }
    }
  });
}

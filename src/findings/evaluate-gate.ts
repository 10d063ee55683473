import { UsageError } from '../errors.js';
import type { AuditSummary, GateResult, SampleResult, Severity } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { driftRateOf } from './drift-rate.js';

/**
 * When an audit fails. Every key is optional and maps 1:1 to a flag (`maxDriftRate` ↔
 * `--max-drift-rate`). Rates are shares in [0, 1]; "exceeds" means strictly greater.
 */
export interface GateOptions {
  /** Any finding at or above this severity fails (default `error`); `none` turns the check off. */
  failOn?: Severity | 'none';
  /** Highest allowed drift rate: drifting / samples with a verdict. */
  maxDriftRate?: number;
  /** Per rule id: highest allowed share of samples with at least one finding of the rule. */
  maxRuleDriftRate?: Record<string, number>;
  /** Per dimension id: lowest allowed mean score (1–5). */
  minDimensionMean?: Record<string, number>;
  /** Highest allowed number of warning findings. */
  maxWarnings?: number;
  /** Highest allowed number of samples that passed in the baseline and drift now (needs a paired comparison). */
  maxNewlyDrifting?: number;
  /** Highest allowed number of conversations that passed in the baseline and drift now (needs verdicts paired by conversation id). */
  maxNewlyDriftingConversations?: number;
  /** Highest allowed number of samples the grader could not judge (default 0: fail closed). */
  maxUngraded?: number;
  /** Highest allowed number of input records skipped as unreadable (default 0: broken input fails CI). */
  maxSkipped?: number;
  /**
   * With a baseline comparison, a drift-rate or rule-rate threshold only fails when the rate also
   * rose significantly against the baseline (two-proportion test unpaired, exact McNemar paired).
   * A rule with no baseline to compare against still fails on its threshold.
   */
  onlySignificantRegressions?: boolean;
}

/** A rate change as `compareAudits` reports it (structural, so this stage needs nothing from `diff/`). */
export interface GateRateChange {
  base: { rate: number };
  change: number;
  pValue: number;
  significant: boolean;
  tooSmall?: string;
}

/** The parts of an `AuditComparison` the gate reads. */
export interface GateComparison {
  mode: 'paired' | 'unpaired';
  modeReason: string;
  drift: GateRateChange;
  rules: (GateRateChange & { ruleId: string; presentIn: 'both' | 'base' | 'head' })[];
  samples?: { newlyDrifting: string[] };
  conversations?: { mode: 'paired' | 'unpaired'; modeReason: string; conversations?: { newlyDrifting: string[] } };
}

export interface GateInput {
  summary: AuditSummary;
  /** Lets reasons say why samples were ungraded. */
  samples?: readonly SampleResult[];
  comparison?: GateComparison;
}

/** The gate's verdict; `notes` say which checks were waived or could not apply, and why. */
export interface GateEvaluation extends GateResult {
  notes: string[];
}

/**
 * Decides whether an audit passes. Lists every reason it fails, each a sentence with the numbers
 * behind it. Throws {@link UsageError} for thresholds out of range.
 */
export function evaluateGate(input: GateInput, gate: GateOptions = {}): GateEvaluation {
  checkOptions(gate);
  const { summary, comparison } = input;
  const reasons: string[] = [];
  const notes: string[] = [];

  if (summary.samples === 0) reasons.push('The audit contains no samples, so nothing was checked.');

  const failOn = gate.failOn ?? 'error';
  if (failOn !== 'none') {
    const severities = (Object.keys(SEVERITY_RANK) as Severity[]).filter((s) => SEVERITY_RANK[s] <= SEVERITY_RANK[failOn]);
    const total = severities.reduce((sum, s) => sum + summary.findingsBySeverity[s], 0);
    if (total > 0) {
      const scope = failOn === 'error' ? 'of severity error' : failOn === 'warning' ? 'of severity warning or above' : 'of any severity';
      const breakdown = severities.length > 1 ? ` (${severities.map((s) => `${summary.findingsBySeverity[s]} ${s}`).join(', ')})` : '';
      reasons.push(`${plural(total, 'finding')} ${scope}${breakdown}; --fail-on ${failOn} allows none.`);
    }
  }

  const ungradedLimit = gate.maxUngraded ?? 0;
  if (summary.ungraded > ungradedLimit) {
    const why = input.samples ? describeGraderErrors(input.samples) : '';
    reasons.push(
      `${summary.ungraded} of ${summary.samples} samples could not be graded${why}, more than --max-ungraded ${ungradedLimit} allows; rerun them or raise --max-ungraded.`,
    );
  }

  const skippedLimit = gate.maxSkipped ?? 0;
  if (summary.skippedRecords > skippedLimit) {
    reasons.push(
      `${summary.skippedRecords} input record(s) could not be read and were skipped, more than --max-skipped ${skippedLimit} allows; fix the input (the warnings name file:line) or raise --max-skipped.`,
    );
  }

  const regression = (change: GateRateChange | undefined, threshold: string): { fail: boolean; suffix: string } => {
    if (!gate.onlySignificantRegressions) return { fail: true, suffix: '' };
    if (!comparison) {
      notes.push(`--only-significant-regressions needs a baseline comparison; none was given, so ${threshold} applies as is.`);
      return { fail: true, suffix: '' };
    }
    if (!change) return { fail: true, suffix: '; there is no baseline rate to compare with' };
    const moved = `${points(change.change)} from ${percent(change.base.rate)} in the baseline, p ${pText(change.pValue)}`;
    if (change.change > 0 && change.significant) return { fail: true, suffix: `, a significant rise of ${moved}` };
    const why = change.tooSmall ? `there is too little data to call the change significant (${change.tooSmall})` : `the change (${moved}) is not a significant increase`;
    return { fail: false, suffix: why };
  };

  if (gate.maxDriftRate !== undefined) {
    const { drifting, judged, rate } = driftRateOf(summary);
    const flag = `--max-drift-rate ${percent(gate.maxDriftRate, true)}`;
    if (judged === 0 && summary.samples > 0) {
      reasons.push(`No sample got a verdict, so ${flag} cannot be checked.`);
    } else if (rate > gate.maxDriftRate) {
      const claim = `Drift rate ${percent(rate)} exceeds ${flag} (${drifting} of ${judged} samples)`;
      const verdict = regression(comparison?.drift, flag);
      if (verdict.fail) reasons.push(`${claim}${verdict.suffix}.`);
      else notes.push(`${claim}, but ${verdict.suffix}, so --only-significant-regressions lets it pass.`);
    }
  }

  for (const ruleId of sortedKeys(gate.maxRuleDriftRate)) {
    const limit = gate.maxRuleDriftRate![ruleId]!;
    const flag = `--max-rule-drift-rate ${ruleId}=${percent(limit, true)}`;
    const rule = summary.rules.find((r) => r.ruleId === ruleId);
    if (!rule) {
      reasons.push(`${flag} names a rule that is not in this audit's style guide; check the rule id.`);
      continue;
    }
    const rate = summary.samples === 0 ? 0 : rule.samples / summary.samples;
    if (rate <= limit) continue;
    const claim = `Rule ${ruleId} fired in ${percent(rate)} of samples (${rule.samples} of ${summary.samples}), above ${flag}`;
    const baseline = comparison?.rules.find((r) => r.ruleId === ruleId && r.presentIn === 'both');
    const verdict = regression(baseline, flag);
    if (verdict.fail) reasons.push(`${claim}${verdict.suffix}.`);
    else notes.push(`${claim}, but ${verdict.suffix}, so --only-significant-regressions lets it pass.`);
  }

  for (const id of sortedKeys(gate.minDimensionMean)) {
    const floor = gate.minDimensionMean![id]!;
    const flag = `--min-dimension-mean ${id}=${num(floor)}`;
    const dimension = summary.dimensions.find((d) => d.id === id);
    if (!dimension || dimension.n === 0) {
      reasons.push(`${flag} cannot be checked: no sample was scored on ${id}${dimension ? '' : ' (the audit has no such dimension, or ran without a grader)'}.`);
    } else if (dimension.mean < floor) {
      reasons.push(`Mean ${id} score ${num(dimension.mean)} is below ${flag} (${plural(dimension.n, 'scored sample')}).`);
    }
  }

  const warnings = summary.findingsBySeverity.warning;
  if (gate.maxWarnings !== undefined && warnings > gate.maxWarnings) {
    reasons.push(`${plural(warnings, 'warning')} exceed --max-warnings ${gate.maxWarnings}.`);
  }

  if (gate.maxNewlyDrifting !== undefined) {
    const flag = `--max-newly-drifting ${gate.maxNewlyDrifting}`;
    if (!comparison) {
      reasons.push(`${flag} needs a baseline audit of the same samples (--baseline), and none was given.`);
    } else if (comparison.mode !== 'paired' || !comparison.samples) {
      reasons.push(`${flag} needs a paired comparison, but the baseline was compared unpaired: ${comparison.modeReason}`);
    } else {
      const ids = comparison.samples.newlyDrifting;
      if (ids.length > gate.maxNewlyDrifting) {
        const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
        reasons.push(`${plural(ids.length, 'sample')} passed in the baseline and drift now (${shown}), more than ${flag} allows.`);
      }
    }
  }

  if (gate.maxNewlyDriftingConversations !== undefined) {
    const flag = `--max-newly-drifting-conversations ${gate.maxNewlyDriftingConversations}`;
    const conversations = comparison?.conversations;
    if (!comparison) {
      reasons.push(`${flag} needs a baseline audit of the same conversations (--baseline), and none was given.`);
    } else if (!conversations) {
      reasons.push(`${flag} needs audits of conversations (transcripts judged with --turns all), and neither audit has any.`);
    } else if (!conversations.conversations) {
      reasons.push(`${flag} needs conversations paired by id, but they were compared unpaired: ${conversations.modeReason}`);
    } else {
      const ids = conversations.conversations.newlyDrifting;
      if (ids.length > gate.maxNewlyDriftingConversations) {
        const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
        reasons.push(`${plural(ids.length, 'conversation')} passed in the baseline and drift now (${shown}), more than ${flag} allows.`);
      }
    }
  }

  return { passed: reasons.length === 0, reasons, notes: [...new Set(notes)] };
}

function checkOptions(gate: GateOptions): void {
  const problems: string[] = [];
  const share = (value: number | undefined, flag: string): void => {
    if (value !== undefined && !(value >= 0 && value <= 1)) problems.push(`${flag} must be a share between 0 and 1 (write 0.15 for 15%), got ${value}`);
  };
  const count = (value: number | undefined, flag: string): void => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) problems.push(`${flag} must be a whole number >= 0, got ${value}`);
  };
  share(gate.maxDriftRate, '--max-drift-rate');
  for (const [id, value] of Object.entries(gate.maxRuleDriftRate ?? {})) share(value, `--max-rule-drift-rate ${id}`);
  for (const [id, value] of Object.entries(gate.minDimensionMean ?? {})) {
    if (!(value >= 1 && value <= 5)) problems.push(`--min-dimension-mean ${id} must be a score between 1 and 5, got ${value}`);
  }
  count(gate.maxWarnings, '--max-warnings');
  count(gate.maxNewlyDrifting, '--max-newly-drifting');
  count(gate.maxNewlyDriftingConversations, '--max-newly-drifting-conversations');
  count(gate.maxUngraded, '--max-ungraded');
  count(gate.maxSkipped, '--max-skipped');
  if (gate.failOn !== undefined && gate.failOn !== 'none' && !(gate.failOn in SEVERITY_RANK)) {
    problems.push(`--fail-on must be one of error, warning, info, none; got ${String(gate.failOn)}`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
}

/** " (timeout ×2; refusal ×1)": the grader's reasons, most frequent first, at most three. */
function describeGraderErrors(samples: readonly SampleResult[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples) {
    if (sample.grade?.status !== 'error') continue;
    const reason = (sample.grade.error ?? 'unknown error').split('\n')[0]!.trim();
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  if (counts.size === 0) return '';
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = ranked.slice(0, 3).map(([reason, n]) => `${reason} ×${n}`);
  if (ranked.length > 3) shown.push(`${ranked.length - 3} other reasons`);
  return ` (grader errors: ${shown.join('; ')})`;
}

function sortedKeys(record: Record<string, number> | undefined): string[] {
  return Object.keys(record ?? {}).sort();
}

/** 0.23 → "23.0%"; thresholds drop needless decimals: 0.15 → "15%", 0.125 → "12.5%". */
function percent(share: number, threshold = false): string {
  return threshold ? `${Number((share * 100).toFixed(2))}%` : `${(share * 100).toFixed(1)}%`;
}

function points(change: number): string {
  return `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)} points`;
}

function pText(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}

function num(value: number): string {
  return String(Number(value.toFixed(3)));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { ConfigError } from '../errors.js';
import type { Finding, Problem, SampleResult, SourceLocation } from '../types.js';
import { decideVerdict } from './decide-verdict.js';
import { normalizeMatch } from './normalize-match.js';

/**
 * One accepted finding from the accepted-findings file:
 *
 * ```yaml
 * accepted:            # or a bare list at the top level
 *   - sample: conv-0142
 *     rule: no-jargon
 *     match: "circle back"   # optional: without it, every finding of the rule in the sample is accepted
 *     reason: Quoting the customer's own words
 *     by: dana
 *     date: 2026-04-02
 *     expires: 2026-07-01    # optional: from this day on the entry no longer applies
 * ```
 */
export interface Suppression {
  sample: string;
  rule: string;
  match?: string;
  reason: string;
  by: string;
  /** YYYY-MM-DD. */
  date: string;
  /** YYYY-MM-DD; the entry stops applying on this day. */
  expires?: string;
  /** Where the entry starts in the file, for "unused" and "expired" messages. */
  location: SourceLocation;
}

const KEYS = ['sample', 'rule', 'match', 'reason', 'by', 'date', 'expires'] as const;
const REQUIRED = ['sample', 'rule', 'reason', 'by', 'date'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses the accepted-findings YAML. Collects every problem (syntax, shape, missing or unknown
 * keys, bad dates) with its file:line:col and throws one {@link ConfigError} listing them all.
 * An empty file is an empty list.
 */
export function parseSuppressions(source: string, file: string): Suppression[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const locate = (offset: number | undefined): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file, line, col };
  };
  const problems: Problem[] = doc.errors.map((error) => ({
    location: locate(error.pos[0]),
    path: '',
    message: `invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  if (problems.length > 0) throw suppressionError(file, problems);

  let list: Node | null | undefined = doc.contents;
  let prefix = '';
  if (isMap(list)) {
    const unknown = list.items.filter((pair) => !(isScalar(pair.key) && pair.key.value === 'accepted'));
    for (const pair of unknown) {
      problems.push({ location: locate(rangeOf(pair.key as Node)), path: String(isScalar(pair.key) ? pair.key.value : ''), message: 'unknown key; the file holds one key, `accepted`' });
    }
    list = list.get('accepted', true) as Node | undefined;
    prefix = 'accepted';
  }
  const entries: Suppression[] = [];
  if (list === null || list === undefined || (isScalar(list) && list.value === null)) {
    if (problems.length > 0) throw suppressionError(file, problems);
    return entries;
  }
  if (!isSeq(list)) {
    problems.push({ location: locate(rangeOf(list)), path: prefix, message: 'expected a list of accepted findings', hint: 'write `accepted:` followed by `- sample: …` entries' });
    throw suppressionError(file, problems);
  }
  list.items.forEach((item, index) => {
    const path = `${prefix}[${index}]`;
    const where = locate(rangeOf(item as Node));
    if (!isMap(item)) {
      problems.push({ location: where, path, message: 'expected a mapping with sample, rule, reason, by and date' });
      return;
    }
    const values: Partial<Record<(typeof KEYS)[number], string>> = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyPath = `${path}.${key}`;
      if (!(KEYS as readonly string[]).includes(key)) {
        problems.push({ location: locate(rangeOf(pair.key as Node)), path: keyPath, message: `unknown key "${key}"`, hint: `known keys: ${KEYS.join(', ')}` });
        continue;
      }
      const value = pair.value as Node | null;
      const text = scalarText(value, source);
      if (text === undefined || text.trim() === '') {
        problems.push({ location: locate(rangeOf(value) ?? rangeOf(pair.key as Node)), path: keyPath, message: 'expected a non-empty string' });
        continue;
      }
      if ((key === 'date' || key === 'expires') && !isCalendarDate(text)) {
        problems.push({ location: locate(rangeOf(value)), path: keyPath, message: `expected a date as YYYY-MM-DD, got "${text}"` });
        continue;
      }
      values[key as (typeof KEYS)[number]] = text;
    }
    const missing = REQUIRED.filter((key) => values[key] === undefined && !item.has(key));
    for (const key of missing) problems.push({ location: where, path, message: `missing required key "${key}"` });
    if (values.sample && values.rule && values.reason && values.by && values.date) {
      entries.push({
        sample: values.sample,
        rule: values.rule,
        ...(values.match !== undefined ? { match: values.match } : {}),
        reason: values.reason,
        by: values.by,
        date: values.date,
        ...(values.expires !== undefined ? { expires: values.expires } : {}),
        location: where,
      });
    }
  });
  if (problems.length > 0) throw suppressionError(file, problems);
  return entries;
}

function suppressionError(file: string, problems: Problem[]): ConfigError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  // File order reads best; sort is stable, so problems at one place keep the order found.
  const sorted = [...problems].sort((a, b) => a.location.line - b.location.line || (a.location.col ?? 0) - (b.location.col ?? 0));
  return new ConfigError(`${file}: the accepted-findings file has ${count}`, { problems: sorted });
}

function rangeOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0] ?? undefined;
}

/**
 * The text of a scalar as the user wrote it: plain numbers and booleans keep their source
 * spelling, so `sample: 0142` stays "0142" rather than becoming 142.
 */
function scalarText(node: Node | null, source: string): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  if ((typeof node.value === 'number' || typeof node.value === 'boolean') && node.range) {
    return source.slice(node.range[0], node.range[1]);
  }
  return undefined;
}

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Result of {@link applySuppressions}. */
export interface SuppressionOutcome {
  /** The results with accepted findings removed and verdicts recomputed; inputs are not mutated. */
  results: SampleResult[];
  /** Number of findings removed. */
  suppressed: number;
  /** Active entries that matched no finding (stale: the reply or rule changed). */
  unused: Suppression[];
  /** Entries whose `expires` date has been reached; they suppressed nothing. */
  expired: Suppression[];
}

/**
 * Removes accepted findings: an entry matches findings of its sample and rule, and when it has
 * `match`, only those whose normalised matched text equals it (see normalizeMatch).
 * `today` (YYYY-MM-DD, injected so this stays pure) decides expiry: an entry with
 * `expires <= today` is expired, suppresses nothing and is reported. Accepted grader
 * violations are removed from `grade.violations` too. A changed sample's verdict is decided again
 * by the audit's own `decideVerdict`, so a sample whose only failing findings were accepted passes
 * unless its grade says it drifts.
 */
export function applySuppressions(
  results: readonly SampleResult[],
  suppressions: readonly Suppression[],
  today: string,
): SuppressionOutcome {
  if (!isCalendarDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got "${today}"`);
  const expired = suppressions.filter((s) => s.expires !== undefined && s.expires <= today);
  const active = suppressions.filter((s) => !expired.includes(s));
  const bySample = new Map<string, Suppression[]>();
  for (const entry of active) bySample.set(entry.sample, [...(bySample.get(entry.sample) ?? []), entry]);

  const used = new Set<Suppression>();
  let suppressed = 0;
  const out = results.map((result) => {
    const entries = bySample.get(result.id);
    if (!entries) return result;
    const accepts = (finding: Finding): boolean => {
      const entry = entries.find((e) => e.rule === finding.ruleId && (e.match === undefined || normalizeMatch(e.match) === normalizeMatch(finding.match)));
      if (entry) used.add(entry);
      return entry !== undefined;
    };
    const findings = result.findings.filter((f) => !accepts(f));
    const removed = result.findings.length - findings.length;
    if (removed === 0) return result;
    suppressed += removed;
    const grade = result.grade && { ...result.grade, violations: result.grade.violations.filter((v) => !accepts(v)) };
    const next: SampleResult = { ...result, findings, ...(grade ? { grade } : {}) };
    return { ...next, verdict: decideVerdict(findings, grade) };
  });
  return { results: out, suppressed, unused: active.filter((s) => !used.has(s)), expired };
}

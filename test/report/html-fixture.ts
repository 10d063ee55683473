import { compareAudits, trend } from '../../src/diff/index.js';
import type { ReportContext } from '../../src/report/reporter.js';
import type { AuditResult, Cue, Grade, SampleResult } from '../../src/types.js';
import { findingAt, makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSamples } from '../helpers/audit-factory.js';

/** A reply that tries to run script in the report; `window.__pwned` is set only if it does. */
export const INJECTION_REPLY =
  'Sure thing! <script>window.__pwned = 1</script> "><img src=x onerror="window.__pwned=2"> Your refund was sent at this time.';

export const LONG_WORD = `token_${'x'.repeat(240)}`;

const RULES = [
  { ruleId: 'no-jargon', kind: 'banned', severity: 'error' as const },
  { ruleId: 'prefer-plain', kind: 'prefer', severity: 'warning' as const },
  { ruleId: 'exclamations', kind: 'pattern', severity: 'info' as const },
  { ruleId: 'empathy-first', kind: 'judge', severity: 'warning' as const },
  { ruleId: 'no-apology-loop', kind: 'banned', severity: 'warning' as const },
];
const DIMENSIONS = [
  { id: 'clarity', min: 3 },
  { id: 'warmth', min: 3 },
  { id: 'brevity', min: 2 },
];
const CHANNELS = ['chat', 'email', 'sms'];

function grade(scores: Record<string, number>, drift: Grade['drift'], extra: Partial<Grade> = {}): Grade {
  const g = makeGrade(scores, { drift, ...extra });
  const cue: Cue = { label: 'formal filler', effect: -1, evidence: 'at this time' };
  if (g.scores['warmth']) g.scores['warmth'].cues = [cue, { label: 'greets by name', effect: 0.5 }];
  return g;
}

/** One reply per pattern; `i` picks the pattern so the audit mixes every case. */
function buildSample(i: number, variant: 'base' | 'head'): Partial<SampleResult> {
  const channel = CHANNELS[i % CHANNELS.length]!;
  const metadata = { channel, locale: 'en-US' };
  const customer = `Order #${1000 + i} has not arrived and I am getting frustrated.`;
  // The head audit fixes some of the base's problems and introduces others, so the comparison has both.
  const pattern = variant === 'head' ? i % 6 : (i + 1) % 6;
  if (i === 6 && variant === 'head') {
    const response = INJECTION_REPLY;
    return {
      customer: 'Where is my <b>refund</b>?',
      response,
      metadata,
      findings: [findingAt(response, 'at this time', { ruleId: 'prefer-plain', kind: 'prefer', severity: 'warning', message: 'Say "now"', suggestion: { span: { start: response.indexOf('at this time'), end: response.indexOf('at this time') + 12 }, replacement: 'now' } }), findingAt(response, '<script>', { message: 'Markup in a reply' })],
      grade: grade({ clarity: 2, warmth: 3, brevity: 4 }, 'major-drift'),
      verdict: 'drift',
    };
  }
  if (i === 7 && variant === 'head') {
    const response = `Please paste this key: ${LONG_WORD} and restart.`;
    return { customer, response, metadata, findings: [findingAt(response, LONG_WORD, { ruleId: 'no-jargon', message: 'Jargon' })], grade: grade({ clarity: 1, warmth: 2, brevity: 3 }, 'major-drift'), verdict: 'drift' };
  }
  switch (pattern) {
    case 0: {
      const response = 'We apologise for the inconvenience. Kindly utilize the portal at this time to leverage our synergy.';
      const findings = [
        findingAt(response, 'utilize', { ruleId: 'prefer-plain', kind: 'prefer', severity: 'warning', message: 'Prefer "use"', suggestion: { span: { start: response.indexOf('utilize'), end: response.indexOf('utilize') + 7 }, replacement: 'use' } }),
        findingAt(response, 'leverage our synergy', { ruleId: 'no-jargon', message: 'Avoid jargon' }),
      ];
      return { customer, response, metadata, findings, grade: grade({ clarity: 2, warmth: 2, brevity: 3 }, 'major-drift', { rewrite: 'Sorry about that. Use the portal now to track your order.' }), verdict: 'drift' };
    }
    case 1:
      return { customer, response: `Your order ${1000 + i} ships tomorrow. Thanks for waiting!`, metadata, findings: [findingAt(`Your order ${1000 + i} ships tomorrow. Thanks for waiting!`, '!', { ruleId: 'exclamations', kind: 'pattern', severity: 'info', message: 'One exclamation is fine' })], grade: grade({ clarity: 5, warmth: 4, brevity: 5 }, 'on-brand'), verdict: 'pass' };
    case 2: {
      const response = 'Please utilize the tracking link in your email to see where the parcel is.';
      const start = response.indexOf('utilize');
      return { customer, response, metadata, findings: [makeFinding({ ruleId: 'prefer-plain', kind: 'prefer', severity: 'warning', message: 'Prefer "use"', match: 'utilize', span: { start, end: start + 7 }, suggestion: { span: { start, end: start + 7 }, replacement: 'use' } })], grade: grade({ clarity: 4, warmth: 3, brevity: 4 }, 'minor-drift'), verdict: 'drift' };
    }
    case 3:
      return { customer, response: 'I checked: your parcel is at the local depot and will arrive today.', metadata, findings: [], grade: makeErrorGrade('the grader timed out after 30s'), verdict: 'ungraded' };
    default:
      return { customer, response: 'Your parcel is on its way and should arrive on Thursday. I am sorry for the wait.', metadata, findings: [], grade: grade({ clarity: 4, warmth: 5, brevity: 4 }, 'on-brand'), verdict: 'pass' };
  }
}

export function buildAudit(variant: 'base' | 'head', count = 36): AuditResult {
  const samples = makeSamples(count, (i) => buildSample(i, variant), 'nw-');
  return makeAudit({
    samples,
    rules: RULES,
    dimensions: DIMENSIONS,
    guide: { brand: 'Northwind <Cloud>', version: variant === 'head' ? '2026.4' : '2026.3', hash: (variant === 'head' ? 'c' : 'd').repeat(64), file: 'styleguide/brand.yaml' },
    gate: variant === 'head' ? { passed: false, reasons: ['drift rate 50.0% exceeds --max-drift-rate 20%', 'an error-severity finding in 7 replies'] } : { passed: true, reasons: [] },
  });
}

/** A realistic head audit with a baseline comparison, a three-point trend and guide changelog. */
export function buildReportInput(count = 36): { result: AuditResult; ctx: ReportContext } {
  const base = buildAudit('base', count);
  const head = buildAudit('head', count);
  const older = buildAudit('base', Math.max(8, Math.floor(count / 2)));
  return {
    result: head,
    ctx: {
      colorLevel: 0,
      showPassing: false,
      graderNote: 'no ANTHROPIC_API_KEY: offline heuristic grader',
      comparison: compareAudits(base, head),
      trend: trend([older, base, head]),
      changelog: [{ version: '2026.4', date: '2026-04-01', note: 'Banned "leverage"; <em>warmer</em> openings.' }],
      gateNotes: ['ungraded replies were not counted (--allow-ungraded)'],
    },
  };
}

import type { GuideExample, RuleConfig, StyleGuide } from '../../types.js';

/**
 * What the rendered guide says about each part of a style guide, independent of the output
 * format, so the Markdown and HTML renderings always carry the same content in the same order.
 * Everything returned is raw text: each renderer escapes it.
 */

/** Rule kinds in the order the guide presents them, with a heading for each. */
const KIND_TITLES: [kind: string, title: string][] = [
  ['banned', 'Words and phrases we never use'],
  ['prefer', 'Words we prefer'],
  ['require', 'What a reply must say'],
  ['limit', 'Limits'],
  ['length', 'Length'],
  ['readability', 'Readability'],
  ['judge', 'Judged by a reader'],
];

export interface RuleGroup {
  kind: string;
  title: string;
  rules: RuleConfig[];
}

/** Rules grouped by kind: known kinds in a fixed order, then any others by name; rules keep guide order. */
export function groupRulesByKind(rules: readonly RuleConfig[]): RuleGroup[] {
  const known = new Map(KIND_TITLES);
  const kinds = [...new Set(rules.map((r) => r.kind))].sort((a, b) => {
    const ia = KIND_TITLES.findIndex(([k]) => k === a);
    const ib = KIND_TITLES.findIndex(([k]) => k === b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return kinds.map((kind) => ({ kind, title: known.get(kind) ?? `Rules of kind ${kind}`, rules: rules.filter((r) => r.kind === kind) }));
}

/** The guide's examples whose `catches` names this rule or escalation id, in guide order. */
export function examplesCatching(guide: StyleGuide, id: string): GuideExample[] {
  return guide.examples.filter((example) => example.catches.includes(id));
}

/** `calm-under-pressure` → `Calm under pressure`. */
export function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One fact about a rule: a sentence, a list of phrases, or a table of swaps. */
export type RuleDetail =
  | { type: 'text'; text: string }
  | { type: 'list'; label: string; items: string[] }
  | { type: 'pairs'; label: string; headers: [string, string]; pairs: [string, string][] };

const COUNT_LABELS: Record<string, string> = {
  exclamation: 'exclamation marks',
  question: 'question marks',
  emoji: 'emoji',
  'all-caps': 'words in capitals',
  apology: 'apologies',
  pattern: 'matches of the pattern',
};

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [];
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The keys each kind is described by; any other option is listed as written so nothing is hidden. */
const DESCRIBED_KEYS: Record<string, string[]> = {
  banned: ['terms', 'patterns', 'case_sensitive'],
  prefer: ['swap'],
  limit: ['count', 'max', 'pattern', 'terms'],
  length: ['max_words', 'min_words', 'max_sentences'],
  readability: ['max_grade', 'min_words'],
  require: ['any'],
  judge: [],
};

/** What a rule checks, in plain words, from its kind-specific options. */
export function describeRule(rule: RuleConfig): RuleDetail[] {
  const o = rule.options;
  const details: RuleDetail[] = [];
  const signals = rule.when?.customer ?? [];
  if (signals.length > 0) details.push({ type: 'text', text: `Applies only when the customer seems ${signals.join(' and ')}.` });
  switch (rule.kind) {
    case 'banned': {
      const terms = strings(o.terms);
      const patterns = strings(o.patterns);
      if (terms.length > 0) details.push({ type: 'list', label: 'Never write', items: terms });
      if (patterns.length > 0) details.push({ type: 'list', label: 'Patterns', items: patterns });
      if (o.case_sensitive === true) details.push({ type: 'text', text: 'Matching is case-sensitive.' });
      break;
    }
    case 'prefer': {
      const swap = o.swap && typeof o.swap === 'object' && !Array.isArray(o.swap) ? Object.entries(o.swap as Record<string, unknown>) : [];
      details.push({ type: 'pairs', label: 'Swaps', headers: ['Instead of', 'Write'], pairs: swap.map(([from, to]) => [from, String(to)]) });
      break;
    }
    case 'limit': {
      const count = typeof o.count === 'string' ? o.count : 'matches';
      const max = num(o.max);
      details.push({ type: 'text', text: max === 0 ? `No ${COUNT_LABELS[count] ?? count}.` : `At most ${max ?? '?'} ${COUNT_LABELS[count] ?? count}.` });
      const phrases = [...strings(o.pattern), ...strings(o.terms)];
      if (phrases.length > 0) details.push({ type: 'list', label: 'Counted', items: phrases });
      break;
    }
    case 'length': {
      const parts = [
        num(o.min_words) !== undefined ? `at least ${num(o.min_words)} words` : '',
        num(o.max_words) !== undefined ? `at most ${num(o.max_words)} words` : '',
        num(o.max_sentences) !== undefined ? `at most ${num(o.max_sentences)} sentences` : '',
      ].filter(Boolean);
      details.push({ type: 'text', text: `Replies of ${parts.join(', ')}.` });
      break;
    }
    case 'readability': {
      const minWords = num(o.min_words) ?? 30;
      details.push({ type: 'text', text: `Flesch–Kincaid grade ${num(o.max_grade) ?? '?'} or below (replies under ${minWords} words are not checked).` });
      break;
    }
    case 'require':
      details.push({ type: 'list', label: 'Say at least one of', items: strings(o.any) });
      break;
    case 'judge':
      details.push({ type: 'text', text: 'Only a reader can judge this: the grader checks it, the rule engine does not.' });
      break;
  }
  const described = DESCRIBED_KEYS[rule.kind];
  for (const [key, value] of Object.entries(o)) {
    if (described?.includes(key)) continue;
    details.push({ type: 'text', text: `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}` });
  }
  return details;
}

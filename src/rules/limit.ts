import { z } from 'zod';
import type { Span } from '../types.js';
import { matchPatterns } from '../text/phrase-matcher.js';
import {
  buildAcronymSet,
  findAllCapsWords,
  findApologies,
  findEmoji,
  findExclamations,
  findQuestionMarks,
} from '../text/tone-markers.js';
import { compilePatternOption, compilePhraseOption } from './compile-option.js';
import { RuleCompileError, type RuleModule } from './rule-module.js';

const COUNTS = ['exclamation', 'question', 'emoji', 'all-caps', 'apology', 'pattern'] as const;

const options = z
  .strictObject({
    count: z.enum(COUNTS),
    max: z.int().min(0),
    /** With `count: pattern`: a regex (bare or `/source/flags`) whose matches are counted. */
    pattern: z.string().min(1).optional(),
    /** With `count: pattern`: literal phrases whose occurrences are counted (whole words). */
    terms: z.array(z.string().min(1)).min(1).optional(),
    /** With `count: all-caps`: acronyms to ignore, in addition to the built-in list (API, URL, SLA…). */
    allow: z.array(z.string().min(1)).optional(),
    /** With `count: pattern`. */
    case_sensitive: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.count === 'pattern' && o.pattern === undefined && o.terms === undefined) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: '`count: pattern` needs `pattern` or `terms`' });
    }
    if (o.count !== 'pattern') {
      for (const key of ['pattern', 'terms'] as const) {
        if (o[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` only applies to \`count: pattern\`` });
      }
    }
    if (o.count !== 'all-caps' && o.allow !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['allow'], message: '`allow` only applies to `count: all-caps`' });
    }
  });

export type LimitOptions = z.output<typeof options>;

/**
 * Caps how often a mark of tone may appear in one reply. Reports at most one problem per reply:
 * the count, with the span of the first occurrence beyond `max`.
 */
export const limit: RuleModule<LimitOptions> = {
  meta: {
    kind: 'limit',
    description: 'Caps exclamation marks, questions, emoji, ALL-CAPS words, apologies or a pattern per reply',
    options,
    messages: {
      exclamation: 'Too many exclamation marks: {{count}} (at most {{max}})',
      question: 'Too many question marks: {{count}} (at most {{max}})',
      emoji: 'Too many emoji: {{count}} (at most {{max}})',
      'all-caps': 'Too many ALL-CAPS words: {{count}} (at most {{max}})',
      apology: 'Too many apologies: {{count}} (at most {{max}})',
      pattern: 'Too many matches of the pattern: {{count}} (at most {{max}}), first extra “{{match}}”',
    },
  },
  create(opts) {
    const find = compileCounter(opts);
    return ({ sample }) => {
      const spans = find(sample.response);
      const beyond = spans[opts.max];
      if (beyond === undefined) return [];
      return [{ messageId: opts.count, data: { count: spans.length, max: opts.max }, span: { start: beyond.start, end: beyond.end } }];
    };
  },
};

function compileCounter(opts: LimitOptions): (text: string) => Span[] {
  switch (opts.count) {
    case 'exclamation':
      return findExclamations;
    case 'question':
      return findQuestionMarks;
    case 'emoji':
      return findEmoji;
    case 'apology':
      return findApologies;
    case 'all-caps': {
      const allow = buildAcronymSet(opts.allow);
      return (text) => findAllCapsWords(text, allow);
    }
    case 'pattern': {
      const patterns = opts.pattern === undefined ? [] : compileSinglePattern(opts.pattern, opts.case_sensitive);
      const terms = compilePhraseOption('terms', opts.terms ?? [], { caseSensitive: opts.case_sensitive, mode: 'word', regex: false });
      return (text) => {
        const spans = terms(text);
        if (patterns.length > 0) spans.push(...matchPatterns(patterns, text));
        return patterns.length > 0 && spans.length > 0 ? spans.sort((a, b) => a.start - b.start) : spans;
      };
    }
  }
}

/** `pattern` is a single string, so a bad one is reported at `pattern`, not `pattern[0]`. */
function compileSinglePattern(pattern: string, caseSensitive: boolean): RegExp[] {
  try {
    return compilePatternOption('pattern', [pattern], caseSensitive);
  } catch (error) {
    if (error instanceof RuleCompileError) throw new RuleCompileError('pattern', error.message);
    throw error;
  }
}

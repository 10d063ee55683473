import { z } from 'zod';
import { isNegated } from '../text/is-negated.js';
import { matchPatterns } from '../text/phrase-matcher.js';
import { compilePatternOption, compilePhraseOption } from './compile-option.js';
import type { RuleModule, RuleProblem } from './rule-module.js';

const options = z
  .strictObject({
    /** Literal words/phrases, matched as whole words. */
    terms: z.array(z.string().min(1)).optional(),
    /** Regex sources, bare or `/source/flags`. */
    patterns: z.array(z.string().min(1)).optional(),
    case_sensitive: z.boolean().default(false),
    /** Skip a match right after a negation in its sentence: "it isn't your fault" exonerates, it does not blame. */
    unless_negated: z.boolean().default(false),
  })
  .refine((o) => (o.terms?.length ?? 0) + (o.patterns?.length ?? 0) > 0, {
    message: 'a banned rule needs at least one entry in `terms` or `patterns`',
  });

export type BannedOptions = z.output<typeof options>;

/** Phrases and patterns the reply must not contain; one finding per occurrence. */
export const banned: RuleModule<BannedOptions> = {
  meta: {
    kind: 'banned',
    description: 'Flags words, phrases and patterns the brand never uses',
    options,
    messages: { banned: 'Avoid “{{match}}”' },
  },
  create(opts) {
    const caseSensitive = opts.case_sensitive;
    const terms = compilePhraseOption('terms', opts.terms ?? [], { caseSensitive, mode: 'word', regex: false });
    const patterns = compilePatternOption('patterns', opts.patterns ?? [], caseSensitive);
    return ({ sample }) => {
      const text = sample.response;
      const matches = terms(text);
      if (patterns.length > 0) matches.push(...matchPatterns(patterns, text));
      const problems: RuleProblem[] = [];
      const seen = new Set<string>();
      for (const { start, end } of matches) {
        const key = `${start}:${end}`;
        if (seen.has(key)) continue; // a term and a pattern may find the same words
        seen.add(key);
        if (opts.unless_negated && isNegated(text, start)) continue;
        problems.push({ messageId: 'banned', span: { start, end } });
      }
      return problems;
    };
  },
};

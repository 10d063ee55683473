import { z } from 'zod';
import { countWords } from '../text/count-words.js';
import { splitSentences } from '../text/split-sentences.js';
import type { RuleModule, RuleProblem } from './rule-module.js';

const options = z
  .strictObject({
    max_words: z.int().min(1).optional(),
    min_words: z.int().min(1).optional(),
    max_sentences: z.int().min(1).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.max_words === undefined && o.min_words === undefined && o.max_sentences === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a length rule needs at least one of `max_words`, `min_words`, `max_sentences`' });
    }
    if (o.max_words !== undefined && o.min_words !== undefined && o.min_words > o.max_words) {
      ctx.addIssue({ code: 'custom', path: ['min_words'], message: `\`min_words\` (${o.min_words}) is above \`max_words\` (${o.max_words})` });
    }
  });

export type LengthOptions = z.output<typeof options>;

/** Bounds the length of a reply in words and sentences. Findings have no span: the whole reply is at fault. */
export const length: RuleModule<LengthOptions> = {
  meta: {
    kind: 'length',
    description: 'Keeps replies within a word and sentence budget',
    options,
    messages: {
      tooLong: 'Reply is {{count}} words long (at most {{max}})',
      tooShort: 'Reply is only {{count}} words long (at least {{min}})',
      tooManySentences: 'Reply has {{count}} sentences (at most {{max}})',
    },
  },
  create(opts) {
    return ({ sample }) => {
      const problems: RuleProblem[] = [];
      if (opts.max_words !== undefined || opts.min_words !== undefined) {
        const words = countWords(sample.response);
        if (opts.max_words !== undefined && words > opts.max_words) {
          problems.push({ messageId: 'tooLong', data: { count: words, max: opts.max_words } });
        }
        if (opts.min_words !== undefined && words < opts.min_words) {
          problems.push({ messageId: 'tooShort', data: { count: words, min: opts.min_words } });
        }
      }
      if (opts.max_sentences !== undefined) {
        const sentences = splitSentences(sample.response).length;
        if (sentences > opts.max_sentences) {
          problems.push({ messageId: 'tooManySentences', data: { count: sentences, max: opts.max_sentences } });
        }
      }
      return problems;
    };
  },
};

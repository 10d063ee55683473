import { z } from 'zod';
import { measureReadability } from '../text/flesch-kincaid-grade.js';
import type { RuleModule } from './rule-module.js';

const options = z.strictObject({
  /** Highest acceptable Flesch–Kincaid grade. */
  max_grade: z.number().min(0),
  /** Replies shorter than this are skipped: on a few words the grade is noise. */
  min_words: z.int().min(1).default(30),
});

export type ReadabilityOptions = z.output<typeof options>;

/** Flags replies that read above a school grade (Flesch–Kincaid). */
export const readability: RuleModule<ReadabilityOptions> = {
  meta: {
    kind: 'readability',
    description: 'Keeps replies at or below a Flesch–Kincaid reading grade',
    options,
    messages: { tooHard: 'Reads at grade {{grade}} (at most {{max}})' },
  },
  create(opts) {
    return ({ sample }) => {
      const stats = measureReadability(sample.response);
      if (stats.words < opts.min_words || stats.grade <= opts.max_grade) return [];
      return [{ messageId: 'tooHard', data: { grade: stats.grade.toFixed(1), max: opts.max_grade, words: stats.words } }];
    };
  },
};

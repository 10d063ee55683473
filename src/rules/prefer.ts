import { z } from 'zod';
import { compilePhraseMatcher, PhraseError, type PhraseMatcher } from '../text/phrase-matcher.js';
import { formatOptionPath } from './locate.js';
import { RuleCompileError, type RuleModule } from './rule-module.js';

const options = z.strictObject({
  /** `from: to` — words/phrases to replace and what to write instead. */
  swap: z
    .record(z.string().min(1), z.string().min(1))
    .refine((s) => Object.keys(s).length > 0, { message: 'a prefer rule needs at least one `from: to` entry in `swap`' }),
});

export type PreferOptions = z.output<typeof options>;

const UPPER_START = /^\p{Lu}/u;

/** `replacement` with a capital first letter when the text it replaces starts with one. */
export function matchCapital(original: string, replacement: string): string {
  if (!UPPER_START.test(original)) return replacement;
  return replacement.charAt(0).toUpperCase() + replacement.slice(1);
}

/** Words the brand replaces with its own (`utilize` → `use`); each finding carries the fix. */
export const prefer: RuleModule<PreferOptions> = {
  meta: {
    kind: 'prefer',
    description: 'Suggests the brand’s word in place of another',
    options,
    messages: { prefer: 'Write “{{replacement}}” instead of “{{match}}”' },
  },
  create(opts) {
    const froms = Object.keys(opts.swap);
    const tos = froms.map((from) => opts.swap[from] ?? '');
    let match: PhraseMatcher;
    try {
      match = compilePhraseMatcher(froms, { mode: 'word', regex: false });
    } catch (error) {
      // `swap` is a map, so the offending entry is named by its key, not an index.
      if (error instanceof PhraseError) throw new RuleCompileError(formatOptionPath(['swap', froms[error.index] ?? '']), error.message);
      throw error;
    }
    return ({ sample }) =>
      match(sample.response).map(({ start, end, phrase }) => {
        const replacement = matchCapital(sample.response.slice(start, end), tos[phrase] ?? '');
        return {
          messageId: 'prefer',
          data: { replacement },
          span: { start, end },
          suggestion: { span: { start, end }, replacement },
        };
      });
  },
};

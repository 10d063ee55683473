import { z } from 'zod';
import { compilePhraseOption } from './compile-option.js';
import type { RuleModule } from './rule-module.js';

const options = z.strictObject({
  /** Phrases (matched at a word start, so stems work: `sorry to hear` or `apologi`) or `/regex/flags`. */
  any: z.array(z.string().min(1)).min(1),
});

export type RequireOptions = z.output<typeof options>;

/** The reply must contain at least one of the phrases; usually paired with `when`. The finding has no span. */
export const require: RuleModule<RequireOptions> = {
  meta: {
    kind: 'require',
    description: 'Requires at least one of a set of phrases in the reply',
    options,
    messages: { missing: 'Reply contains none of: {{phrases}}' },
  },
  create(opts) {
    const match = compilePhraseOption('any', opts.any, { mode: 'prefix' });
    const phrases = opts.any.map((p) => `“${p}”`).join(', ');
    return ({ sample }) => (match(sample.response, 1).length > 0 ? [] : [{ messageId: 'missing', data: { phrases } }]);
  },
};

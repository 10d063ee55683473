import { z } from 'zod';
import { compilePhraseOption } from './compile-option.js';
import { REQUIRE_DETECTORS, replyShows } from '../detect/reply-shows.js';
import type { RuleModule } from './rule-module.js';

const options = z
  .strictObject({
    /** Phrases (matched at a word start, so stems work: `sorry to hear` or `apologi`) or `/regex/flags`. */
    any: z.array(z.string().min(1)).default([]),
    /** A built-in detector that also satisfies the rule: reads the meaning in any phrasing. */
    detect: z.enum(REQUIRE_DETECTORS).optional(),
  })
  .refine((o) => o.any.length > 0 || o.detect !== undefined, { message: 'a require rule needs `any` phrases or a `detect` detector', path: ['any'] });

export type RequireOptions = z.output<typeof options>;

/**
 * The reply must show something: one of the phrases, or what the named detector reads (an
 * acknowledgement of how the customer feels, a handoff to a person, an answer or next step).
 * Usually paired with `when`. The finding has no span.
 */
export const require: RuleModule<RequireOptions> = {
  meta: {
    kind: 'require',
    description: 'Requires at least one of a set of phrases, or what a built-in detector reads, in the reply',
    options,
    messages: { missing: 'Reply contains none of: {{phrases}}', missingDetected: 'Reply shows no {{detector}}' },
  },
  create(opts) {
    const match = opts.any.length > 0 ? compilePhraseOption('any', opts.any, { mode: 'prefix' }) : undefined;
    const phrases = opts.any.map((p) => `“${p}”`).join(', ');
    return ({ sample, customerText }) => {
      if (match !== undefined && match(sample.response, 1).length > 0) return [];
      if (opts.detect !== undefined && replyShows(opts.detect, sample.response, customerText)) return [];
      return opts.detect !== undefined && match === undefined
        ? [{ messageId: 'missingDetected', data: { detector: opts.detect } }]
        : [{ messageId: 'missing', data: { phrases: opts.detect ? `${phrases} (nor any ${opts.detect})` : phrases } }];
    };
  },
};

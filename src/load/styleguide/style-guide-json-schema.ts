import { z } from 'zod';
import { buildStyleGuideSchema, ruleSchemaForEditors } from './style-guide-schema.js';

/**
 * The JSON Schema (draft-07, which YAML editors support best) for the style guide, generated
 * from the same zod schema the loader uses, with one `oneOf` variant per rule kind so editors
 * offer each kind's own keys. `schema/styleguide.schema.json` is this object, pretty-printed;
 * a test keeps the two equal.
 */
export function styleGuideJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(buildStyleGuideSchema(ruleSchemaForEditors), { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'tone-audit style guide',
    description: 'A brand style guide for support replies: voice, scored dimensions, rules, escalation and examples. See docs/styleguide-format.md.',
    ...rest,
  };
}

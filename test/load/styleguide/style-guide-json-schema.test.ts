import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULE_KIND_OPTIONS, RULE_KINDS, styleGuideJsonSchema } from '../../../src/load/styleguide/index.js';
import { checkJsonSchema } from './check-json-schema.js';

const SCHEMA_FILE = 'schema/styleguide.schema.json';
const schema = styleGuideJsonSchema();
const bundled = parse(readFileSync('styleguide/northwind.yaml', 'utf8')) as Record<string, unknown>;

describe('styleGuideJsonSchema', () => {
  it(`matches the committed ${SCHEMA_FILE} (regenerate: npm run build && node scripts/write-json-schema.js)`, () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('is what the bundled guide points its editor at', () => {
    expect(readFileSync('styleguide/northwind.yaml', 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/styleguide.schema.json',
    );
  });

  it('offers one rule variant per kind, with that kind’s own keys', () => {
    type Variant = { properties: Record<string, { const?: string }> };
    const properties = schema.properties as { rules: { items: { oneOf: Variant[] } } };
    const variants = properties.rules.items.oneOf;
    expect(variants.map((v) => v.properties.kind?.const)).toEqual([...RULE_KINDS]);
    variants.forEach((variant, i) => {
      const kind = RULE_KINDS[i]!;
      for (const key of Object.keys(RULE_KIND_OPTIONS[kind])) expect(variant.properties, `${kind}.${key}`).toHaveProperty(key);
    });
  });

  it('accepts the bundled guide', () => {
    expect(checkJsonSchema(schema, bundled)).toEqual([]);
  });

  it('rejects a typo in a rule key and an unknown kind, as an editor would flag them', () => {
    const rules = bundled.rules as Record<string, unknown>[];
    const typo = { ...bundled, rules: [{ ...rules[0], sevrity: 'error' }] };
    const badKind = { ...bundled, rules: [{ id: 'x', kind: 'bannned', terms: ['a'] }] };
    expect(checkJsonSchema(schema, typo)).toContain('.rules[0]: matches 0 oneOf branches');
    expect(checkJsonSchema(schema, badKind)).toContain('.rules[0]: matches 0 oneOf branches');
    expect(checkJsonSchema(schema, { ...bundled, brand: 3 })).toEqual(['.brand: is not string']);
  });
});

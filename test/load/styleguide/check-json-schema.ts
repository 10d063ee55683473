/**
 * A small JSON Schema (draft-07) checker covering the keywords zod emits for the style guide
 * schema, so tests can show an editor would accept the bundled guide. Returns error paths.
 */
type Schema = Record<string, unknown>;

export function checkJsonSchema(schema: Schema, value: unknown, path = ''): string[] {
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${path || '(root)'}: ${why}`);

  if (schema.anyOf) {
    const ok = (schema.anyOf as Schema[]).some((s) => checkJsonSchema(s, value, path).length === 0);
    if (!ok) fail('matches no anyOf branch');
  }
  if (schema.oneOf) {
    const matches = (schema.oneOf as Schema[]).filter((s) => checkJsonSchema(s, value, path).length === 0).length;
    if (matches !== 1) fail(`matches ${matches} oneOf branches`);
  }
  if ('const' in schema && value !== schema.const) fail(`is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) fail(`is not one of ${JSON.stringify(schema.enum)}`);

  const types = schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type);
  if (types.length > 0 && !types.some((t) => isType(value, t as string))) return [...errors, `${path || '(root)'}: is not ${types.join('|')}`];

  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) fail('is too short');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('is below minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('is above maximum');
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail('is not above exclusiveMinimum');
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('has too few items');
    if (schema.items) value.forEach((item, i) => errors.push(...checkJsonSchema(schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (isType(value, 'object')) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) fail(`lacks required ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (schema.propertyNames) errors.push(...checkJsonSchema(schema.propertyNames as Schema, key, `${path}.${key} (name)`));
      if (properties[key]) errors.push(...checkJsonSchema(properties[key], item, `${path}.${key}`));
      else if (schema.additionalProperties === false) fail(`has unknown key ${key}`);
      else if (isType(schema.additionalProperties, 'object')) errors.push(...checkJsonSchema(schema.additionalProperties as Schema, item, `${path}.${key}`));
    }
  }
  return errors;
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

/** Names a YAML value the way a guide author thinks of it ("a list", "a mapping"), for "expected X, got Y" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value} (a boolean)`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

/** A scalar as written (`"critical"`, `2.5`), anything else by its kind ("a list"). */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describeValue(value);
}

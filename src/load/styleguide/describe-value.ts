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

/** A short type name for messages: `null`, `array`, `object`, `number`, `string`, `boolean`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

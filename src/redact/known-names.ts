import type { Detection } from './pii-types.js';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Every whole-word, case-sensitive occurrence of `names` in `text` (longest name first where they overlap). */
export function detectKnownNames(text: string, names: readonly string[]): Detection[] {
  const found: Detection[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (name === '') continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      const before = at > 0 ? text[at - 1]! : '';
      const after = end < text.length ? text[end]! : '';
      if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
      found.push({ type: 'name', start: at, end });
    }
  }
  return found;
}

/** A detected full name and its parts ("Omar Khan" → "Omar Khan", "Omar", "Khan"), so repeats of either are found. */
export function nameForms(name: string): string[] {
  const parts = name.split(' ').filter((p) => p.length >= 2);
  return [...new Set([name, ...(parts.length > 1 ? parts : [])])];
}

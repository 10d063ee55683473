/** A negation within the four words before a match, in the same clause: "not", "never", "isn't", "in no way". */
const NEGATION_BEFORE = /(?:\b(?:not|never|no|nothing|none)\b|n['’]t\b)(?:\W+[\p{L}'’]+){0,3}?\W*$/iu;
/** Where a clause starts again: a sentence end, a comma or colon, "but". */
const CLAUSE_BREAK = /[.!?\n,;:]|\bbut\b/iu;

/**
 * Whether the words just before `start` negate what follows: "it isn't your fault" takes the
 * blame off the customer, "this is not in any way your fault" too; "you didn't read it, but that
 * was your fault" does not, because the negation is in another clause.
 */
export function isNegated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const clause = before.split(CLAUSE_BREAK).pop() ?? '';
  return NEGATION_BEFORE.test(clause);
}

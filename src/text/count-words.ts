/** A word: letters/digits, joined by inner apostrophes or hyphens (`don't`, `follow-up`, `3.5` counts as two). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Number of words in `text`. */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** The words of `text`, in order. */
export function listWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

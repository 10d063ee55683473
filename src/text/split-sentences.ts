/**
 * Candidate sentence ends: terminal punctuation (with trailing quotes/brackets) before whitespace
 * or the end, a blank line, or a line break before a list item (`- `, `* `, `• `, `1. `, `2) `).
 * Chat replies often use lists without full stops, and each item reads as a sentence.
 */
const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t])/gu;

/** Words after which a full stop does not end a sentence (compared lower-case, without the dot). */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'approx', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'nos', 'inc', 'ltd', 'co', 'jr', 'sr',
  'fig', 'min', 'max', 'dept', 'est', 'ext', 'tel', 'a.m', 'p.m', 'u.s', 'u.k', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const WORD_BEFORE_DOT = /([\p{L}.]+)$/u;
/** `1.` opening a line is a list number, not the end of a sentence. */
const LIST_NUMBER = /^[ \t]*\d{1,3}$/;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the `.` at `index` follows an abbreviation (`e.g.`, `Dr.`), a lone initial (`J.`) or a list number (`1.`). */
function isAbbreviation(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  if (index - lineStart <= 8 && LIST_NUMBER.test(text.slice(lineStart, index))) return true;
  const m = WORD_BEFORE_DOT.exec(text.slice(Math.max(0, index - 12), index));
  if (!m) return false;
  const word = (m[1] ?? '').toLowerCase();
  return ABBREVIATIONS.has(word) || SINGLE_CAPITAL.test(m[1] ?? '');
}

/** Splits `text` into trimmed, non-empty sentences (linear time; no NLP model). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const mark = m[0];
    if (mark === '.' && isAbbreviation(text, m.index)) continue;
    const end = m.index + mark.length;
    const sentence = text.slice(start, end).trim();
    if (sentence !== '' && HAS_WORD_CHAR.test(sentence)) sentences.push(sentence);
    else if (sentence !== '' && sentences.length > 0) sentences[sentences.length - 1] += sentence; // stray "!!" joins its sentence
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '' && HAS_WORD_CHAR.test(rest)) sentences.push(rest);
  return sentences;
}

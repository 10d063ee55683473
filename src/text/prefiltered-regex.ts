import { requiredFactor } from './linear-regex.js';

/**
 * A regex of our own (lexicons, detectors) with the literal every match must contain, checked
 * first: a text without any of those words cannot match, and one native scan for a few literals
 * is much cheaper than trying the pattern at every position. Built once, at module load.
 */
export interface PrefilteredRegExp {
  regex: RegExp;
  /** Case-insensitive test for the required literal; undefined when the pattern has none worth checking. */
  requires?: RegExp;
}

export function prefiltered(source: string, flags: string): PrefilteredRegExp {
  const factor = requiredFactor(source);
  const caseFlags = flags.includes('i') ? 'iu' : 'u';
  return { regex: new RegExp(source, flags), ...(factor === undefined ? {} : { requires: new RegExp(factor, caseFlags) }) };
}

/** Whether `text` can match at all (the required literal is present, or there is none). */
export function mayMatch(pattern: PrefilteredRegExp, text: string): boolean {
  return pattern.requires === undefined || pattern.requires.test(text);
}

/** Every non-empty match of a global regex in `text`, as spans, in order. */
export function matchesOf(pattern: PrefilteredRegExp, text: string): { start: number; end: number }[] {
  if (!mayMatch(pattern, text)) return [];
  const { regex } = pattern;
  const out: { start: number; end: number }[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex += 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

import type { Severity } from '../../types.js';

/**
 * One explainable language cue of the heuristic grader: what text fires it, how far it moves a
 * score, and why it matters. Lexicons are plain data so they can be reviewed, hashed (the
 * grader's `promptHash`) and tuned without touching scoring code.
 */
export interface LexiconEntry {
  /** Stable id, unique within its list; also the suffix of a violation's rule id. */
  id: string;
  /** Short human label shown as the cue's `label`. */
  label: string;
  /**
   * Literal phrases, matched as the rules match a guide's phrases (`text/phrase-matcher.ts`):
   * case-insensitively at word boundaries, whitespace matching any run of whitespace, a straight or
   * curly apostrophe matching either, the longest phrase winning where several start together.
   */
  phrases?: readonly string[];
  /**
   * Regex sources (compiled with flags `giu`, or `gu` when {@link caseSensitive}) for what a phrase cannot say. `{S}` stands for
   * "at the start of a sentence" (start of text, or after `.`, `!`, `?` or a newline).
   */
  patterns?: readonly string[];
  /** Skip a match right after a negation in its clause ("it isn't your fault"), see `text/is-negated.ts`. */
  unlessNegated?: boolean;
  /** Match case exactly (for ALL-CAPS cues); phrases and patterns are case-insensitive otherwise. */
  caseSensitive?: boolean;
  /** Points added to (negative: taken from) the dimension score on the 1–5 scale, once per text. */
  effect: number;
  /** Why the cue means what we say it means — the documentation of the entry. */
  note: string;
  /** When set, each match in a reply is also reported as a grader violation. */
  violation?: { severity: Severity; message: string };
}

import type { StyleGuide } from '../../types.js';
import type { LexiconEntry } from './lexicon-entry.js';

/** Phrases the guide's voice traits ask for (`do`) and forbid (`dont`), as lexicon entries. */
export interface VoiceLexicon {
  do: LexiconEntry[];
  dont: LexiconEntry[];
}

// Quoted fragments in a do/dont line are the literal phrases it means: Don't say "per our policy".
const QUOTED = /["“”‘’']([^"“”‘’']{2,60})["“”‘’']/gu;
// An unquoted line this short is itself a phrase ("no worries"); longer lines are advice for people.
const MAX_LITERAL_WORDS = 3;

function phrasesOf(line: string): string[] {
  const quoted = [...line.matchAll(QUOTED)].map((m) => (m[1] ?? '').trim()).filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (quoted.length > 0) return quoted;
  const trimmed = line.trim().replace(/[.!]+$/u, '');
  return trimmed.split(/\s+/u).length <= MAX_LITERAL_WORDS && trimmed !== '' ? [trimmed] : [];
}

/**
 * Reads the literal phrases out of the guide's voice traits: quoted fragments of each do/dont line,
 * or the whole line when it is at most three words. Advice that names no phrase ("Open with a policy
 * citation") cannot be checked literally; the built-in lexicons cover the common cases (policy-first
 * openers, blame, slang) instead.
 */
export function buildVoiceLexicon(guide: StyleGuide): VoiceLexicon {
  const result: VoiceLexicon = { do: [], dont: [] };
  for (const trait of guide.voice.traits) {
    for (const [list, lines, effect] of [
      [result.do, trait.do, 0.3],
      [result.dont, trait.dont, -0.7],
    ] as const) {
      lines.forEach((line, index) => {
        const phrases = phrasesOf(line);
        if (phrases.length === 0) return;
        list.push({
          id: `${trait.id}-${effect > 0 ? 'do' : 'dont'}-${index + 1}`,
          label: effect > 0 ? `voice “${trait.id}”: ${line}` : `voice “${trait.id}” don't: ${line}`,
          phrases,
          effect,
          note: `From the guide's voice trait ${trait.id}.`,
          ...(effect < 0 ? { violation: { severity: 'warning' as const, message: `Voice “${trait.id}” says don't: ${line} — found “{{match}}”` } } : {}),
        });
      });
    }
  }
  return result;
}

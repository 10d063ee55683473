import { describe, expect, it } from 'vitest';
import { buildVoiceLexicon } from '../../../src/grader/heuristic/build-voice-lexicon.js';
import { matchLexicon } from '../../../src/grader/heuristic/match-lexicon.js';
import { makeGuide } from './make-guide.js';

describe('buildVoiceLexicon', () => {
  const guide = makeGuide({}, [
    { id: 'warm', do: ['“Thanks for your patience”'], dont: ['Open with a policy citation', 'Say “per our policy” or "as stated"', 'no worries'] },
  ]);
  const voice = buildVoiceLexicon(guide);

  it('takes quoted fragments and short lines as literal phrases, and skips advice that names no phrase', () => {
    expect(voice.dont.map((e) => e.phrases)).toEqual([['per our policy', 'as stated'], ['no worries']]);
    expect(voice.do.map((e) => e.phrases)).toEqual([['Thanks for your patience']]);
  });

  it('matches case-insensitively at word boundaries with curly apostrophes and any whitespace', () => {
    const text = 'PER OUR\npolicy, and No worries — but not "no worriesome".';
    expect(matchLexicon(text, voice.dont).map((h) => h.text)).toEqual(['PER OUR\npolicy', 'No worries']);
    expect(matchLexicon('', voice.dont)).toEqual([]);
  });

  it('handles a guide with no traits', () => {
    expect(buildVoiceLexicon(makeGuide())).toEqual({ do: [], dont: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { scorePoliteness } from '../../../src/grader/heuristic/index.js';

describe('scorePoliteness', () => {
  it('ranks hand-written polite requests above impolite ones', () => {
    const polite = [
      'Hi! Could you please take a look at the article when you have time? Thanks so much for your help.',
      'Would you mind checking the citation? I think it might be outdated. Thank you!',
      'Sorry to bother you, but I was wondering if you could help me with the template.',
    ];
    const impolite = [
      'Why did you delete my edit? Stop doing that.',
      'You obviously have no idea what you are talking about. This is nonsense!!',
      'So what is your problem? Actually, the point is you never read the sources.',
    ];
    const worstPolite = Math.min(...polite.map((t) => scorePoliteness(t).score));
    const bestImpolite = Math.max(...impolite.map((t) => scorePoliteness(t).score));
    expect(worstPolite).toBeGreaterThan(0);
    expect(bestImpolite).toBeLessThan(0);
    expect(worstPolite).toBeGreaterThan(bestImpolite);
  });

  it('names its cues with evidence from the text', () => {
    const text = 'Could you please fix it? Thanks!';
    const { score, cues } = scorePoliteness(text);
    expect(cues.map((c) => c.label)).toEqual(expect.arrayContaining(['gratitude', 'please', 'indirect request (could/would you)']));
    for (const cue of cues) expect(text).toContain(cue.evidence!);
    expect(score).toBeCloseTo(cues.reduce((sum, c) => sum + c.effect, 0), 5);
  });

  it('counts a strategy once however often it occurs', () => {
    expect(scorePoliteness('thanks thanks thanks').score).toBe(scorePoliteness('thanks').score);
  });

  it('is neutral on empty or cue-free text, and does not treat a lone acronym as shouting', () => {
    expect(scorePoliteness('')).toEqual({ score: 0, cues: [] });
    expect(scorePoliteness('The API returns JSON.').cues.map((c) => c.label)).not.toContain('shouting (ALL CAPS)');
    expect(scorePoliteness('THIS IS UNACCEPTABLE').cues.map((c) => c.label)).toContain('shouting (ALL CAPS)');
  });
});

import { describe, expect, it } from 'vitest';
import { createHeuristicGrader } from '../../../src/grader/heuristic/index.js';
import { prefilterBuilds } from '../../../src/text/prefiltered-regex.js';
import { makeGuide, makeSample } from './make-guide.js';

describe('the heuristic and the shared literal prefilter', () => {
  it('compiles every lexicon before the first reply, so later replies never rebuild the automaton', async () => {
    const grader = await createHeuristicGrader(makeGuide({}, [{ id: 'plain', do: ['Say "happy to help"'], dont: ['Never say "per our policy"'] }]));
    const before = prefilterBuilds();
    await grader.grade(makeSample('Sorry about the wait. Open Settings and choose Rotate.', 'My key leaked, help!'), []);
    const afterFirst = prefilterBuilds();
    // At most one build per automaton (case-folded and exact literals) for the first reply.
    expect(afterFirst - before).toBeLessThanOrEqual(2);
    for (const reply of ['Per our policy, no.', 'I have passed this to our billing team, who will email you today.', 'LOL whatever 🙄']) {
      await grader.grade(makeSample(reply, 'I was charged twice and nobody answers.'), []);
    }
    expect(prefilterBuilds()).toBe(afterFirst);
  });
});

import { describe, expect, it } from 'vitest';
import { createHeuristicGrader } from '../../../src/grader/heuristic/index.js';
import { makeGuide, makeSample } from './make-guide.js';

// Written for this test; no evaluation set's wording.
const DOWN = 'Our online store is down and nobody can check out. It has been like this since 9am.';

describe('an outage and what acknowledges it', () => {
  it('an engineer put on it at once acknowledges the outage; steps alone do not', async () => {
    const grader = await createHeuristicGrader(makeGuide({}, []));
    const noEmpathy = async (reply: string) => (await grader.grade(makeSample(reply, DOWN), [])).violations.some((v) => v.ruleId === 'heuristic/no-empathy');
    expect(await noEmpathy("I've escalated this to our on-call engineers, who will call you within 15 minutes with an update.")).toBe(false);
    expect(await noEmpathy('Clear your browser cache and check your DNS records in the control panel.')).toBe(true);
  });
});

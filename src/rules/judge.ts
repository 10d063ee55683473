import { z } from 'zod';
import type { RuleModule } from './rule-module.js';

const options = z.strictObject({});

export type JudgeOptions = z.output<typeof options>;

/**
 * A tone rule only a reader can judge (its `description` says what to look for). The engine
 * finds nothing for it; graders receive it through the guide and report violations under its id.
 * It is still compiled and listed so summaries show it.
 */
export const judge: RuleModule<JudgeOptions> = {
  meta: {
    kind: 'judge',
    description: 'A rule judged by the grader, not by the deterministic engine',
    options,
    messages: {},
  },
  create() {
    return () => [];
  },
};

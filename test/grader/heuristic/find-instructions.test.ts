import { beforeAll, describe, expect, it } from 'vitest';
import { createTextAnalyzer, loadWink, type TextAnalyzer } from '../../../src/grader/heuristic/analyze-text.js';
import { findInstructions } from '../../../src/grader/heuristic/find-instructions.js';

let analyze: TextAnalyzer;
beforeAll(async () => {
  analyze = createTextAnalyzer(await loadWink());
});

const found = (text: string) => findInstructions(analyze(text)).map((i) => ({ text: i.sentence.text, exact: i.exact, polite: i.polite }));

describe('findInstructions', () => {
  it('finds imperative steps and tells exact ones from bare orders', () => {
    expect(found('Add the record under Domains → DNS and click Verify. Restart the pipeline. Run `nw doctor`, please.')).toEqual([
      { text: 'Add the record under Domains → DNS and click Verify.', exact: true, polite: false },
      { text: 'Restart the pipeline.', exact: false, polite: false },
      { text: 'Run `nw doctor`, please.', exact: true, polite: true },
    ]);
  });

  it('skips questions, soft openers and statements', () => {
    expect(found('Let me check that for you. Thanks for waiting. Could you send the log? The build failed at 10:02.')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});

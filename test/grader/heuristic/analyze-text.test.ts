import winkNlp from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createTextAnalyzer, loadWink } from '../../../src/grader/heuristic/analyze-text.js';

const TEXTS = [
  '',
  '?!',
  '   ',
  'OK.',
  'Sorry about the wait. Open Settings, then API keys, and choose Rotate. The old key keeps working for a day.',
  'Unfortunately, the reconfiguration of your telecommunications infrastructure necessitates additional authorisation documentation.',
  'I understand how frustrating this is!!! Your order #A-55102 ships tomorrow, 14 March, at 9:30am — £12.99 refunded 🙂',
  'hey lol np, ur all set',
  'Line one\n\nLine two without a full stop\n- a bullet\n- another bullet',
];

describe('the text analysis', () => {
  it("reads the same readability figures as wink-nlp's readabilityStats with its full default pipeline", async () => {
    const analyze = createTextAnalyzer(await loadWink());
    const reference = winkNlp(model);
    for (const text of TEXTS) {
      const stats = reference.readDoc(text).out(reference.its.readabilityStats) as unknown as { fres: number; numOfWords: number; numOfComplexWords: number };
      const analysis = analyze(text);
      expect({ text, fres: analysis.fres, words: analysis.wordCount, complex: analysis.complexWordCount }).toEqual({
        text,
        fres: stats.fres,
        words: stats.numOfWords,
        complex: stats.numOfComplexWords,
      });
    }
  });

  it('tags and splits as the full pipeline does (entity recognition is off, nothing here reads it)', async () => {
    const analyze = createTextAnalyzer(await loadWink());
    const full = createTextAnalyzer(winkNlp(model));
    for (const text of TEXTS) expect(analyze(text)).toEqual(full(text));
  });
});

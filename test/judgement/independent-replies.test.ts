import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Two sets of 160 support replies, each from eight industries (none of them the bundled guide's or
// the development set's), written and labelled for this project under the same policy as the
// development set, without seeing the judge; and a third of 120 from eight more industries, written
// in session 8 by a helper that saw only the labelling policy. The detectors were then improved on
// them, so this is a REGRESSION check of the offline judge, not a measure of accuracy: README
// "Verdict policy and how well the judge does" has the held-out figures and what these sets scored
// before tuning.
const firstSets = ['independent-replies.jsonl', 'independent-replies-2.jsonl'].map((name) => path.resolve(import.meta.dirname, '../fixtures/judgement', name));
const thirdSet = [path.resolve(import.meta.dirname, '../fixtures/judgement/independent-replies-3.jsonl')];
const fixtures = [...firstSets, ...thirdSet];
const labels = new Map(
  fixtures
    .flatMap((fixture) => readFileSync(fixture, 'utf8').trim().split('\n'))
    .map((line) => JSON.parse(line) as { id: string; label: 'ok' | 'drift' })
    .map((r) => [r.id, r.label]),
);

async function verdicts(grader: 'heuristic' | 'none', files = firstSets): Promise<Map<string, string>> {
  const run = await runCli(['audit', ...files, '--grader', grader, '--format', 'json', '--no-cache']);
  expect(run.code).toBe(1);
  const result = JSON.parse(run.stdout) as { samples: { id: string; verdict: string }[] };
  return new Map(result.samples.map((s) => [s.id, s.verdict]));
}

function rates(judged: Map<string, string>): { recall: number; falsePositiveRate: number } {
  let tp = 0, fn = 0, fp = 0, tn = 0;
  for (const [id, label] of labels) {
    if (!judged.has(id)) continue;
    const drift = judged.get(id) === 'drift';
    if (label === 'drift') drift ? tp++ : fn++;
    else drift ? fp++ : tn++;
  }
  return { recall: tp / (tp + fn), falsePositiveRate: fp / (fp + tn) };
}

describe('the offline judge on the independent labelled replies (regression check)', () => {
  it('rules + heuristic: catches most drift and flags few good replies', async () => {
    const { recall, falsePositiveRate } = rates(await verdicts('heuristic'));
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(falsePositiveRate).toBeLessThanOrEqual(0.05);
  });

  it('rules alone flag almost no good reply', async () => {
    const { falsePositiveRate } = rates(await verdicts('none'));
    expect(falsePositiveRate).toBeLessThanOrEqual(0.06);
  });

  it('the third set: rules + heuristic catch most drift with few false flags; rules alone flag none', async () => {
    const heuristic = rates(await verdicts('heuristic', thirdSet));
    expect(heuristic.recall).toBeGreaterThanOrEqual(0.85);
    expect(heuristic.falsePositiveRate).toBeLessThanOrEqual(0.15);
    expect(rates(await verdicts('none', thirdSet)).falsePositiveRate).toBeLessThanOrEqual(0.02);
  });
});

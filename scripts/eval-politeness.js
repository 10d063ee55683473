#!/usr/bin/env node
// Evaluates the heuristic grader's politeness signal (scorePoliteness) against the Wikipedia half
// of the Stanford Politeness Corpus (../shared/data/politeness-wikipedia.jsonl, not shipped).
//
//   npm run build && node scripts/eval-politeness.js [path/to/politeness-wikipedia.jsonl]
//
// Binary task (as in the paper): `polite` (top quartile) vs `impolite` (bottom quartile) items.
// Split: items whose numeric id is even tune the decision threshold (the "train" half); items
// whose id is odd are held out for the test accuracy. The lexicon was adjusted by looking at the
// train half only. ROC AUC and Spearman's rho need no threshold and are reported on all items.
// Exits 0 with a message when the data file is absent (it lives outside the repository).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataPath = resolve(process.argv[2] ?? resolve(here, '..', '..', 'shared', 'data', 'politeness-wikipedia.jsonl'));

if (!existsSync(dataPath)) {
  console.log(`eval-politeness: skipped, data file not found: ${dataPath}`);
  process.exit(0);
}

const { scorePoliteness } = await import('../dist/grader/heuristic/score-politeness.js');

const items = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))
  .map((item) => ({ ...item, predicted: scorePoliteness(item.text).score }));

const idNumber = (id) => Number.parseInt(String(id).replace(/\D+/g, ''), 10);
const binary = items.filter((item) => item.label === 'polite' || item.label === 'impolite');
const train = binary.filter((item) => idNumber(item.id) % 2 === 0);
const test = binary.filter((item) => idNumber(item.id) % 2 === 1);

const accuracy = (set, threshold) =>
  set.filter((item) => (item.predicted > threshold) === (item.label === 'polite')).length / set.length;

function bestThreshold(set) {
  const values = [...new Set(set.map((item) => item.predicted))].sort((a, b) => a - b);
  const candidates = [values[0] - 1, ...values.slice(0, -1).map((v, i) => (v + values[i + 1]) / 2), values.at(-1) + 1];
  let best = { threshold: 0, accuracy: -1 };
  for (const threshold of candidates) {
    const acc = accuracy(set, threshold);
    // Ties go to the threshold nearest 0, the lexicon's neutral point.
    if (acc > best.accuracy || (acc === best.accuracy && Math.abs(threshold) < Math.abs(best.threshold))) {
      best = { threshold, accuracy: acc };
    }
  }
  return best;
}

/** Average ranks (1-based), ties sharing their mean rank. */
function ranks(values) {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1].value === order[i].value) j += 1;
    const mean = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) result[order[k].index] = mean;
    i = j + 1;
  }
  return result;
}

/** ROC AUC by the Mann–Whitney U statistic (ties count one half). */
function rocAuc(set) {
  const r = ranks(set.map((item) => item.predicted));
  const positives = set.filter((item) => item.label === 'polite').length;
  const negatives = set.length - positives;
  const rankSum = set.reduce((sum, item, i) => (item.label === 'polite' ? sum + r[i] : sum), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function pearson(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const spearman = (set) => pearson(ranks(set.map((i) => i.predicted)), ranks(set.map((i) => i.politeness_score)));

const { threshold, accuracy: trainAccuracy } = bestThreshold(train);
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const silent = binary.filter((item) => item.predicted === 0).length;

console.log(`data: ${dataPath}`);
console.log(`items: ${items.length} (binary polite/impolite: ${binary.length}; train = even ids ${train.length}, test = odd ids ${test.length})`);
console.log(`threshold (chosen on train): score > ${threshold.toFixed(3)} means polite`);
console.log(`accuracy: train ${pct(trainAccuracy)}, test ${pct(accuracy(test, threshold))}  (human agreement 90.3%, chance 50%)`);
console.log(`ROC AUC (binary items): all ${rocAuc(binary).toFixed(3)}, train ${rocAuc(train).toFixed(3)}, test ${rocAuc(test).toFixed(3)}`);
console.log(`Spearman rho vs politeness_score: all ${items.length} items ${spearman(items).toFixed(3)}, binary items ${spearman(binary).toFixed(3)}`);
console.log(`binary items with no cue at all (score 0): ${silent} (${pct(silent / binary.length)})`);

#!/usr/bin/env node
// Fits the heuristic grader's drift model (data/heuristic-drift-model.json): an L2-regularised
// logistic regression over the general signals of src/grader/heuristic/drift-signals.ts (score
// shortfalls against the guide's minimums, cue sums, finding counts — no phrases), deciding the
// replies the verdict policy would otherwise pass.
//
//   npm run fit            (= npm run build && node scripts/fit-drift-model.js)
//   node scripts/fit-drift-model.js --check   refit and exit 1 if the committed file differs
//
// Fitted ONLY on labelled replies the judge may be tuned on:
//   - the FIT half of ../shared/data/support-tone-dev.jsonl (calibrate's own split; single replies
//     and every bot turn of the fit-half conversations, judged in context) — never the held-out half;
//   - the two independent labelled sets in test/fixtures/judgement/;
//   - the bundled samples (samples/support-replies.jsonl, the style each was generated in as label).
// Deterministic: Newton's method from zero weights, fixed iterations, folds by sha256 of the id; the
// same inputs write the same file byte for byte. The threshold is chosen on out-of-fold
// probabilities (5 folds), never on the probabilities of items the model was fitted on.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledGuidePath, halfOf, readDevSet, readJsonl, root, sampleRowsOf, turnLabelsOf, withTempDir, writeJsonl } from './dev-set.js';

const { readStyleGuide } = await import('../dist/load/styleguide/index.js');
const { readSamples } = await import('../dist/load/samples/index.js');
const { compileRules, runRules } = await import('../dist/rules/index.js');
const { createHeuristicGrader, DRIFT_SIGNALS, DEFAULT_DRIFT_MODEL_FILE, driftsWithoutModel, readDriftSignals } = await import('../dist/grader/heuristic/index.js');

/** L2 penalty on the standardised weights (not the bias): keeps 11 weights sane on ~100 positives. */
const L2 = 1;
const FOLDS = 5;
/** The threshold keeps the model's own false alarms on out-of-fold ok replies at or under this share. */
const MAX_ADDED_FALSE_POSITIVE_RATE = 0.04;

const check = process.argv.includes('--check');
const devSet = readDevSet();
if (devSet === undefined) {
  console.error('fit-drift-model: the development set is required (../shared/data/support-tone-dev.jsonl)');
  process.exit(2);
}

// ---- the labelled pool -------------------------------------------------------------------------
const fitSingle = devSet.single.filter((r) => halfOf(r.id) === 'fit');
const fitConversations = devSet.conversations.filter((c) => halfOf(c.id) === 'fit');
const labels = new Map([
  ...fitSingle.map((r) => [r.id, r.label === 'drift']),
  ...turnLabelsOf(fitConversations).map((t) => [t.id, t.label === 'drift']),
]);
const independent = ['independent-replies.jsonl', 'independent-replies-2.jsonl'].map((f) => resolve(root, 'test', 'fixtures', 'judgement', f));
for (const file of independent) for (const r of readJsonl(file)) labels.set(r.id, r.label === 'drift');
const bundled = resolve(root, 'samples', 'support-replies.jsonl');
for (const r of readJsonl(bundled.replace(/\.jsonl$/, '.labels.jsonl'))) labels.set(r.id, r.style !== 'on-brand');

const guide = await readStyleGuide(bundledGuidePath);
const rules = compileRules(guide);
const grader = await createHeuristicGrader(guide, { driftModel: null });

/** Every labelled sample of `files`, judged by the rules and the heuristic without the model. */
async function judge(files) {
  const items = [];
  for await (const event of readSamples(files)) {
    if (event.type !== 'sample') continue;
    const sample = event.sample;
    const label = labels.get(sample.id);
    if (label === undefined) continue;
    const ruleFindings = runRules(rules, sample);
    const grade = await grader.grade(sample, ruleFindings);
    items.push({ id: sample.id, drift: label, hard: driftsWithoutModel(ruleFindings, grade), signals: readDriftSignals(guide.dimensions, ruleFindings, grade) });
  }
  return items;
}

const items = await withTempDir(async (dir) => {
  const rows = sampleRowsOf({ single: fitSingle, conversations: fitConversations });
  writeJsonl(join(dir, 'dev-fit-single.jsonl'), rows.single);
  writeJsonl(join(dir, 'dev-fit-conversations.jsonl'), rows.conversations);
  return judge([join(dir, 'dev-fit-single.jsonl'), join(dir, 'dev-fit-conversations.jsonl'), ...independent, bundled]);
});
if (items.length !== labels.size) throw new Error(`fit-drift-model: ${labels.size} labels but ${items.length} judged samples`);

// The model decides only what the policy passes; that is what it is fitted on.
const open = items.filter((item) => !item.hard);
const matrix = (list) => list.map((item) => DRIFT_SIGNALS.map((name) => item.signals[name]));

// ---- logistic regression -----------------------------------------------------------------------
function standardiser(rows) {
  const mean = DRIFT_SIGNALS.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const scale = DRIFT_SIGNALS.map((_, j) => {
    const sd = Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length);
    return sd > 1e-9 ? sd : 1;
  });
  return { mean, scale };
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
function solve(a, b) {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/** Newton's method on the penalised log-likelihood; returns { mean, scale, weights, bias }. */
function fitLogistic(rows, ys) {
  const { mean, scale } = standardiser(rows);
  const xs = rows.map((r) => [1, ...r.map((v, j) => (v - mean[j]) / scale[j])]);
  const d = xs[0].length;
  let beta = new Array(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array(d).fill(0));
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * beta[j], 0)));
      const w = p * (1 - p);
      for (let j = 0; j < d; j++) {
        grad[j] += (ys[i] - p) * x[j];
        for (let k = 0; k < d; k++) hess[j][k] += w * x[j] * x[k];
      }
    });
    for (let j = 1; j < d; j++) {
      grad[j] -= L2 * beta[j];
      hess[j][j] += L2;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { mean, scale, weights: beta.slice(1), bias: beta[0] };
}

function probability(model, row) {
  const z = row.reduce((s, v, j) => s + (model.weights[j] * (v - model.mean[j])) / model.scale[j], model.bias);
  return 1 / (1 + Math.exp(-z));
}

// ---- threshold on out-of-fold probabilities -----------------------------------------------------
const foldOf = (id) => createHash('sha256').update(id.includes('#') ? id.slice(0, id.indexOf('#')) : id).digest()[0] % FOLDS;
const outOfFold = new Map();
for (let fold = 0; fold < FOLDS; fold++) {
  const train = open.filter((item) => foldOf(item.id) !== fold);
  const model = fitLogistic(matrix(train), train.map((item) => (item.drift ? 1 : 0)));
  for (const item of open.filter((it) => foldOf(it.id) === fold)) outOfFold.set(item.id, probability(model, DRIFT_SIGNALS.map((n) => item.signals[n])));
}

const okTotal = items.filter((item) => !item.drift).length;
const driftTotal = items.length - okTotal;
const policyCaught = items.filter((item) => item.drift && item.hard).length;
const policyFalse = items.filter((item) => !item.drift && item.hard).length;
function at(threshold) {
  const flagged = open.filter((item) => outOfFold.get(item.id) >= threshold);
  const added = flagged.filter((item) => item.drift).length;
  const falseAdded = flagged.length - added;
  return { threshold, recall: (policyCaught + added) / driftTotal, falsePositiveRate: (policyFalse + falseAdded) / okTotal, addedFalsePositiveRate: falseAdded / okTotal };
}
const candidates = Array.from({ length: 95 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100).map(at);
const allowed = candidates.filter((c) => c.addedFalsePositiveRate <= MAX_ADDED_FALSE_POSITIVE_RATE);
const chosen = allowed.reduce((best, c) => (c.recall - c.falsePositiveRate > best.recall - best.falsePositiveRate ? c : best), allowed[allowed.length - 1]);

const full = fitLogistic(matrix(open), open.map((item) => (item.drift ? 1 : 0)));
const round = (x) => Math.round(x * 1e6) / 1e6;
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const model = {
  signals: [...DRIFT_SIGNALS],
  mean: full.mean.map(round),
  scale: full.scale.map(round),
  weights: full.weights.map(round),
  bias: round(full.bias),
  threshold: chosen.threshold,
  fittedOn: {
    by: 'scripts/fit-drift-model.js (npm run fit)',
    samples: items.length,
    decidedByModel: open.length,
    sets: ['support-tone-dev.jsonl fit half (single replies and conversation turns)', 'test/fixtures/judgement/independent-replies*.jsonl', 'samples/support-replies.jsonl'],
    l2: L2,
    threshold: `out-of-fold (${FOLDS} folds), the best recall − FPR with the model adding at most ${MAX_ADDED_FALSE_POSITIVE_RATE} FPR`,
    outOfFold: { recall: round(chosen.recall), falsePositiveRate: round(chosen.falsePositiveRate), withoutModel: { recall: round(policyCaught / driftTotal), falsePositiveRate: round(policyFalse / okTotal) } },
  },
};
const text = JSON.stringify(model, null, 2) + '\n';

console.log(`fit-drift-model: ${items.length} labelled samples (${driftTotal} drift, ${okTotal} ok); the verdict policy passes ${open.length}, which the model decides`);
console.log(`  without the model (in-sample): recall ${pct(policyCaught / driftTotal)}, FPR ${pct(policyFalse / okTotal)}`);
console.log(`  with the model, out-of-fold:   recall ${pct(chosen.recall)}, FPR ${pct(chosen.falsePositiveRate)} at threshold ${chosen.threshold}`);
console.log(`  weights (standardised): ${DRIFT_SIGNALS.map((n, i) => `${n} ${full.weights[i].toFixed(2)}`).join(', ')}; bias ${full.bias.toFixed(2)}`);
if (check) {
  const committed = readFileSync(DEFAULT_DRIFT_MODEL_FILE, 'utf8');
  if (committed !== text) {
    console.error(`fit-drift-model: ${DEFAULT_DRIFT_MODEL_FILE} is not what npm run fit writes: refit and commit it`);
    process.exit(1);
  }
  console.log('fit-drift-model: the committed model matches');
} else {
  writeFileSync(DEFAULT_DRIFT_MODEL_FILE, text);
  console.log(`fit-drift-model: wrote ${DEFAULT_DRIFT_MODEL_FILE}`);
}

#!/usr/bin/env node
// Measures how well the offline audit (rules + heuristic grader) separates the bundled samples'
// on-brand replies from the drifting ones, against the style each record was generated in
// (samples/support-replies.labels.jsonl, written by scripts/generate-samples.js; the audit itself
// never reads it).
//
//   npm run build && node scripts/eval-samples.js [--list] [--json] [samples.jsonl [labels.jsonl]]
//
// Runs the real pipeline in-process: the CLI's main() with `--grader heuristic --format json`, the
// bundled guide, a captured io and an empty environment (so no API key can switch the grader).
// Prints the confusion matrix (labelled on-brand vs drift × verdict pass vs drift), precision and
// recall of "drift", the detection rate of each drift style, and what flags on-brand replies
// (false positives), by rule id and by heuristic dimension below its `min`.
//   --list  also print every false positive and every missed drifting reply with its causes
//   --json  print the figures as JSON instead (for before/after comparisons)

import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flags = new Set(process.argv.slice(2).filter((arg) => arg.startsWith('--')));
const [samplesArg, labelsArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const samplesPath = resolve(samplesArg ?? resolve(root, 'samples', 'support-replies.jsonl'));
const labelsPath = resolve(labelsArg ?? samplesPath.replace(/\.jsonl$/, '.labels.jsonl'));
const guidePath = resolve(root, 'styleguide', 'northwind.yaml');

for (const path of [samplesPath, labelsPath]) {
  if (!existsSync(path)) {
    console.error(`eval-samples: not found: ${path}${path === labelsPath ? ' (run node scripts/generate-samples.js)' : ''}`);
    process.exit(2);
  }
}

const { runCliInProcess } = await import('./run-cli-in-process.js');

/** Runs `tone-audit audit` in-process and returns the parsed JSON report. */
async function runAudit() {
  const args = ['audit', relative(root, samplesPath), '--guide', relative(root, guidePath), '--grader', 'heuristic', '--no-cache', '--format', 'json'];
  const { code, stdout, stderr } = await runCliInProcess(args, root);
  // Exit 1 only means the gate failed, which is expected on data that is meant to drift.
  if (code !== 0 && code !== 1) {
    console.error(`eval-samples: tone-audit ${args.join(' ')} exited ${code}\n${stderr}`);
    process.exit(2);
  }
  return JSON.parse(stdout);
}

const labels = new Map(
  readFileSync(labelsPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))
    .map(({ id, style }) => [id, style]),
);

const audit = await runAudit();
const mins = new Map(audit.summary.dimensions.map((d) => [d.id, d.min]));

/** Why a sample drifts: rule ids with a warning/error finding, and dimensions scored below their min. */
function causesOf(sample) {
  const rules = [...new Set(sample.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId))].sort();
  const scores = sample.grade?.scores ?? {};
  const dimensions = Object.keys(scores)
    .filter((id) => mins.has(id) && scores[id].score < mins.get(id))
    .sort();
  return { rules, dimensions };
}

const rows = audit.samples.map((sample) => {
  const style = labels.get(sample.id);
  if (style === undefined) {
    console.error(`eval-samples: no label for sample ${sample.id} in ${labelsPath}`);
    process.exit(2);
  }
  return { id: sample.id, style, drifts: style !== 'on-brand', verdict: sample.verdict, sample, ...causesOf(sample) };
});

const count = (list, predicate) => list.filter(predicate).length;
const tp = count(rows, (r) => r.drifts && r.verdict === 'drift');
const fn = count(rows, (r) => r.drifts && r.verdict === 'pass');
const fp = count(rows, (r) => !r.drifts && r.verdict === 'drift');
const tn = count(rows, (r) => !r.drifts && r.verdict === 'pass');
const ungraded = count(rows, (r) => r.verdict === 'ungraded');
const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
const f1 = (2 * precision * recall) / (precision + recall || 1);

const styles = [...new Set(rows.map((r) => r.style))].sort((a, b) => (a === 'on-brand' ? -1 : b === 'on-brand' ? 1 : a.localeCompare(b)));
const perStyle = styles.map((style) => {
  const ofStyle = rows.filter((r) => r.style === style);
  return { style, n: ofStyle.length, flagged: count(ofStyle, (r) => r.verdict === 'drift') };
});

const falsePositives = rows.filter((r) => !r.drifts && r.verdict === 'drift');
/** Tallies causes over false positives: `any` = FPs the cause fired on, `sole` = FPs it alone caused. */
function tally(key) {
  const table = new Map();
  for (const row of falsePositives) {
    const total = row.rules.length + row.dimensions.length;
    for (const cause of row[key]) {
      const entry = table.get(cause) ?? { any: 0, sole: 0 };
      entry.any += 1;
      if (total === 1) entry.sole += 1;
      table.set(cause, entry);
    }
  }
  return [...table].sort((a, b) => b[1].any - a[1].any || a[0].localeCompare(b[0])).map(([id, v]) => ({ id, ...v }));
}
const fpByRule = tally('rules');
const fpByDimension = tally('dimensions');
const onBrand = rows.filter((r) => !r.drifts);
const meanScores = [...mins.keys()].map((id) => {
  const scored = onBrand.filter((r) => r.sample.grade?.scores?.[id] !== undefined);
  const mean = scored.reduce((sum, r) => sum + r.sample.grade.scores[id].score, 0) / (scored.length || 1);
  return { id, min: mins.get(id), onBrandMean: Number(mean.toFixed(2)) };
});

const figures = {
  samples: rows.length,
  confusion: { onBrandPass: tn, onBrandDrift: fp, driftPass: fn, driftDrift: tp, ungraded },
  precision: Number(precision.toFixed(3)),
  recall: Number(recall.toFixed(3)),
  f1: Number(f1.toFixed(3)),
  perStyle,
  falsePositivesByRule: fpByRule,
  falsePositivesByDimension: fpByDimension,
  onBrandMeanScores: meanScores,
};

if (flags.has('--json')) {
  console.log(JSON.stringify(figures, null, 2));
  process.exit(0);
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);
const out = [];
out.push(`samples: ${relative(root, samplesPath)} (${rows.length}); labels: ${relative(root, labelsPath)}; guide: ${relative(root, guidePath)}; grader: heuristic`);
out.push('', 'confusion matrix (rows: label, columns: verdict)');
out.push(`  ${pad('', 18)}${lpad('pass', 6)}${lpad('drift', 7)}`);
out.push(`  ${pad(`on-brand (${tn + fp})`, 18)}${lpad(tn, 6)}${lpad(fp, 7)}`);
out.push(`  ${pad(`drift (${tp + fn})`, 18)}${lpad(fn, 6)}${lpad(tp, 7)}`);
if (ungraded > 0) out.push(`  ungraded: ${ungraded}`);
out.push('', `"drift": precision ${pct(precision)} (${tp}/${tp + fp}), recall ${pct(recall)} (${tp}/${tp + fn}), F1 ${f1.toFixed(3)}`);
out.push(`on-brand replies passed: ${pct(tn / (tn + fp || 1))} (${tn}/${tn + fp})`);
out.push('', 'detection rate per style (share flagged drift)');
for (const { style, n, flagged } of perStyle) out.push(`  ${pad(style, 18)}${lpad(`${flagged}/${n}`, 7)}  ${lpad(pct(flagged / n), 6)}`);
out.push('', `false positives (${fp} on-brand replies flagged) by rule: any / sole cause`);
for (const { id, any, sole } of fpByRule) out.push(`  ${pad(id, 28)}${lpad(any, 4)}${lpad(sole, 5)}`);
if (fpByRule.length === 0) out.push('  (none)');
out.push('', 'false positives by heuristic dimension below min: any / sole cause');
for (const { id, any, sole } of fpByDimension) out.push(`  ${pad(id, 28)}${lpad(any, 4)}${lpad(sole, 5)}`);
if (fpByDimension.length === 0) out.push('  (none)');
out.push('', 'mean score of on-brand replies per dimension (min)');
for (const { id, min, onBrandMean } of meanScores) out.push(`  ${pad(id, 18)}${lpad(onBrandMean.toFixed(2), 5)}  (min ${min})`);

if (flags.has('--list')) {
  const describe = (r) => {
    const dims = r.dimensions.map((d) => `${d} ${r.sample.grade.scores[d].score}`);
    return `  ${r.id} [${r.style}] ${[...r.rules, ...dims].join(', ') || '(nothing)'}\n    ${r.sample.response.replace(/\s+/g, ' ').slice(0, 220)}`;
  };
  out.push('', 'false positives (on-brand replies flagged drift):', ...falsePositives.map(describe));
  out.push('', 'missed (drifting replies that passed):', ...rows.filter((r) => r.drifts && r.verdict === 'pass').map(describe));
}
console.log(out.join('\n'));

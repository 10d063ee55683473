// The labelled development set (../shared/data/support-tone-dev.jsonl) read once for the scripts
// that measure or fit the judge: its single-reply cases, its conversations, and their bot-turn
// labels, plus an in-process audit of either. The half of each item is calibrate's own split
// (dist/calibrate/split-half.js), so every script splits exactly as `tone-audit calibrate` does.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultDevSetPath = resolve(root, '..', 'shared', 'data', 'support-tone-dev.jsonl');
export const bundledGuidePath = resolve(root, 'styleguide', 'northwind.yaml');

const { halfOf } = await import('../dist/calibrate/split-half.js');
export { halfOf };

/** Parses a JSONL file into objects (blank lines skipped). */
export function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** The dev set split into single-reply cases and conversations; undefined when the file is absent. */
export function readDevSet(path = defaultDevSetPath) {
  if (!existsSync(path)) return undefined;
  const records = readJsonl(path);
  return {
    path,
    single: records.filter((r) => !Array.isArray(r.transcript)),
    conversations: records.filter((r) => Array.isArray(r.transcript)),
  };
}

/** One label row per bot turn, with the id the audit gives that turn (`<conversation id>#<bot turn>`). */
export function turnLabelsOf(conversations) {
  return conversations.flatMap((conv) => conv.turn_labels.map((label, bot) => ({ id: `${conv.id}#${bot}`, label: label.label, types: label.types })));
}

/** The samples files `audit` and `calibrate` read: single replies as-is, conversations whole. */
export function sampleRowsOf(devSet) {
  return {
    single: devSet.single.map((r) => ({ id: r.id, customer: r.customer, response: r.response, channel: r.channel, industry: r.industry })),
    conversations: devSet.conversations.map((c) => ({ id: c.id, transcript: c.transcript, channel: c.channel, industry: c.industry })),
  };
}

/** Writes rows as JSONL. */
export function writeJsonl(path, rows) {
  writeFileSync(path, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
}

/** Runs `fn(dir)` with a fresh temp folder, removed afterwards. */
export async function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'tone-audit-dev-set-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `tone-audit audit <rows> --format json` in-process with the bundled guide; returns the parsed
 * result. Exit 1 (the gate failed) is expected on data that is meant to drift.
 */
export async function auditRows(rows, grader, extraArgs = []) {
  const { runCliInProcess } = await import('./run-cli-in-process.js');
  return withTempDir(async (dir) => {
    writeJsonl(join(dir, 'samples.jsonl'), rows);
    const args = ['audit', 'samples.jsonl', '--guide', bundledGuidePath, '--grader', grader, '--no-cache', '--format', 'json', ...extraArgs];
    const { code, stdout, stderr } = await runCliInProcess(args, dir);
    if (code !== 0 && code !== 1) throw new Error(`tone-audit ${args.join(' ')} exited ${code}\n${stderr}`);
    return JSON.parse(stdout);
  });
}

/** Drift-verdict figures from (judge, reference) pairs: counts, precision, recall, FPR, Cohen's κ. */
export function verdictFigures(pairs) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { judge, reference } of pairs) {
    if (judge && reference) tp++;
    else if (judge) fp++;
    else if (reference) fn++;
    else tn++;
  }
  const n = tp + fp + fn + tn;
  const ratio = (a, b) => (b === 0 ? null : a / b);
  const observed = (tp + tn) / n;
  const expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  return {
    n, tp, fp, fn, tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    falsePositiveRate: ratio(fp, fp + tn),
    kappa: expected === 1 ? null : (observed - expected) / (1 - expected),
  };
}

/** "precision 86.3% · recall 73.3% · FPR 10.1% · κ 0.64 (tp 44 fp 7 fn 16 tn 62)". */
export function formatFigures(f) {
  const pct = (x) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
  const kappa = f.kappa === null ? '–' : f.kappa.toFixed(2);
  return `n=${f.n}  precision ${pct(f.precision)} · recall ${pct(f.recall)} · false-positive rate ${pct(f.falsePositiveRate)} · κ ${kappa}  (tp ${f.tp} fp ${f.fp} fn ${f.fn} tn ${f.tn})`;
}

#!/usr/bin/env node
// Lists what the offline judge gets wrong on the FIT half of the development set only — the half
// engineers may read item by item. The held-out half is never printed here: judge it by
// `npm run eval`'s aggregate figures only.
//
//   npm run build && node scripts/eval-dev-misses.js [--grader heuristic|none] [--all]
//   --all  also list the fit-half items the judge gets right

import { auditRows, halfOf, readDevSet, sampleRowsOf, turnLabelsOf } from './dev-set.js';

const argv = process.argv.slice(2);
const grader = argv.includes('--grader') ? argv[argv.indexOf('--grader') + 1] : 'heuristic';
const all = argv.includes('--all');
const devSet = readDevSet();
if (devSet === undefined) {
  console.log('eval-dev-misses: skipped: dev set not found');
  process.exit(0);
}
const rows = sampleRowsOf(devSet);
const labels = new Map([...devSet.single.map((r) => [r.id, r]), ...turnLabelsOf(devSet.conversations).map((t) => [t.id, t])]);
const results = [...(await auditRows(rows.single, grader)).samples, ...(await auditRows(rows.conversations, grader)).samples];

const clip = (text, n) => (text.length > n ? `${text.slice(0, n)}…` : text).replace(/\s+/g, ' ');
for (const sample of results) {
  if (halfOf(sample.id) !== 'fit') continue;
  const label = labels.get(sample.id);
  const drift = sample.verdict === 'drift';
  const wrong = drift !== (label.label === 'drift');
  if (!wrong && !all) continue;
  const kind = !wrong ? 'right' : drift ? 'FALSE POSITIVE' : 'MISSED';
  console.log(`${kind}  ${sample.id}  label ${label.label} [${(label.types ?? []).join(', ')}]  verdict ${sample.verdict}`);
  console.log(`  customer: ${clip(sample.customer, 220)}`);
  console.log(`  reply:    ${clip(sample.response, 300)}`);
  for (const f of sample.findings) console.log(`  ${f.severity.padEnd(7)} ${f.ruleId}: ${clip(f.message, 120)}`);
  const grade = sample.grade;
  if (grade?.scores !== undefined) {
    const scores = Object.entries(grade.scores).map(([id, s]) => `${id} ${s.score}${s.cues?.length === 0 ? '(abstain)' : ''}`);
    console.log(`  ${grade.drift}: ${scores.join(' · ')}`);
    for (const [id, s] of Object.entries(grade.scores)) if (s.cues?.length) console.log(`    ${id}: ${s.cues.map((c) => `${c.label} ${c.effect}`).join(', ')}`);
  }
  console.log('');
}

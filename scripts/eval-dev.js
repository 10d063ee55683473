#!/usr/bin/env node
// Measures the judge against the labelled development set (../shared/data/support-tone-dev.jsonl,
// not shipped; see its README) with `tone-audit calibrate`, reporting on the held-out half only.
//
//   npm run build && node scripts/eval-dev.js [path/to/support-tone-dev.jsonl]
//
// The set's single-reply cases become a samples file and a labels file (label ok|drift plus the
// reviewer's five dimension scores) in a temp folder; the conversations go in whole and the audit
// judges each bot turn in the context before it, against that turn's label. The built CLI's main() runs in-process with a captured io and an empty
// environment (no API key can switch the grader), twice:
//   calibrate --labels labels.jsonl samples.jsonl --grader heuristic --held-out-only
//   calibrate --labels labels.jsonl samples.jsonl --grader none --held-out-only
// The split is calibrate's own: sha256(id) as a number even → "fit" half (the half engineers tune
// on), odd → "check" half. Every agreement figure printed is on the check half; the only fit-half
// figures are the threshold search's, and the report labels them in-sample.
// Then conversation-level figures: `audit --format json` of the conversations, each conversation
// drifting when any of its bot turns does (the audit's own conversation verdict, its worst turn),
// against the conversation's label, on the held-out half and, labelled in-sample, on the fit half.
// Exits 0 with "skipped: dev set not found" when the file is absent.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataPath = resolve(process.argv[2] ?? resolve(root, '..', 'shared', 'data', 'support-tone-dev.jsonl'));

if (!existsSync(dataPath)) {
  console.log(`eval-dev: skipped: dev set not found (${dataPath})`);
  process.exit(0);
}

const { runCliInProcess } = await import('./run-cli-in-process.js');

const records = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const single = records.filter((r) => !Array.isArray(r.transcript));
const conversations = records.filter((r) => Array.isArray(r.transcript));
// Conversations go in whole: the audit judges every bot turn in the context of the turns before it
// (`--turns all`, the default) as sample `<conversation id>#<bot turn>`, each against that turn's
// label; calibrate splits turns by the conversation id, so a conversation's turns share a half.
const turnLabels = conversations.flatMap((conv) => conv.turn_labels.map((label, bot) => ({ id: `${conv.id}#${bot}`, label: label.label })));

const dir = mkdtempSync(join(tmpdir(), 'tone-audit-eval-dev-'));
try {
  const samplesFile = join(dir, 'samples.jsonl');
  const labelsFile = join(dir, 'labels.jsonl');
  const lines = (rows) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
  writeFileSync(samplesFile, lines(single.map((r) => ({ id: r.id, customer: r.customer, response: r.response, channel: r.channel, industry: r.industry }))));
  writeFileSync(labelsFile, lines(single.map((r) => ({ id: r.id, label: r.label, scores: r.scores }))));

  const turnSamplesFile = join(dir, 'turns.jsonl');
  const turnLabelsFile = join(dir, 'turn-labels.jsonl');
  writeFileSync(turnSamplesFile, lines(conversations.map((c) => ({ id: c.id, transcript: c.transcript, channel: c.channel, industry: c.industry }))));
  writeFileSync(turnLabelsFile, lines(turnLabels));

  console.log(`eval-dev: ${single.length} single-reply cases and ${turnLabels.length} bot turns of ${conversations.length} conversations from ${dataPath}`);
  console.log('eval-dev: every agreement figure below is on the held-out check half (sha256(id) odd);');
  console.log('          the "fit half" tables are in-sample (the threshold search saw those labels)\n');

  for (const grader of ['heuristic', 'none']) {
    const args = ['calibrate', '--labels', 'labels.jsonl', 'samples.jsonl', '--guide', resolve(root, 'styleguide', 'northwind.yaml'), '--grader', grader, '--no-cache', '--held-out-only'];
    const { code, stdout, stderr } = await run(args);
    console.log(`=== --grader ${grader} ===`);
    if (code !== 0) {
      console.error(`eval-dev: tone-audit ${args.join(' ')} exited ${code}\n${stderr}`);
      process.exit(2);
    }
    console.log(stdout);
  }

  // Conversation turns carry a verdict label only (no scores), so only the drift verdict is measured.
  for (const grader of ['heuristic', 'none']) {
    const args = ['calibrate', '--labels', 'turn-labels.jsonl', 'turns.jsonl', '--guide', resolve(root, 'styleguide', 'northwind.yaml'), '--grader', grader, '--no-cache', '--held-out-only'];
    const { code, stdout, stderr } = await run(args);
    console.log(`=== conversation turns, --grader ${grader} ===`);
    if (code !== 0) {
      console.error(`eval-dev: tone-audit ${args.join(' ')} exited ${code}\n${stderr}`);
      process.exit(2);
    }
    console.log(stdout.split('\nDimensions')[0]);
  }

  await printConversationFigures(conversations);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Conversation-level drift: a conversation drifts when any of its judged bot turns does (the
 * audit's conversation verdict), compared with the conversation's own label, per half.
 */
async function printConversationFigures(conversations) {
  const { auditRows, formatFigures, halfOf, sampleRowsOf, verdictFigures } = await import('./dev-set.js');
  const rows = sampleRowsOf({ single: [], conversations }).conversations;
  for (const grader of ['heuristic', 'none']) {
    const result = await auditRows(rows, grader);
    // The engine's own conversation verdict, carried by each conversation's last turn.
    const drifting = new Set(result.samples.flatMap((s) => (s.conversation?.verdict === 'drift' ? [s.conversation.id] : [])));
    console.log(`=== whole conversations, --grader ${grader} (a conversation drifts when any bot turn does) ===`);
    for (const half of ['check', 'fit']) {
      const pairs = conversations.filter((c) => halfOf(c.id) === half).map((c) => ({ judge: drifting.has(c.id), reference: c.label === 'drift' }));
      const name = half === 'check' ? 'held-out check half' : 'fit half (in-sample)';
      console.log(`  ${name.padEnd(22)} ${formatFigures(verdictFigures(pairs))}`);
    }
    console.log('');
  }
}

/** Runs the CLI in-process from the temp folder, so the report names labels.jsonl, not a random path. */
function run(args) {
  return runCliInProcess(args, dir);
}

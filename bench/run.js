// `npm run bench`: measures real work and prints the figures. Nothing here asserts timings.
//   npm run bench                 rules-only audit of 100k and 1M samples (and 10k, with the guide regexes
//                                 timed on V8 vs the linear-time engine), heuristic grader, check latency,
//                                 sampling 400 of 1M log lines, backlog merge of 10k into 100k
//   npm run bench -- --quick      smaller sizes, for a fast look
//   npm run bench -- --llm        also the LLM grader against a local rate-limited fake API (≈ 5 min)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSamples } from './generate-samples.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const dir = mkdtempSync(path.join(tmpdir(), 'tone-audit-bench-'));
const guide = path.join(root, 'styleguide/northwind.yaml');

function runWorker(args) {
  const out = execFileSync(process.execPath, [path.join(root, 'bench/audit-worker.js'), ...args], { cwd: root, maxBuffer: 1 << 20 });
  return JSON.parse(out.toString());
}

function mb(kb) {
  return `${(kb / 1024).toFixed(0)} MB`;
}

try {
  console.log(`tone-audit bench — node ${process.version}, ${process.platform}/${process.arch}`);
  console.log('\nRules-only audit (audit --grader none --format json, report discarded):');
  for (const n of quick ? [10_000, 100_000] : [100_000, 1_000_000]) {
    const file = path.join(dir, `samples-${n}.jsonl`);
    await writeSamples(file, n);
    const r = runWorker(['audit', file, '--guide', guide, '--grader', 'none', '--format', 'json']);
    if (r.code === 2) throw new Error(`audit failed: ${r.stderr}`);
    console.log(`  ${String(n).padStart(9)} samples: ${(r.ms / 1000).toFixed(2)} s, ${Math.round(n / (r.ms / 1000)).toLocaleString('en-US')} samples/s, peak RSS ${mb(r.maxRssKb)}`);
  }

  // Guide regexes run on the linear-time engine (src/text/linear-regex.ts): the rules-only audit of
  // 10k replies end to end (median of 3), and the bundled guide's patterns alone, V8 vs linear.
  const tenK = path.join(dir, 'samples-10k.jsonl');
  await writeSamples(tenK, 10_000);
  const tenKRuns = [0, 1, 2].map(() => runWorker(['audit', tenK, '--guide', guide, '--grader', 'none', '--format', 'json']).ms).sort((a, b) => a - b);
  console.log(`\nRules-only audit of 10,000 replies, bundled guide: ${(tenKRuns[1] / 1000).toFixed(2)} s (median of 3)`);
  const rx = JSON.parse(execFileSync(process.execPath, [path.join(root, 'bench/regex-worker.js'), guide, tenK], { cwd: root, maxBuffer: 1 << 20 }).toString());
  console.log(
    `Bundled guide's ${rx.patterns} regex patterns over ${rx.texts.toLocaleString('en-US')} texts (10k replies + customer messages): ` +
      `V8 backtracking ${rx.native.ms.toFixed(0)} ms, linear-time engine ${rx.linear.ms.toFixed(0)} ms (${rx.linear.matches} matches each)`,
  );
  if (rx.native.matches !== rx.linear.matches) throw new Error(`regex engines disagree: ${rx.native.matches} vs ${rx.linear.matches} matches`);

  const logFile = path.join(dir, `samples-${quick ? 100_000 : 1_000_000}.jsonl`);
  const sampled = runWorker(['sample', logFile, '--size', '400', '--seed', 'bench', '--stratify-by', 'channel']);
  console.log(`\nSampling 400 of ${quick ? '100,000' : '1,000,000'} log lines (stratified by channel): ${(sampled.ms / 1000).toFixed(2)} s, peak RSS ${mb(sampled.maxRssKb)}`);

  const [existing, incoming] = quick ? [10_000, 1_000] : [100_000, 10_000];
  const backlog = JSON.parse(execFileSync(process.execPath, [path.join(root, 'bench/backlog-worker.js'), String(existing), String(incoming)], { cwd: root, maxBuffer: 1 << 20 }).toString());
  console.log(
    `Backlog merge of ${incoming.toLocaleString('en-US')} drifting replies (half new) into ${existing.toLocaleString('en-US')} items ` +
      `(read + merge + rules check of rewrites + atomic write, ${(backlog.bytes / 1e6).toFixed(0)} MB file): ${(backlog.ms / 1000).toFixed(2)} s, peak RSS ${mb(backlog.maxRssKb)}`,
  );

  const heuristicN = quick ? 2_000 : 100_000;
  const hfile = path.join(dir, `samples-h-${heuristicN}.jsonl`);
  await writeSamples(hfile, heuristicN);
  const h = runWorker(['audit', hfile, '--guide', guide, '--grader', 'heuristic', '--format', 'json']);
  console.log(`\nHeuristic grader + rules on ${heuristicN.toLocaleString('en-US')} samples: ${(h.ms / 1000).toFixed(2)} s, ${Math.round(heuristicN / (h.ms / 1000)).toLocaleString('en-US')} replies/s, peak RSS ${mb(h.maxRssKb)}`);

  console.log('\n`tone-audit check` wall time from process start (median of 7 runs):');
  for (const grader of ['none', 'heuristic']) {
    const times = [];
    for (let i = 0; i < 7; i += 1) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [path.join(root, 'bin/tone-audit.js'), 'check', 'Per our policy, kindly utilize the portal!!', '--customer', 'This is ridiculous, my deploy failed again', '--guide', guide, '--grader', grader], { env: { ...process.env, ANTHROPIC_API_KEY: '' } });
      times.push(performance.now() - started);
      if (r.status === 2) throw new Error(r.stderr.toString());
    }
    times.sort((a, b) => a - b);
    console.log(`  --grader ${grader.padEnd(9)} ${times[3].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)})`);
  }
  const versionStart = performance.now();
  execFileSync(process.execPath, [path.join(root, 'bin/tone-audit.js'), '--version']);
  console.log(`  --version              ${(performance.now() - versionStart).toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv.includes('--llm')) {
  console.log('');
  spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/vitest.bench.config.ts', '--silent=false', '--reporter=dot'], { cwd: root, stdio: 'inherit' });
}

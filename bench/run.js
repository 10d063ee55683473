// `npm run bench`: runs the CLI as users do (`node bin/tone-audit.js`, a separate process per run),
// on replies shaped like the bundled samples, with the report going through a pipe or to a file,
// and measures wall time and the child's peak RSS. A plain-node floor runs in the same bench, and
// figures are printed as ratios against it. Nothing here asserts timings.
//
//   npm run bench                       check latency, 10k rules-only and heuristic (medians of 3),
//                                       100k rules-only (pipe and file), 100k heuristic (pipe),
//                                       100k conversations rules-only (pipe; ~300k bot turns)
//   BENCH_FULL=1 npm run bench          also 1M rules-only (pipe and file) and a backlog merge of
//                                       10k replies into 1M items (slow: minutes, GBs of temp files)
//   node bench/run.js --only check,10k  only the cases whose name contains one of these words
//   node bench/run.js --cli <bin>       measure another build (e.g. a checkout of main) the same way
//   npm run bench -- --llm              also the LLM grader against a local rate-limited fake API
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBacklogFile } from './generate-backlog.js';
import { writeConversations, writeSamples } from './generate-samples.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const valueOf = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const full = process.env.BENCH_FULL === '1' || argv.includes('--full');
const only = valueOf('--only')?.split(',');
const cli = path.resolve(valueOf('--cli') ?? path.join(root, 'bin/tone-audit.js'));
const guide = path.join(root, 'styleguide/northwind.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'tone-audit-bench-'));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const env = { ...process.env, ANTHROPIC_API_KEY: '', NO_COLOR: '1' };
let current;
// A bench stopped by Ctrl-C or kill takes its running child and its temp files (GBs with BENCH_FULL) with it.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    current?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}

/**
 * Runs `node <args>` and resolves with wall milliseconds, the child's peak RSS in KiB, its exit
 * code, the bytes it wrote to stdout (read here as fast as they come, through a pipe) and the last
 * bytes of it. Peak RSS is the larger of GNU time's `%M` (when present; else the child's VmHWM,
 * polled) and the peak of VmRSS summed over every node process in the child's tree, polled every
 * 50 ms: a large streaming audit reruns itself in a child Node (src/cli/heap-relaunch.ts) while the
 * first one waits, and `%M` reports only the larger of the two.
 */
function run(args) {
  return new Promise((resolve, reject) => {
    const rssFile = path.join(dir, `rss-${process.hrtime.bigint()}`);
    const command = timeBin ? [timeBin, ['-f', '%M', '-o', rssFile, process.execPath, ...args]] : [process.execPath, args];
    const started = performance.now();
    const child = spawn(command[0], command[1], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: Boolean(timeBin) });
    current = { kill: (signal) => (timeBin ? process.kill(-child.pid, signal) : child.kill(signal)) };
    let bytes = 0;
    let tail = '';
    let stderr = '';
    let polledKb = 0;
    let treeKb = 0;
    const poll = setInterval(() => {
      if (!timeBin) polledKb = Math.max(polledKb, readVmHwm(child.pid));
      treeKb = Math.max(treeKb, nodeTreeRssKb(child.pid));
    }, timeBin ? 50 : 20);
    child.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      tail = (tail + chunk.toString('utf8')).slice(-200);
    });
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      clearInterval(poll);
      const maxRssKb = Math.max(timeBin ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : polledKb, treeKb);
      resolve({ ms, maxRssKb, code, bytes, tail, stderr });
    });
  });
}

/** VmRSS summed over `pid` and its descendants that are node processes (not GNU time itself), in KiB; 0 off Linux. */
function nodeTreeRssKb(pid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map();
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const stack = [pid]; stack.length > 0; ) {
    const current = stack.pop();
    stack.push(...(children.get(current) ?? []));
    try {
      if (readFileSync(`/proc/${current}/comm`, 'utf8').trim() !== 'node') continue;
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'));
      if (match) total += Number(match[1]);
    } catch {
      // Ended.
    }
  }
  return total;
}

function readVmHwm(pid) {
  try {
    const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs `times` times and keeps the run with the median wall time (its RSS alongside). */
async function median(times, args, check) {
  const runs = [];
  for (let i = 0; i < times; i += 1) runs.push(check(await run(args)));
  runs.sort((a, b) => a.ms - b.ms);
  return { ...runs[Math.floor(runs.length / 2)], runs: runs.length };
}

/** An audit or check ran when it exits 0 or 1 (the gate); 2 means it could not, which voids the figure. */
function ran(result) {
  if (result.code !== 0 && result.code !== 1) throw new Error(`exit ${result.code}: ${result.stderr}`);
  return result;
}

/** A JSON report that reached its end (`--format json` ends with the gate's closing braces). */
function completeJson(result) {
  ran(result);
  if (!/\}\s*$/.test(result.tail)) throw new Error(`the JSON report on stdout is incomplete: …${result.tail}`);
  return result;
}

function readTail(file, bytes) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function outputFileComplete(file) {
  return (result) => {
    ran(result);
    const size = statSync(file).size;
    // Only the end: a 1M-reply report is larger than the longest string V8 can hold.
    const end = readTail(file, 50);
    if (size === 0 || !/\}\s*$/.test(end)) throw new Error(`the JSON report in ${file} is incomplete`);
    rmSync(file);
    return { ...result, bytes: size };
  };
}

const rows = [];
const floors = {};
const selected = (name) => !only || only.some((word) => name.includes(word));
const mib = (kb) => `${Math.round(kb / 1024).toLocaleString('en-US')} MiB`;
const seconds = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const ratio = (ms, floor) => (floor ? `${(ms / floor).toFixed(1)}×` : '');

function report(name, result, { replies, floor, floorName } = {}) {
  const rate = replies ? `${Math.round(replies / (result.ms / 1000)).toLocaleString('en-US')} replies/s` : '';
  const row = { name, wall: seconds(result.ms), rate, ratio: floor ? `${ratio(result.ms, floor.ms)} ${floorName}` : '', rss: mib(result.maxRssKb), runs: result.runs ?? 1 };
  rows.push(row);
  console.log(`${name.padEnd(58)} ${row.wall.padStart(9)}  ${rate.padStart(18)}  ${row.ratio.padEnd(22)} peak RSS ${row.rss}${row.runs > 1 ? ` (median of ${row.runs})` : ''}`);
}

const samplesFiles = new Map();
async function samples(n) {
  if (!samplesFiles.has(n)) {
    const file = path.join(dir, `samples-${n}.jsonl`);
    const { meanWords } = await writeSamples(file, n);
    console.log(`  (generated ${n.toLocaleString('en-US')} replies, ${meanWords.toFixed(1)} words on average, ${(statSync(file).size / 1e6).toFixed(0)} MB)`);
    samplesFiles.set(n, file);
  }
  return samplesFiles.get(n);
}

async function floorFor(n) {
  if (!floors[n]) {
    const file = await samples(n);
    floors[n] = await median(n <= 10_000 ? 3 : 1, [path.join(root, 'bench/floor.js'), file], ran);
    report(`plain-node floor, ${n.toLocaleString('en-US')} replies (JSONL + 20 regexes + JSON out)`, floors[n], { replies: n });
  }
  return floors[n];
}

const audit = (file, ...more) => [cli, 'audit', file, '--guide', guide, '--format', 'json', ...more];

try {
  console.log(`tone-audit bench — ${cli}`);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}); peak RSS: the larger of ${timeBin ? 'GNU time %M' : '/proc VmHWM polling'} and node processes' VmRSS summed over the process tree (polled every 50 ms)`);
  // Wall times on a shared machine move with its load; the floor, run alongside, moves with it.
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);

  const start = await median(3, ['-e', ''], ran);
  report('plain-node floor: node -e ""', start);
  if (selected('check')) {
    const text = 'Per our policy, kindly utilize the portal!! We have reviewed your request at this time.';
    for (const grader of ['none', 'heuristic']) {
      const result = await median(3, [cli, 'check', text, '--customer', 'This is ridiculous, my deploy failed again', '--guide', guide, '--grader', grader], ran);
      report(`check one reply, --grader ${grader}`, result, { floor: start, floorName: 'node -e ""' });
    }
  }

  const auditCases = [
    { name: '10k rules-only', n: 10_000, grader: 'none', sink: 'pipe', times: 3 },
    { name: '10k heuristic', n: 10_000, grader: 'heuristic', sink: 'pipe', times: 3 },
    { name: '100k rules-only', n: 100_000, grader: 'none', sink: 'pipe' },
    { name: '100k rules-only', n: 100_000, grader: 'none', sink: 'file' },
    { name: '100k heuristic', n: 100_000, grader: 'heuristic', sink: 'pipe' },
    ...(full
      ? [
          { name: '1M rules-only', n: 1_000_000, grader: 'none', sink: 'pipe' },
          { name: '1M rules-only', n: 1_000_000, grader: 'none', sink: 'file' },
        ]
      : []),
  ];
  for (const c of auditCases) {
    const label = `audit ${c.name} (--format json) ${c.sink === 'pipe' ? 'through a pipe' : 'to a file'}`;
    if (!selected(label)) continue;
    const file = await samples(c.n);
    const floor = await floorFor(c.n);
    const output = path.join(dir, 'report.json');
    const args = audit(file, '--grader', c.grader, ...(c.sink === 'file' ? ['--output', output] : []));
    const result = await median(c.times ?? 1, args, c.sink === 'file' ? outputFileComplete(output) : completeJson);
    report(label, result, { replies: c.n, floor, floorName: 'floor' });
  }

  // Conversations: every bot turn is its own sample judged in context, so memory must not grow with the count.
  const conversationsLabel = 'audit 100k conversations rules-only (--format json) through a pipe';
  if (selected(conversationsLabel)) {
    const file = path.join(dir, 'conversations-100k.jsonl');
    const { botTurns } = await writeConversations(file, 100_000);
    console.log(`  (generated 100,000 conversations, ${botTurns.toLocaleString('en-US')} bot turns, ${(statSync(file).size / 1e6).toFixed(0)} MB)`);
    const result = await median(1, audit(file, '--grader', 'none'), completeJson);
    report(conversationsLabel, result, { replies: botTurns });
  }

  const mergeLabel = 'backlog merge: audit 10k (rules-only) --backlog of 1M items';
  if (full && selected(mergeLabel)) {
    const file = await samples(10_000);
    const backlog = path.join(dir, 'backlog.jsonl');
    await writeBacklogFile(backlog, 1_000_000, { overlap: 5_000 });
    console.log(`  (generated a backlog of 1,000,000 items, ${(statSync(backlog).size / 1e6).toFixed(0)} MB, 5,000 of them replies of the audit)`);
    const result = ran(await run(audit(file, '--grader', 'none', '--output', path.join(dir, 'merge-report.json'), '--backlog', backlog)));
    const line = /backlog .*: .*/.exec(result.stderr)?.[0];
    console.log(`  (${line ?? 'no backlog summary on stderr'})`);
    report(mergeLabel, result, { replies: 10_000 });
  }

  console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('\nMarkdown (README performance table):\n');
  console.log('| run | wall time | throughput | vs plain-node floor | peak RSS |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.name}${row.runs > 1 ? ` (median of ${row.runs})` : ''} | ${row.wall} | ${row.rate} | ${row.ratio} | ${row.rss} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (argv.includes('--llm')) {
  console.log('');
  spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/vitest.bench.config.ts', '--silent=false', '--reporter=dot'], { cwd: root, stdio: 'inherit' });
}

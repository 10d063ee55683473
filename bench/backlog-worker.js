// Backlog merge benchmark, in its own process: a backlog of 100,000 items, then an audit of 10,000
// drifting replies (5,000 already in the backlog, 5,000 new) merged in with the real rules engine
// checking the new rewrites. Prints the timed merge (read + merge + readiness + write) as JSON.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditSample } from '../dist/audit.js';
import { updateBacklogFromAudit } from '../dist/backlog/index.js';
import { readStyleGuide } from '../dist/load/styleguide/index.js';
import { compileRules } from '../dist/rules/index.js';

const [existing = 100_000, incoming = 10_000] = process.argv.slice(2).map(Number);
const guide = await readStyleGuide(path.resolve(import.meta.dirname, '../styleguide/northwind.yaml'));
const engine = { guide, rules: compileRules(guide) };

function driftingSample(i) {
  const response = `Kindly utilize the dashboard at this time to check deploy ${i}. You should have read the docs.`;
  const sample = { id: `s${i}`, customer: `My deploy ${i} failed, what now?`, response, metadata: {}, source: { file: 'bench.jsonl', line: i + 1 } };
  return sample;
}

async function auditOf(from, to) {
  const samples = [];
  for (let i = from; i < to; i += 1) samples.push(await auditSample(engine, driftingSample(i)));
  return {
    schemaVersion: 1,
    tool: { name: 'tone-audit', version: 'bench' },
    guide: { brand: guide.brand, version: guide.version, hash: guide.source.hash, file: 'guide.yaml' },
    grader: { kind: 'none' },
    inputs: ['bench.jsonl'],
    samples,
    inputProblems: [],
    summary: {},
    gate: { passed: false, reasons: [] },
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'tone-audit-backlog-bench-'));
const file = path.join(dir, 'backlog.jsonl');
const checkRewrite = (sample) => auditSample(engine, sample);
try {
  await updateBacklogFromAudit(file, await auditOf(0, existing), { auditLabel: 'setup', now: '2026-11-01T00:00:00Z', checkRewrite });
  const audit = await auditOf(existing - incoming / 2, existing + incoming / 2);
  const started = performance.now();
  const outcome = await updateBacklogFromAudit(file, audit, { auditLabel: 'next', now: '2026-11-02T00:00:00Z', checkRewrite });
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, outcome, bytes: statSync(file).size, maxRssKb: process.resourceUsage().maxRSS }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

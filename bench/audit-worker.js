// Runs one CLI invocation in-process with stdout discarded, then reports wall time and peak RSS.
// A separate process per measurement, so peak RSS belongs to that run alone.
import { PassThrough } from 'node:stream';
import { main } from '../dist/cli/main.js';

const started = performance.now();
const sink = { write: () => true, isTTY: false };
const stderrChunks = [];
const code = await main(process.argv.slice(2), {
  stdout: sink,
  stderr: { write: (s) => (stderrChunks.push(s), true), isTTY: false },
  stdin: new PassThrough(),
  env: { ...process.env, ANTHROPIC_API_KEY: '' },
  cwd: process.cwd(),
  now: () => new Date(),
});
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS, stderr: stderrChunks.join('').slice(0, 500) }));

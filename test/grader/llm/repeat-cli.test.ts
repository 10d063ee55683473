import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestKind, startFakeAnthropicServer, type FakeAnthropicServer } from '../../helpers/fake-anthropic-server.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../../..');
const guide = path.join(root, 'styleguide/northwind.yaml');
const KEY = 'sk-ant-test-repeat-0000';
const DIMENSIONS = ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'];
const scores = (score: number) => Object.fromEntries(DIMENSIONS.map((d) => [d, { evidence: [], reasoning: `${d}: ${score}`, score }]));
const onBrand = { ruleReviews: [], scores: scores(4), violations: [], drift: 'on-brand' };
const drifting = { ruleReviews: [], scores: scores(2), violations: [], drift: 'major-drift' };

// Calm questions with on-brand replies: no rule fires on them, so only the grader decides.
const samples = [
  { id: 'keys', customer: 'How do I rotate an API key?', response: 'Open Settings, then API keys, and choose Rotate. The old key keeps working for a day.' },
  { id: 'region', customer: 'Which region is closest to Madrid?', response: 'Paris (eu-west-3) is the closest region to Madrid, about 20 ms away.' },
];

describe('audit --repeat against a scripted server', () => {
  let server: FakeAnthropicServer;
  beforeEach(async () => {
    server = await startFakeAnthropicServer();
    // The second judgement of "keys" comes back drifting: one reply flips, the other is stable.
    let keysSeen = 0;
    server.verdict = (request) => {
      if (!JSON.stringify(request.body.messages).includes('rotate an API key')) return onBrand;
      keysSeen += 1;
      return keysSeen === 2 ? drifting : onBrand;
    };
  });
  afterEach(async () => server.close());

  const env = () => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url });

  it('judges each reply 3 times, counts the unstable one and its flip rate, and a rerun is served from the cache', async () => {
    const dir = tempDir({ 'a.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });
    const args = ['audit', 'a.jsonl', '--guide', guide, '--repeat', '3', '--concurrency', '1', '--format', 'json,terminal,markdown', '--output-dir', 'out', '--cache-dir', 'cache'];
    const run = await runCli(args, { cwd: dir, env: env() });
    expect(run.stderr).toContain('each reply judged 3 times');
    expect(run.code).toBe(0);
    expect(server.messageRequests().map(requestKind)).toEqual(Array(6).fill('score'));
    const result = JSON.parse(readFileSync(path.join(dir, 'out/tone-audit.json'), 'utf8'));
    const keys = result.samples.find((s: { id: string }) => s.id === 'keys');
    // Which repeat meets the drifting answer depends on the order the requests reach the server.
    expect(keys.grade.repeats).toMatchObject({ n: 3, flips: 1 });
    expect([...keys.grade.repeats.verdicts].sort()).toEqual(['drift', 'ok', 'ok']);
    expect(keys.verdict).toBe('pass');
    expect(keys.grade.scores.empathy.score).toBe(4);
    expect(result.summary).toMatchObject({ unstable: 1, flipRate: 0.5, usage: { calls: 6 } });
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('1 unstable (verdict flipped across --repeat, flip rate 50');
    expect(readFileSync(path.join(dir, 'out/tone-audit.md'), 'utf8')).toContain('**Unstable:** 1 replies whose verdict flipped');

    const rerun = await runCli(args, { cwd: dir, env: env() });
    expect(rerun.code).toBe(0);
    expect(server.messageRequests()).toHaveLength(6);
    const again = JSON.parse(readFileSync(path.join(dir, 'out/tone-audit.json'), 'utf8'));
    expect(again.summary).toMatchObject({ unstable: 1, flipRate: 0.5, usage: { calls: 0, cachedResults: 2 } });
  });

  it('takes `repeat` from the config file, and check accepts --repeat too', async () => {
    const dir = tempDir({ 'a.jsonl': JSON.stringify(samples[0]), '.toneauditrc.yaml': 'repeat: 3\nconcurrency: 1\n' });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--format', 'json', '--no-cache'], { cwd: dir, env: env() });
    expect(JSON.parse(run.stdout).samples[0].grade.repeats).toMatchObject({ n: 3, flips: 1 });
    const check = await runCli(['check', samples[1]!.response, '--customer', samples[1]!.customer, '--guide', guide, '--repeat', '2', '--format', 'json', '--no-cache'], { cwd: dir, env: env() });
    expect(JSON.parse(check.stdout).samples[0].grade.repeats).toEqual({ n: 2, flips: 0, verdicts: ['ok', 'ok'] });
  });
});

describe('--repeat without the LLM grader', () => {
  it('says once that the heuristic grader is deterministic and judges each reply once', async () => {
    const dir = tempDir({ 'a.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'heuristic', '--repeat', '3', '--format', 'json'], { cwd: dir });
    expect(run.stderr.match(/--repeat 3 has no effect: the heuristic grader is deterministic/g)).toHaveLength(1);
    const result = JSON.parse(run.stdout);
    expect(result.samples.every((s: { grade: { repeats?: unknown } }) => s.grade.repeats === undefined)).toBe(true);
    expect(result.summary.unstable).toBeUndefined();
  });

  it('rejects a repeat out of range, and documents the flag in --help', async () => {
    const bad = await runCli(['audit', 'a.jsonl', '--repeat', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a whole number from 1 to 20, got "0"');
    const help = await runCli(['audit', '--help']);
    expect(help.stdout).toMatch(/--repeat <n>\s+LLM grader: judge each reply n times/);
    expect((await runCli(['check', '--help'])).stdout).toContain('--repeat <n>');
  });
});

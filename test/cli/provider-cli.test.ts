import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_SUBSETS, startFakeAnthropicServer, type FakeAnthropicServer, type FakeServerOptions } from '../helpers/fake-anthropic-server.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const guide = path.resolve(import.meta.dirname, '../../styleguide/northwind.yaml');
const DIMENSIONS = ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'];
const scores = (score: number) => Object.fromEntries(DIMENSIONS.map((d) => [d, { evidence: [], reasoning: `${d} reason`, score }]));
const samples = [
  { id: 'cold', customer: 'My deploy failed three times, this is ridiculous', response: 'Deploys fail sometimes. Check the logs.' },
  { id: 'warm', customer: 'How do I rotate an API key?', response: 'Open Settings, then API keys, and choose Rotate. The old key keeps working for a day.' },
];
const samplesFile = () => tempDir({ 'a.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });

let server: FakeAnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: FakeServerOptions): Promise<FakeAnthropicServer> {
  server = await startFakeAnthropicServer(options);
  server.verdict = (request) =>
    JSON.stringify(request.body.messages).includes('Deploys fail sometimes')
      ? { ruleReviews: [], scores: scores(2), violations: [], drift: 'major-drift' }
      : { ruleReviews: [], scores: scores(5), violations: [], drift: 'on-brand' };
  server.rewrite = () => ({ plan: 'Acknowledge, then fix', rewrite: "Three failed deploys is maddening, and I'm sorry. I've raised the timeout and restarted the deploy." });
  return server;
}

/** `audit` with no API key at all, against the fake speaking only the provider's subset. */
async function auditWith(provider: string, fake: FakeAnthropicServer, extra: string[] = []) {
  const args = ['audit', 'a.jsonl', '--guide', guide, '--provider', provider, '--model', 'local-model', '--base-url', fake.url, '--format', 'json', '--no-cache', ...extra];
  return runCli(args, { cwd: samplesFile() });
}

describe('--provider: the LLM grader sends only what the server supports (fake server speaking each subset, real SDK)', () => {
  it.each([
    ['ollama', 'text'],
    ['llamacpp', 'tool'],
    ['vllm', 'tool'],
    ['litellm', 'json_schema'],
  ] as const)('%s: grades every reply without a key, structured output by %s', async (provider, mode) => {
    const fake = await start({ subset: SERVER_SUBSETS[provider] });
    const run = await auditWith(provider, fake);
    expect(run.stderr).not.toMatch(/error:/);
    const result = JSON.parse(run.stdout);
    expect(result.samples.map((s: { grade: { status: string } }) => s.grade.status)).toEqual(['graded', 'graded']);
    expect(result.samples[0].grade.rewrite).toMatch(/sorry/);
    const requests = fake.messageRequests();
    // Two scoring calls and one rewrite, none refused: nothing outside the subset was sent.
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      expect(request.headers.authorization).toBe('Bearer no-key');
      expect(request.body.tool_choice !== undefined).toBe(mode === 'tool');
      expect(request.body.output_config !== undefined).toBe(mode === 'json_schema');
      expect(request.raw.includes('cache_control')).toBe(provider === 'litellm');
    }
    expect(run.stderr).toMatch(new RegExp(`grader: LLM grader local-model via .+ at ${fake.url.replace(/[.]/g, '\\.')}`));
    expect(run.stderr).toMatch(/warning: the judge is .+ and uncalibrated: let a local judge gate CI only once `tone-audit calibrate` has measured it/);
  });

  it('ollama: an answer that is not valid JSON gets one repair retry that says what was wrong', async () => {
    const fake = await start({ subset: SERVER_SUBSETS.ollama });
    fake.enqueue({ body: { id: 'msg_x', type: 'message', role: 'assistant', model: 'local-model', content: [{ type: 'text', text: 'I think it is fine.' }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 5, output_tokens: 5 } } });
    const run = await auditWith('ollama', fake, ['--concurrency', '1']);
    const result = JSON.parse(run.stdout);
    expect(result.samples.map((s: { grade: { status: string } }) => s.grade.status)).toEqual(['graded', 'graded']);
    const [refused, ...rest] = fake.messageRequests();
    const repairs = rest.filter((r) => String(r.body.messages[0].content).includes('could not be used'));
    expect(refused!.body.messages[0].content).not.toContain('could not be used');
    expect(repairs).toHaveLength(1);
    // The same question again, with what was wrong appended.
    const suffix = '\nRespond with only the JSON object.';
    const question = String(refused!.body.messages[0].content).slice(0, -suffix.length);
    expect(repairs[0]!.body.messages[0].content).toBe(
      `${question}\n\nYour previous answer could not be used (the response is not valid JSON). Answer again with one JSON object in exactly the fields described, nothing else.${suffix}`,
    );
  });

  it('vllm served without tool calling: the 400 moves the grader to validated JSON text', async () => {
    const fake = await start({ subset: { ...SERVER_SUBSETS.vllm, toolChoice: false } });
    const run = await auditWith('vllm', fake, ['--concurrency', '1']);
    expect(run.stderr).toMatch(/note: the API rejected tool structured output .*tool_choice is not supported.*; using text for the rest of the run/);
    expect(JSON.parse(run.stdout).samples.map((s: { grade: { status: string } }) => s.grade.status)).toEqual(['graded', 'graded']);
    expect(fake.messageRequests().at(-1)!.body.tool_choice).toBeUndefined();
  });

  it('refuses --batch (exit 2) for a provider without batches, before any request', async () => {
    const fake = await start({ subset: SERVER_SUBSETS.ollama });
    const run = await auditWith('ollama', fake, ['--batch']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --batch: Ollama (--provider ollama) has no Message Batches API');
    expect(run.stderr).toMatch(/hint: drop --batch/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fake.requests).toHaveLength(0);
  });

  it('needs --model for a local provider (exit 2)', async () => {
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--provider', 'ollama'], { cwd: samplesFile() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --provider ollama needs --model');
  });

  it('takes the provider from the config file, and rejects an unknown one with exit 2', async () => {
    const fake = await start({ subset: SERVER_SUBSETS.ollama });
    const dir = samplesFile();
    const config = { provider: 'ollama', model: 'local-model', baseUrl: fake.url };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, '.toneauditrc.json'), JSON.stringify(config));
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--format', 'json', '--no-cache'], { cwd: dir });
    expect(JSON.parse(run.stdout).grader).toMatchObject({ kind: 'llm', model: 'local-model' });
    expect(fake.messageRequests().every((r) => r.body.tool_choice === undefined && !r.raw.includes('cache_control'))).toBe(true);
    const unknown = await runCli(['audit', 'a.jsonl', '--provider', 'openai'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--provider <name>' argument 'openai' is invalid/);
  });
});

describe('--grader llm --dry-run estimates without a key', () => {
  it('anthropic without ANTHROPIC_API_KEY: characters / 4, exit 0, nothing sent', async () => {
    const fake = await start({});
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'llm', '--dry-run', '--no-cache'], { cwd: samplesFile(), env: { ANTHROPIC_BASE_URL: fake.url } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('model: claude-haiku-5-5 · 2 API calls');
    expect(run.stdout).toContain('estimated as characters / 4; no ANTHROPIC_API_KEY to count with');
    expect(run.stdout).toMatch(/estimated cost: \$\d/);
    expect(fake.requests).toHaveLength(0);
  });

  it('ollama: no count_tokens request, no per-token cost', async () => {
    const fake = await start({ subset: SERVER_SUBSETS.ollama });
    const run = await auditWith('ollama', fake, ['--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`model: local-model on Ollama (${fake.url})`);
    expect(run.stdout).toContain('estimated as characters / 4; Ollama has no count_tokens');
    expect(run.stdout).toContain('no prompt caching');
    expect(run.stdout).toContain('estimated cost: none per token — Ollama runs on your own hardware');
    expect(fake.requests).toHaveLength(0);
  });

  it('llamacpp: counts with the server\'s count_tokens, without cache_control', async () => {
    const fake = await start({ subset: SERVER_SUBSETS.llamacpp });
    const run = await auditWith('llamacpp', fake, ['--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("counted by the server's count_tokens");
    const counts = fake.requests.filter((r) => r.path === '/v1/messages/count_tokens');
    expect(counts).toHaveLength(2);
    expect(counts.some((r) => r.raw.includes('cache_control'))).toBe(false);
    expect(fake.messageRequests()).toHaveLength(0);
  });
});

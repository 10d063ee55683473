import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropicServer, type FakeAnthropicServer, type RecordedRequest } from '../helpers/fake-anthropic-server.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');
const KEY = 'sk-ant-test-key-for-the-fake-server';
const DIMENSIONS = ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'];

/** Personal data in the fixture: none of it may reach the fake API while redaction is on. */
const PII = {
  email: 'ingrid.halvorsen@example.com',
  card: '4111 1111 1111 1111',
  phone: '+44 20 7946 0958',
  usPhone: '(415) 555-2671',
  ssn: '123-45-6789',
  iban: 'GB82 WEST 1234 5698 7654 32',
  urlToken: 'Zq7Rk2Lm9Xw4',
  secret: 'sk-live-AbCdEf0123456789xyzQ',
  firstName: 'Ingrid',
  surname: 'Halvorsen',
};
const REPLY = `Hi Ingrid,\nDeploys fail sometimes. Your card ${PII.card} and email ${PII.email} are on file; call ${PII.phone}.`;
const samples = [
  {
    id: 'pii-reply',
    customer: `My deploy failed three times! Card ${PII.card}, SSN ${PII.ssn}.\nThanks,\nIngrid Halvorsen`,
    response: REPLY,
  },
  {
    id: 'pii-transcript',
    transcript: [
      { role: 'customer', text: `My IBAN is ${PII.iban} and my phone ${PII.usPhone}` },
      { role: 'bot', text: `Reset your password here: https://app.example.com/reset?token=${PII.urlToken}` },
      { role: 'customer', text: `I pasted my key ${PII.secret} in the chat, is that bad?` },
    ],
    response: 'Thanks for telling us. I have revoked that key, so it no longer works; create a new one under Settings.',
  },
];

const scores = (score: number, evidence: string[] = []) => Object.fromEntries(DIMENSIONS.map((d) => [d, { evidence, reasoning: `${d} reasoning`, score }]));
const userTurn = (request: RecordedRequest): string => JSON.stringify(request.body?.messages ?? request.body?.params?.messages ?? '');
const placeholders = (text: string): string[] => [...new Set(text.match(/\[[A-Z_]+_\d+\]/g) ?? [])];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

function expectNoPii(texts: string[], what: string): void {
  expect(texts.length, `${what}: nothing recorded`).toBeGreaterThan(0);
  for (const text of texts) for (const [type, value] of Object.entries(PII)) expect(text, `${what} carries the ${type}`).not.toContain(value);
}

// These fixtures test redaction, one reply per record: `--turns last` keeps each conversation one sample.
describe('PII redaction before text reaches the API', () => {
  let server: FakeAnthropicServer;
  let dir: string;
  const env = () => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url });

  beforeEach(async () => {
    server = await startFakeAnthropicServer();
    // The drifting reply is judged on its redacted text: quotes carry its placeholders.
    server.verdict = (request) => {
      const text = userTurn(request);
      if (!text.includes('Deploys fail sometimes')) return { ruleReviews: [], scores: scores(5), violations: [], drift: 'on-brand' };
      const phone = placeholders(text).find((p) => p.startsWith('[PHONE_'));
      return {
        ruleReviews: [],
        scores: scores(2, ['Deploys fail sometimes.']),
        violations: [
          { id: 'calm-under-pressure', severity: 'warning', quote: `call ${phone}`, why: 'Pushes a frustrated customer to phone in' },
          { id: 'no-sarcasm', severity: 'warning', quote: 'call [PHONE_99]', why: 'a placeholder the request never had' },
        ],
        drift: 'major-drift',
      };
    };
    // The rewrite echoes the placeholders it was shown, as a model would.
    server.rewrite = (request) => {
      const shown = placeholders(userTurn(request));
      const name = shown.find((p) => p.startsWith('[NAME_')) ?? '';
      const card = shown.find((p) => p.startsWith('[CARD_')) ?? '';
      const email = shown.find((p) => p.startsWith('[EMAIL_')) ?? '';
      return { plan: 'Acknowledge, then act', rewrite: `Hi ${name}, three failed deploys is maddening and I am sorry. I have checked card ${card} and will write to ${email} within the hour.` };
    };
    dir = tempDir({ 'a.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });
  });
  afterEach(async () => server.close());

  it('sends none of the fixture\'s personal data, restores the rewrite and records the counts', async () => {
    const run = await runCli(['audit', 'a.jsonl', '--turns', 'last', '--guide', guide, '--grader', 'llm', '--format', 'json', '--output', 'audit.json', '--cache-dir', 'cache'], { cwd: dir, env: env() });
    expect(run.stderr).not.toMatch(/verbatim/);
    expect(server.requestsOfKind('score')).toHaveLength(2);
    expect(server.requestsOfKind('rewrite').length).toBeGreaterThanOrEqual(1);
    expectNoPii(server.requests.map((r) => r.raw), 'a request body');
    expect(userTurn(server.requestsOfKind('score')[0]!)).toMatch(/\[CARD_1\].*\[EMAIL_1\].*\[PHONE_1\]/);

    const result = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8'));
    expect(result.redaction).toEqual({ enabled: true, scope: 'api', types: ['email', 'phone', 'card', 'iban', 'ssn', 'ni', 'url-token', 'secret', 'name'] });
    const drifting = result.samples.find((s: { id: string }) => s.id === 'pii-reply');
    // Restored locally: the originals are back, the placeholders gone.
    expect(drifting.grade.rewrite).toBe(`Hi Ingrid Halvorsen, three failed deploys is maddening and I am sorry. I have checked card ${PII.card} and will write to ${PII.email} within the hour.`);
    // A quote verified against the redacted reply is mapped back to a span of the original; one that cannot be is dropped.
    const violation = drifting.findings.find((f: { ruleId: string }) => f.ruleId === 'calm-under-pressure');
    expect(violation.match).toBe(`call ${PII.phone}`);
    expect(REPLY.slice(violation.span.start, violation.span.end)).toBe(`call ${PII.phone}`);
    expect(drifting.findings.some((f: { ruleId: string }) => f.ruleId === 'no-sarcasm')).toBe(false);
    expect(drifting.grade.droppedEvidence).toBe(1);
    expect(drifting.grade.rewriteCheck).toBeDefined();
    expect(drifting.grade.redacted).toEqual({ email: 1, phone: 1, card: 2, ssn: 1, name: 2 });
    expect(result.summary.redaction.counts).toEqual({ email: 1, phone: 2, card: 2, iban: 1, ssn: 1, ni: 0, 'url-token': 1, secret: 1, name: 2 });

    // The result cache is keyed and filled from the redacted request: no original there either.
    expectNoPii(filesUnder(path.join(dir, 'cache')).map((f) => readFileSync(f, 'utf8')), 'a cache file');
    const calls = server.messageRequests().length;
    const rerun = await runCli(['audit', 'a.jsonl', '--turns', 'last', '--guide', guide, '--grader', 'llm', '--format', 'json', '--cache-dir', 'cache'], { cwd: dir, env: env() });
    expect(server.messageRequests()).toHaveLength(calls);
    const cached = JSON.parse(rerun.stdout).samples.find((s: { id: string }) => s.id === 'pii-reply');
    expect(cached.grade.rewrite).toBe(drifting.grade.rewrite);
    expect(cached.findings.find((f: { ruleId: string }) => f.ruleId === 'calm-under-pressure').match).toBe(`call ${PII.phone}`);
  });

  it('redacts the batch bodies with --batch', async () => {
    const run = await runCli(['audit', 'a.jsonl', '--turns', 'last', '--guide', guide, '--grader', 'llm', '--format', 'json', '--batch', '--batch-poll', '0.01', '--no-cache'], { cwd: dir, env: env() });
    expect(run.stderr).toMatch(/batch: done/);
    const batches = server.requests.filter((r) => r.path === '/v1/messages/batches' && r.method === 'POST');
    expect(batches).toHaveLength(1);
    expect(batches[0]!.body.requests).toHaveLength(2);
    expectNoPii(server.requests.map((r) => r.raw), 'a request body (batch run)');
    const result = JSON.parse(run.stdout);
    expect(result.samples.find((s: { id: string }) => s.id === 'pii-reply').grade.rewrite).toContain(PII.email);
    expect(result.summary.redaction.counts.card).toBe(2);
  });

  it('redacts what count_tokens sees with --dry-run', async () => {
    const run = await runCli(['audit', 'a.jsonl', '--turns', 'last', '--guide', guide, '--grader', 'llm', '--dry-run', '--no-cache'], { cwd: dir, env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/count_tokens/);
    const counted = server.requests.filter((r) => r.path === '/v1/messages/count_tokens');
    expect(counted.length).toBeGreaterThan(0);
    expectNoPii(server.requests.map((r) => r.raw), 'a count_tokens body');
    expect(counted.some((r) => r.raw.includes('[CARD_1]'))).toBe(true);
  });

  it('sends the texts verbatim with --no-redact, and says so', async () => {
    const run = await runCli(['audit', 'a.jsonl', '--turns', 'last', '--guide', guide, '--grader', 'llm', '--format', 'json', '--no-redact', '--no-cache'], { cwd: dir, env: env() });
    expect(run.stderr).toMatch(/^warning: --no-redact: .*verbatim/m);
    expect(run.stderr.match(/verbatim/g)).toHaveLength(1);
    const sent = server.requestsOfKind('score').map((r) => r.raw).join('\n');
    for (const value of [PII.email, PII.card, PII.phone, PII.ssn, PII.iban, PII.urlToken, PII.secret, PII.surname]) expect(sent).toContain(value);
    const result = JSON.parse(run.stdout);
    expect(result.redaction).toMatchObject({ enabled: false });
    expect(result.summary.redaction).toBeUndefined();
  });

  it('also redacts the reports, cache and backlog with --redact-output', async () => {
    const run = await runCli(['audit', 'a.jsonl', '--turns', 'last', '--guide', guide, '--grader', 'llm', '--format', 'json', '--redact-output', '--output', 'audit.json', '--cache-dir', 'cache', '--backlog', 'backlog.jsonl'], { cwd: dir, env: env() });
    expect(run.code).toBe(1);
    const text = readFileSync(path.join(dir, 'audit.json'), 'utf8');
    expectNoPii([text, readFileSync(path.join(dir, 'backlog.jsonl'), 'utf8'), ...filesUnder(path.join(dir, 'cache')).map((f) => readFileSync(f, 'utf8'))], 'an output file');
    const result = JSON.parse(text);
    expect(result.redaction.scope).toBe('api+output');
    const drifting = result.samples.find((s: { id: string }) => s.id === 'pii-reply');
    expect(drifting.response).toBe('Hi [NAME_1],\nDeploys fail sometimes. Your card [CARD_1] and email [EMAIL_1] are on file; call [PHONE_1].');
    const violation = drifting.findings.find((f: { ruleId: string }) => f.ruleId === 'calm-under-pressure');
    expect(drifting.response.slice(violation.span.start, violation.span.end)).toBe(violation.match);
    expect(result.summary.redaction.counts.card).toBe(2);
  });

  it('counts what --redact-output redacted without the LLM grader', async () => {
    const run = await runCli(['audit', 'a.jsonl', '--turns', 'last', '--guide', guide, '--grader', 'none', '--format', 'json', '--redact-output'], { cwd: dir, env: {} });
    const result = JSON.parse(run.stdout);
    expectNoPii([run.stdout], 'the report');
    expect(result.summary.redaction.counts).toMatchObject({ card: 2, iban: 1, secret: 1, 'url-token': 1 });
  });

  it('refuses --no-redact with --redact-output (exit 2)', async () => {
    for (const command of [['audit', 'a.jsonl'], ['check', 'a reply']]) {
      const run = await runCli([...command, '--guide', guide, '--grader', 'none', '--no-redact', '--redact-output'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--no-redact and --redact-output/);
    }
  });
});

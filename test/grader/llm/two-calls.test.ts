import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSample } from '../../../src/audit.js';
import { createSummaryAccumulator } from '../../../src/findings/summarize.js';
import { gradeBatch } from '../../../src/grader/llm/grade-batch.js';
import { createLlmGrader, type LlmGraderOptions } from '../../../src/grader/llm/llm-grader.js';
import { compileRules, runRules } from '../../../src/rules/index.js';
import type { Finding, Sample } from '../../../src/types.js';
import { DEFAULT_REWRITE, requestKind, startFakeAnthropicServer, type FakeAnthropicServer } from '../../helpers/fake-anthropic-server.js';
import { API_KEY, dimensionScore, makeGuide, makeSample, verdict, verdictScoring } from './fixtures.js';

let server: FakeAnthropicServer;
let dir: string;
const guide = makeGuide();

beforeEach(async () => {
  server = await startFakeAnthropicServer();
  server.verdict = () => verdict();
  dir = await mkdtemp(join(tmpdir(), 'llm-two-calls-'));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function grader(options: Partial<LlmGraderOptions> = {}) {
  return createLlmGrader(guide, { apiKey: API_KEY, baseURL: server.url, maxRetries: 1, timeoutMs: 2000, ...options });
}

const kinds = () => server.messageRequests().map(requestKind);
const onBrandReply = (): Sample => makeSample({ response: 'Open Settings, then Codes, and choose Reset. The new code works at once.', customer: 'How do I reset my code?' });
const blameError = (text: string): Finding[] =>
  text.includes('you failed') ? [{ ruleId: 'no-blame', kind: 'banned', severity: 'error', message: 'Blames', match: 'you failed', origin: 'rule' }] : [];

describe('the scoring call', () => {
  it('sends the schema with evidence and reasoning before each score and round-trips them, in every output mode', async () => {
    const sample = makeSample({ response: 'Sorry about the wait. I reset the code, so it works now.' });
    server.verdict = () =>
      verdict({
        scores: {
          empathy: dimensionScore(4, 'Apologises for the wait without fuss', ['Sorry about the wait']),
          clarity: dimensionScore(5, 'Says what was done', ['I reset the code', 'a quote the reply does not have']),
        },
      });
    for (const mode of ['json_schema', 'tool', 'text'] as const) {
      const grade = await grader({ structuredOutput: mode }).grade(sample, []);
      expect(grade, mode).toMatchObject({ status: 'graded', droppedEvidence: 1, calls: 1 });
      expect(grade.scores.empathy).toEqual({ score: 4, reason: 'Apologises for the wait without fuss', evidence: ['Sorry about the wait'] });
      expect(grade.scores.clarity?.evidence).toEqual(['I reset the code']);
    }
    const [json, tool, text] = server.messageRequests().map((r) => r.body);
    const sent = json.output_config.format.schema;
    expect(Object.keys(sent.properties.scores.properties.empathy.properties)).toEqual(['evidence', 'reasoning', 'score']);
    expect(Object.keys(sent.properties)).toEqual(['ruleReviews', 'scores', 'violations', 'drift']);
    expect(tool.tool_choice).toEqual({ type: 'tool', name: 'record_verdict' });
    expect(Object.keys(tool.tools[0].input_schema.properties.scores.properties.clarity.properties)).toEqual(['evidence', 'reasoning', 'score']);
    expect(text.output_config).toBeUndefined();
    expect(text.tools).toBeUndefined();
  });
});

describe('the rewrite call, only for drifting replies', () => {
  it('makes exactly 1 request for an on-brand reply and 2 (scoring, then rewrite) for a drifting one', async () => {
    const g = grader();
    const onBrand = await g.grade(onBrandReply(), []);
    expect(server.messageRequests()).toHaveLength(1);
    expect(onBrand).toMatchObject({ status: 'graded', drift: 'on-brand', calls: 1 });
    expect(onBrand.rewrite).toBeUndefined();

    server.verdict = () => verdictScoring(2);
    const drifting = await g.grade(makeSample(), []);
    expect(server.messageRequests()).toHaveLength(3);
    expect(kinds()).toEqual(['score', 'score', 'rewrite']);
    expect(drifting).toMatchObject({ status: 'graded', drift: 'major-drift', rewrite: DEFAULT_REWRITE, calls: 2 });
    expect(drifting.rewriteCheck).toBeUndefined();
    expect(g.totals().calls).toBe(3);

    const [score, rewrite] = server.messageRequests().slice(1).map((r) => r.body);
    // One cached system prompt serves both calls.
    expect(rewrite.system).toEqual(score.system);
    expect(rewrite.system[0].cache_control).toEqual({ type: 'ephemeral' });
    expect(Object.keys(rewrite.output_config.format.schema.properties)).toEqual(['plan', 'rewrite']);
    expect(rewrite.messages[0].content).toContain('- empathy scored 2 (minimum 3): empathy 2');
    expect(rewrite).not.toHaveProperty('temperature');
    expect(drifting.usage!.inputTokens).toBeGreaterThan(0);
  });

  it('also rewrites when only a rule finding drifts, and uses the rewrite tool in tool mode', async () => {
    const finding: Finding = { ruleId: 'no-blame', kind: 'banned', severity: 'error', message: 'Blames', match: 'You failed to', origin: 'rule' };
    const grade = await grader({ structuredOutput: 'tool' }).grade(makeSample(), [finding]);
    expect(kinds()).toEqual(['score', 'rewrite']);
    expect(grade.rewrite).toBe(DEFAULT_REWRITE);
    expect(server.messageRequests()[1]!.body.tool_choice).toEqual({ type: 'tool', name: 'record_rewrite' });
    expect(server.messageRequests()[1]!.body.messages[0].content).toContain('- no-blame (error): Blames ["You failed to"]');
  });

  it('re-checks the rewrite with the rules and retries once with the findings listed', async () => {
    server.verdict = () => verdictScoring(2);
    const rewrites = ['Well, you failed to enter it.', 'I reset the code for you; it works now.'];
    server.rewrite = (request) => ({ plan: 'fix', rewrite: rewrites[server.requestsOfKind('rewrite').indexOf(request)] });
    const grade = await grader({ checkRewrite: blameError }).grade(makeSample(), []);
    expect(kinds()).toEqual(['score', 'rewrite', 'rewrite']);
    const retry: string = server.messageRequests()[2]!.body.messages[0].content;
    expect(retry).toMatch(/<previous-rewrite-[0-9a-f]{12}>\nWell, you failed to enter it\.\n/);
    expect(retry).toContain('- no-blame (error): Blames ["you failed"]');
    expect(grade).toMatchObject({ rewrite: 'I reset the code for you; it works now.', rewriteCheck: { findings: 0, passed: true }, calls: 3 });
  });

  it('keeps the first rewrite when the retry is no better, and says it failed the check', async () => {
    server.verdict = () => verdictScoring(2);
    server.rewrite = (request) => ({ plan: 'fix', rewrite: server.requestsOfKind('rewrite').indexOf(request) === 0 ? 'Sadly you failed to.' : 'No, you failed to, you failed to.' });
    const check = (text: string): Finding[] => blameError(text).concat(text.includes('No,') ? blameError(text) : []);
    const grade = await grader({ checkRewrite: check }).grade(makeSample(), []);
    expect(kinds()).toEqual(['score', 'rewrite', 'rewrite']);
    expect(grade).toMatchObject({ rewrite: 'Sadly you failed to.', rewriteCheck: { findings: 1, passed: false } });
  });

  it('a rewrite that passes is not retried; a failed rewrite call leaves the grade graded without one', async () => {
    server.verdict = () => verdictScoring(2);
    const passed = await grader({ checkRewrite: blameError }).grade(makeSample(), []);
    expect(kinds()).toEqual(['score', 'rewrite']);
    expect(passed.rewriteCheck).toEqual({ findings: 0, passed: true });

    const events: string[] = [];
    server.rewrite = () => ({ plan: 'nothing' });
    const failed = await grader({ onEvent: (e) => events.push(e.type) }).grade(makeSample(), []);
    expect(failed.status).toBe('graded');
    expect(failed.rewrite).toBeUndefined();
    expect(failed.calls).toBe(3);
    expect(events).toContain('rewrite-failed');
  });

  it('caches both calls apart: a rerun makes no requests and gives the same grade', async () => {
    server.verdict = () => verdictScoring(2);
    const samples = [makeSample(), onBrandReply()];
    const first = grader({ cacheDir: dir, checkRewrite: blameError });
    const grades = await Promise.all(samples.map((s) => first.grade(s, [])));
    expect(server.messageRequests()).toHaveLength(4);
    expect(kinds().filter((k) => k === 'rewrite')).toHaveLength(2);

    const rerun = grader({ cacheDir: dir, checkRewrite: blameError });
    const again = await Promise.all(samples.map((s) => rerun.grade(s, [])));
    expect(server.messageRequests()).toHaveLength(4);
    expect(rerun.totals()).toMatchObject({ calls: 0, cachedResults: 4 });
    expect(again.map((g) => [g.cached, g.calls, g.usage])).toEqual([[true, 0, undefined], [true, 0, undefined]]);
    expect(again.map((g) => g.rewrite)).toEqual(grades.map((g) => g.rewrite));
    expect(again[0]!.rewriteCheck).toEqual(grades[0]!.rewriteCheck);

    const summary = createSummaryAccumulator([], guide.dimensions);
    for (const grade of grades) summary.add({ id: 'x', source: { file: 'f', line: 1 }, customer: '', response: '', metadata: {}, findings: [], grade, verdict: 'drift' });
    expect(summary.finish().usage).toMatchObject({ calls: 4, cachedResults: 0 });
  });
});

describe('rule reviews', () => {
  const rules = compileRules(guide);
  const contractSample = (): Sample => makeSample({ customer: 'Can you change the terms of our contract?', response: 'Yes, edit the terms on the Billing page.' });

  it('are applied to the matching rule findings; an overruled finding alone does not trigger a rewrite', async () => {
    const sample = contractSample();
    const ruleFindings = runRules(rules, sample);
    expect(ruleFindings.map((f) => `${f.ruleId}:${f.kind}`)).toEqual(['commercial-topics:escalation']);
    server.verdict = () => verdict({ ruleReviews: [{ ruleId: 'commercial-topics', decision: 'overrule', reason: 'They ask about a contractor, not a contract' }] });
    const result = await auditSample({ guide, rules, grader: grader() }, sample);
    expect(server.messageRequests()).toHaveLength(1);
    const sent: string = server.messageRequests()[0]!.body.messages[0].content;
    expect(sent).toMatch(/<findings-to-review-[0-9a-f]{12}>\n- commercial-topics \(error\)/);
    expect(result.grade?.ruleReviews).toEqual([{ ruleId: 'commercial-topics', decision: 'overrule', reason: 'They ask about a contractor, not a contract' }]);
    expect(result.findings[0]).toMatchObject({ ruleId: 'commercial-topics', review: { by: 'llm', decision: 'overruled', reason: 'They ask about a contractor, not a contract' } });
    expect(result.grade?.rewrite).toBeUndefined();
  });

  it('a confirmed finding stays, is marked confirmed, and the reply is rewritten', async () => {
    server.verdict = () => verdict({ ruleReviews: [{ ruleId: 'commercial-topics', decision: 'confirm', reason: 'Changes contract terms itself' }] });
    const result = await auditSample({ guide, rules, grader: grader() }, contractSample());
    expect(kinds()).toEqual(['score', 'rewrite']);
    expect(result.findings[0]!.review).toEqual({ by: 'llm', decision: 'confirmed', reason: 'Changes contract terms itself' });
    expect(result.verdict).toBe('drift');
    expect(result.grade?.rewrite).toBe(DEFAULT_REWRITE);
  });
});

describe('--repeat', () => {
  it('judges 3 times, takes the median and the majority, counts a flip as unstable and caches each repeat', async () => {
    // The second scoring request is judged drifting: one flip out of three.
    server.verdict = (request) => (server.requestsOfKind('score').indexOf(request) === 1 ? verdictScoring(2) : verdict());
    const flaky = makeSample();
    const steady = onBrandReply();
    const g = grader({ repeat: 3, concurrency: 1, cacheDir: dir });
    const flakyGrade = await g.grade(flaky, []);
    const steadyGrade = await g.grade(steady, []);
    expect(kinds()).toEqual(['score', 'score', 'score', 'score', 'score', 'score']);
    const bodies = server.messageRequests().slice(0, 3).map((r) => JSON.stringify(r.body));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain('temperature');
    // Which repeat meets the drifting answer depends on the order the requests reach the server.
    expect(flakyGrade).toMatchObject({ status: 'graded', drift: 'on-brand', repeats: { n: 3, flips: 1 }, calls: 3 });
    expect([...flakyGrade.repeats!.verdicts].sort()).toEqual(['drift', 'ok', 'ok']);
    expect(flakyGrade.scores.empathy?.score).toBe(4);
    expect(flakyGrade.rewrite).toBeUndefined();
    expect(steadyGrade.repeats).toEqual({ n: 3, flips: 0, verdicts: ['ok', 'ok', 'ok'] });

    const summary = createSummaryAccumulator([], guide.dimensions);
    for (const grade of [flakyGrade, steadyGrade]) summary.add({ id: 'x', source: { file: 'f', line: 1 }, customer: '', response: '', metadata: {}, findings: [], grade, verdict: 'pass' });
    expect(summary.finish()).toMatchObject({ unstable: 1, flipRate: 0.5, usage: { calls: 6 } });

    const files = (await Promise.all((await readdir(dir)).map((d) => readdir(join(dir, d))))).flat();
    expect(files).toHaveLength(6);
    const rerun = grader({ repeat: 3, cacheDir: dir });
    const again = await rerun.grade(flaky, []);
    expect(server.messageRequests()).toHaveLength(6);
    expect(again).toMatchObject({ cached: true, calls: 0, repeats: { n: 3, flips: 1, verdicts: flakyGrade.repeats!.verdicts } });
  });

  it('rewrites once, after the repeats, when the majority drifts', async () => {
    server.verdict = (request) => (server.requestsOfKind('score').indexOf(request) === 0 ? verdict() : verdictScoring(2));
    const grade = await grader({ repeat: 3, concurrency: 1 }).grade(makeSample(), []);
    expect(kinds()).toEqual(['score', 'score', 'score', 'rewrite']);
    expect(grade).toMatchObject({ drift: 'major-drift', rewrite: DEFAULT_REWRITE, repeats: { n: 3, flips: 1 }, calls: 4 });
    expect([...grade.repeats!.verdicts].sort()).toEqual(['drift', 'drift', 'ok']);
  });
});

describe('--batch', () => {
  it('scores through the batch and rewrites drifting replies with ordinary calls afterwards', async () => {
    server.verdict = (request) => (JSON.stringify(request.body.messages).includes('failed to') ? verdictScoring(2) : verdict());
    const g = grader({ cacheDir: dir, checkRewrite: blameError });
    const samples = [makeSample(), onBrandReply()];
    const outcome = await gradeBatch(g.context, samples, new Map(), { workRoot: join(dir, 'batches'), pollIntervalMs: 5 });
    const created = server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches');
    expect(created).toHaveLength(1);
    expect(created[0]!.body.requests).toHaveLength(2);
    expect(created[0]!.body.requests.every((r: { params: unknown }) => requestKind({ body: r.params } as never) === 'score')).toBe(true);
    expect(kinds()).toEqual(['rewrite']);
    const [drifting, onBrand] = samples.map((s) => outcome.grades.get(s.id)!);
    expect(drifting).toMatchObject({ status: 'graded', rewrite: DEFAULT_REWRITE, rewriteCheck: { passed: true }, calls: 2 });
    expect(onBrand).toMatchObject({ status: 'graded', drift: 'on-brand', calls: 1 });
    expect(onBrand!.rewrite).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmGrader, type LlmGraderEvent, type LlmGraderOptions } from '../../../src/grader/llm/llm-grader.js';
import { expandTurns } from '../../../src/load/samples/expand-turns.js';
import type { Finding, Grade, Sample } from '../../../src/types.js';
import { requestKind, startFakeAnthropicServer, type FakeAnthropicServer, type RecordedRequest } from '../../helpers/fake-anthropic-server.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { API_KEY, dimensionScore, makeGuide, verdict } from './fixtures.js';

const guide = makeGuide();

/** A conversation of three bot turns, expanded as the loader does: one sample per bot turn. */
function conversationTurns(): Sample[] {
  return expandTurns(
    {
      id: 'c1',
      customer: 'It still fails.',
      response: 'I have passed this to our on-call engineer, who will email you at ana@example.com within the hour.',
      transcript: [
        { role: 'customer', text: 'My deploy fails with exit code 137. I am ana@example.com.' },
        { role: 'bot', text: 'Exit code 137 means the build ran out of memory. Raise the build memory to 2 GB in Settings.' },
        { role: 'customer', text: 'Done, it still fails.' },
        { role: 'bot', text: 'Please check the docs.' },
        { role: 'customer', text: 'It still fails.' },
      ],
      metadata: {},
      source: { file: 'c.jsonl', line: 1 },
    },
    'all',
  );
}

const isConversationCall = (request: RecordedRequest): boolean => String(request.body?.messages?.[0]?.content ?? '').startsWith('Task: conversation verdicts');
const onBrand = (evidence: string[] = []) => verdict({ scores: { empathy: dimensionScore(4, 'Warm', evidence), clarity: dimensionScore(5, 'Direct') } });
const drifting = () => verdict({ scores: { empathy: dimensionScore(2, 'Brushes the customer off', ['check the docs']), clarity: dimensionScore(2, 'Vague') }, drift: 'major-drift' });

let server: FakeAnthropicServer;
beforeEach(async () => {
  server = await startFakeAnthropicServer();
  server.verdict = (request) =>
    isConversationCall(request)
      ? // Turn 1 quotes turn 2's words as its evidence: a quote must come from the turn it judges.
        { turns: [onBrand(['ran out of memory', 'check the docs']), drifting(), onBrand(['on-call engineer'])] }
      : onBrand();
});
afterEach(async () => server.close());

function grader(options: Partial<LlmGraderOptions> = {}) {
  return createLlmGrader(guide, { apiKey: API_KEY, baseURL: server.url, maxRetries: 0, timeoutMs: 2000, ...options });
}
const withFindings = (turns: Sample[], findings: Finding[][] = []) => turns.map((sample, k) => ({ sample, findings: findings[k] ?? [] }));
const inputTokens = (grades: Grade[]) => grades.reduce((sum, g) => sum + (g.usage?.inputTokens ?? 0) + (g.usage?.cacheCreationInputTokens ?? 0) + (g.usage?.cacheReadInputTokens ?? 0), 0);

describe('the LLM grader scores a conversation in one call', () => {
  it('one scoring call for three bot turns (plus a rewrite for the drifting one); each grade says so', async () => {
    const turns = conversationTurns();
    expect(turns.map((t) => t.id)).toEqual(['c1#0', 'c1#1', 'c1#2']);
    const g = grader();
    const grades = await g.gradeConversation(withFindings(turns));
    expect(server.messageRequests().map((r) => (isConversationCall(r) ? 'conversation' : requestKind(r)))).toEqual(['conversation', 'rewrite']);
    expect(grades.map((grade) => grade.call)).toEqual(['conversation', 'conversation', 'conversation']);
    expect(grades.map((grade) => grade.drift)).toEqual(['on-brand', 'major-drift', 'on-brand']);
    // Quotes are checked against the turn they judge: turn 1 cannot borrow turn 2's words.
    expect(grades[0]!.scores.empathy?.evidence).toEqual(['ran out of memory']);
    expect(grades[0]!.droppedEvidence).toBe(1);
    expect(grades[1]!.scores.empathy?.evidence).toEqual(['check the docs']);
    // The scoring call is counted once, on the last turn; the rewrite on its own turn.
    expect(grades.map((grade) => grade.calls)).toEqual([0, 1, 1]);
    expect(grades[1]!.rewrite).toBeDefined();
    expect(g.totals().calls).toBe(2);

    const [call] = server.messageRequests().map((r) => r.body);
    expect(call.output_config.format.schema.properties.turns.items.required).toEqual(['ruleReviews', 'scores', 'violations', 'drift']);
    expect(call.max_tokens).toBe(3 * 1024);
    const user: string = call.messages[0].content;
    expect(user).toContain('Judge each of the 3 marked bot turns');
    expect(user.match(/\[bot turn \d of 3, [0-9a-f]{12}\] bot:/g)).toHaveLength(3);
    expect(user).toContain('exactly 3 verdicts');
  });

  it('sends the transcript once: fewer input tokens than a call per turn, and the same texts redacted', async () => {
    const one = await grader().gradeConversation(withFindings(conversationTurns()));
    const conversationRequests = server.messageRequests().length;
    const each = await grader({ conversationCalls: 'per-turn' }).gradeConversation(withFindings(conversationTurns()));
    const perTurnScoring = server.messageRequests().slice(conversationRequests).filter((r) => requestKind(r) === 'score');
    expect(perTurnScoring).toHaveLength(3);
    expect(each.every((grade) => grade.call === undefined)).toBe(true);
    const scoringInput = (grades: Grade[], requests: RecordedRequest[]) => ({ grades: inputTokens(grades), requests: requests.length });
    expect(scoringInput(one, []).grades).toBeLessThan(scoringInput(each, perTurnScoring).grades);
    for (const request of server.messageRequests()) expect(request.raw).not.toContain('ana@example.com');
    // Counted once, on the last turn: the conversation's texts were redacted once.
    expect(one.map((grade) => grade.redacted)).toEqual([undefined, undefined, { email: 2 }]);
  });

  it('falls back to a call per turn when the answer has the wrong number of verdicts twice, keeping its cost', async () => {
    server.verdict = (request) => (isConversationCall(request) ? { turns: [onBrand()] } : onBrand());
    const events: LlmGraderEvent[] = [];
    const grades = await grader({ onEvent: (e) => events.push(e) }).gradeConversation(withFindings(conversationTurns()));
    const kinds = server.messageRequests().map((r) => (isConversationCall(r) ? 'conversation' : requestKind(r)));
    expect(kinds).toEqual(['conversation', 'conversation', 'score', 'score', 'score']);
    expect(events).toContainEqual({ type: 'conversation-fallback', conversationId: 'c1', reason: 'invalid verdict: turns: expected 3 verdicts, got 1' });
    expect(grades.map((grade) => grade.status)).toEqual(['graded', 'graded', 'graded']);
    expect(grades.every((grade) => grade.call === undefined)).toBe(true);
    // Two failed conversation requests plus the last turn's own.
    expect(grades.map((grade) => grade.calls)).toEqual([1, 1, 3]);
  });

  it('grades per turn with --repeat, for one turn, and for turns that are not one conversation', async () => {
    await grader({ repeat: 2 }).gradeConversation(withFindings(conversationTurns()));
    expect(server.messageRequests().filter(isConversationCall)).toHaveLength(0);
    const [first, second] = conversationTurns();
    await grader().gradeConversation(withFindings([second!, first!]));
    await grader().gradeConversation(withFindings([first!]));
    expect(server.messageRequests().filter(isConversationCall)).toHaveLength(0);
  });

  it('serves a rerun from the result cache, turn by turn', async () => {
    const dir = tempDir();
    await grader({ cacheDir: dir }).gradeConversation(withFindings(conversationTurns()));
    const before = server.messageRequests().length;
    const again = await grader({ cacheDir: dir }).gradeConversation(withFindings(conversationTurns()));
    expect(server.messageRequests()).toHaveLength(before);
    expect(again.map((grade) => grade.cached)).toEqual([true, true, true]);
    expect(again.map((grade) => grade.drift)).toEqual(['on-brand', 'major-drift', 'on-brand']);
  });
});

describe('audit --grader llm on transcripts', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const northwind = path.join(root, 'styleguide/northwind.yaml');
  const DIMENSIONS = ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'];
  const scores = (score: number) => Object.fromEntries(DIMENSIONS.map((d) => [d, { evidence: [], reasoning: `${d}: ${score}`, score }]));
  const good = { ruleReviews: [], scores: scores(4), violations: [], drift: 'on-brand' };
  const transcript = (id: string) => ({
    id,
    messages: [
      { role: 'user', content: 'How do I rotate an API key?' },
      { role: 'assistant', content: 'Open Settings, then API keys, and choose Rotate.' },
      { role: 'user', content: 'Does the old key stop working at once?' },
      { role: 'assistant', content: 'No, the old key keeps working for a day, so you have time to update your apps.' },
    ],
  });

  it('one scoring call per conversation by default, one per bot turn with --conversation-calls per-turn', async () => {
    server.verdict = (request) => (isConversationCall(request) ? { turns: [good, good] } : good);
    const dir = tempDir({ 't.jsonl': [transcript('t1'), transcript('t2')].map((r) => JSON.stringify(r)).join('\n') });
    const env = { ANTHROPIC_API_KEY: 'sk-ant-test-conv-0000', ANTHROPIC_BASE_URL: server.url };
    const args = ['audit', 't.jsonl', '--guide', northwind, '--no-cache', '--format', 'json', '--output', 'out.json'];
    const run = await runCli(args, { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    expect(server.messageRequests().filter(isConversationCall)).toHaveLength(2);
    expect(server.messageRequests()).toHaveLength(2);
    const result = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expect(result.samples.map((s: { id: string; grade: Grade }) => [s.id, s.grade.call])).toEqual([
      ['t1#0', 'conversation'],
      ['t1#1', 'conversation'],
      ['t2#0', 'conversation'],
      ['t2#1', 'conversation'],
    ]);
    expect(result.summary.usage.calls).toBe(2);

    const perTurn = await runCli([...args, '--conversation-calls', 'per-turn'], { cwd: dir, env });
    expect(perTurn.code, perTurn.stderr).toBe(0);
    expect(server.messageRequests()).toHaveLength(6);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).summary.usage.calls).toBe(4);

    // A drifting turn in the terminal says its grade came from the conversation's call.
    server.verdict = (request) => (isConversationCall(request) ? { turns: [good, { ...good, scores: scores(2), drift: 'major-drift' }] } : good);
    const shown = await runCli(['audit', 't.jsonl', '--guide', northwind, '--no-cache', '--no-color'], { cwd: dir, env });
    expect(shown.stdout.replace(/\s+/g, ' ')).toContain('llm (one call for the conversation):');

    const bad = await runCli([...args, '--conversation-calls', 'sometimes'], { cwd: dir, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--conversation-calls');
  });
});

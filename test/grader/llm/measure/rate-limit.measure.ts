// Ad hoc measurement, not part of the suite (the default include does not match *.measure.ts). Run with:
//   MEASURE_N=100 MEASURE_RPM=120 npx vitest run --config test/grader/llm/measure/vitest.measure.config.ts
import { it } from 'vitest';
import { createLlmGrader } from '../../../../src/grader/llm/llm-grader.js';
import { startFakeAnthropicServer } from '../../../helpers/fake-anthropic-server.js';
import { API_KEY, makeGuide, makeSample, verdict } from '../fixtures.js';

it('measures grading under a rate limit', { timeout: 900_000 }, async () => {
  const n = Number(process.env.MEASURE_N ?? 100);
  const rpm = Number(process.env.MEASURE_RPM ?? 120);
  const server = await startFakeAnthropicServer({ latencyMs: 300, requestsPerMinute: rpm });
  server.verdict = () => verdict();
  // A realistic prompt size (~1.3k tokens) so prompt caching applies.
  const guide = makeGuide({ voice: { summary: 'Warm, plain-spoken and confident. '.repeat(120), traits: makeGuide().voice.traits } });
  const grader = createLlmGrader(guide, { apiKey: API_KEY, baseURL: server.url, maxRetries: 2 });
  const started = Date.now();
  const grades = await Promise.all(Array.from({ length: n }, () => grader.grade(makeSample(), [])));
  const seconds = (Date.now() - started) / 1000;
  const t = grader.totals();
  const http = server.messageRequests().length;
  const inputAll = t.usage.inputTokens + t.usage.cacheCreationInputTokens + t.usage.cacheReadInputTokens;
  console.log(
    JSON.stringify(
      {
        replies: n,
        rpm,
        latencyMs: 300,
        wallSeconds: seconds,
        rateLimitBoundSeconds: ((n - 1) / rpm) * 60,
        graded: grades.filter((g) => g.status === 'graded').length,
        callsIssued: t.calls,
        httpRequests: http,
        http429: t.rateLimited,
        callsPerReply: t.calls / n,
        httpRequestsPerReply: http / n,
        lowestConcurrency: t.lowestConcurrency,
        serverMaxConcurrent: server.maxConcurrent,
        cachedShareOfInput: t.usage.cacheReadInputTokens / inputAll,
        usage: t.usage,
        costPer1000RepliesUsd: (t.usage.costUsd / n) * 1000,
      },
      null,
      2,
    ),
  );
  await server.close();
});

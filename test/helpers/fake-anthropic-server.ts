import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Anthropic's Messages API that the real `@anthropic-ai/sdk` can talk to:
 * JSON bodies with `content-type: application/json` and a `request-id` header, Bearer or x-api-key auth,
 * scripted replies and faults, token counting and the Message Batches lifecycle. Records every request.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: any;
  /** Raw body text, for "the key never appears" style assertions. */
  raw: string;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON body, or a string sent as is. */
  body?: unknown;
  /** Wait this long before answering (for timeouts and latency). */
  delayMs?: number;
  /** Drop the connection instead of answering (ECONNRESET on the client). */
  reset?: boolean;
  /** Never answer (the client's timeout or abort is the only way out). */
  hang?: boolean;
}

export interface MessageReplyInput {
  /** Verdict (or any value) to return in the shape the request asked for (json_schema/text → text, tool → tool_use). */
  verdict?: unknown;
  /** Raw text content, overrides `verdict`. */
  text?: string;
  thinking?: string;
  stopReason?: 'end_turn' | 'max_tokens' | 'refusal' | 'tool_use';
  stopDetails?: unknown;
  usage?: Partial<{ input_tokens: number; output_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number }>;
}

export type MessageHandler = (request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeServerOptions {
  /** Fixed latency on every /v1/messages call. */
  latencyMs?: number;
  /** Token-bucket limit on /v1/messages; excess calls get 429 with retry-after. */
  requestsPerMinute?: number;
  /** Bucket size (default 1: requests are spread evenly, as a strict limiter does). */
  burst?: number;
  /**
   * With `requestsPerMinute`, every /v1/messages response (success and 429) carries
   * `anthropic-ratelimit-requests-{limit,remaining,reset}` from the bucket, reset being when the next
   * request is allowed (RFC 3339). Default true; false leaves them out, as many local servers do.
   */
  rateLimitHeaders?: boolean;
  /** Answer count_tokens (default true); false answers 404 like servers without it. */
  countTokens?: boolean;
  /**
   * The subset of the API a local server speaks, as its docs say (see {@link SERVER_SUBSETS}); what it
   * lacks is refused the way a strict server refuses it: `output_config`, `tool_choice` and
   * `cache_control` with a 400 naming the field, batches with a 404. Default: everything.
   */
  subset?: ServerSubset;
  /** Polls of a batch before it ends (default 1). */
  batchPolls?: number;
  /**
   * `keep` (default): batch bodies are parsed and kept, as for every request. `ids`: for batches of
   * hundreds of thousands of requests, the body is scanned as it streams in and only the custom_ids are
   * kept (recorded as `body.requests: [{ custom_id }]`); results are answered as for a json_schema
   * scoring request (the verdict function sees an empty request).
   */
  batchBodies?: 'keep' | 'ids';
  /** Outcome of each batch request by custom_id and submission number (1 = first time submitted). */
  batchOutcome?: (customId: string, submission: number) => 'succeeded' | 'errored' | 'expired';
}

export interface ServerSubset {
  outputConfig?: boolean;
  toolChoice?: boolean;
  cacheControl?: boolean;
  batches?: boolean;
  countTokens?: boolean;
}

/** What each provider profile's server accepts, for the fake to refuse the rest (Ollama: no tool_choice, caching, batches or count_tokens). */
export const SERVER_SUBSETS: Record<'ollama' | 'llamacpp' | 'vllm' | 'litellm', ServerSubset> = {
  ollama: { outputConfig: false, toolChoice: false, cacheControl: false, batches: false, countTokens: false },
  llamacpp: { outputConfig: false, toolChoice: true, cacheControl: false, batches: false, countTokens: true },
  vllm: { outputConfig: false, toolChoice: true, cacheControl: false, batches: false, countTokens: true },
  litellm: { outputConfig: true, toolChoice: true, cacheControl: true, batches: false, countTokens: true },
};

export interface FakeAnthropicServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests to POST /v1/messages only. */
  messageRequests(): RecordedRequest[];
  /** Replies used in order for the next /v1/messages calls, before `handler`. */
  enqueue(...replies: (FakeReply | MessageHandler)[]): void;
  /** Answers /v1/messages once the queue is empty; default: a valid verdict from `verdict`. */
  handler: MessageHandler;
  /** The verdict the default handler (and batch results) return for a scoring request. */
  verdict: (request: RecordedRequest) => unknown;
  /** The answer the default handler returns for a rewrite request (`Task: rewrite`); default {@link defaultRewrite}. */
  rewrite: (request: RecordedRequest) => unknown;
  /** POST /v1/messages requests of one call kind (see {@link requestKind}). */
  requestsOfKind(kind: RequestKind): RecordedRequest[];
  /** Most requests in flight at once on /v1/messages. */
  maxConcurrent: number;
  rateLimited: number;
  close(): Promise<void>;
}

/** What the grader asked for: a scoring verdict or a rewrite (its user turn starts with `Task: rewrite`). */
export type RequestKind = 'score' | 'rewrite';

export function requestKind(request: RecordedRequest): RequestKind {
  const content = request.body?.messages?.[0]?.content;
  return typeof content === 'string' && content.startsWith('Task: rewrite') ? 'rewrite' : 'score';
}

export const DEFAULT_REWRITE = 'Thanks for flagging this. I have reset the code for you, so you can sign in now.';
export const defaultRewrite = (): unknown => ({ plan: 'Drop the blame and say what was done.', rewrite: DEFAULT_REWRITE });

/** Builds a Messages API response body. */
export function messageBody(request: RecordedRequest | undefined, input: MessageReplyInput): Record<string, unknown> {
  const content: unknown[] = [];
  if (input.thinking !== undefined) content.push({ type: 'thinking', thinking: input.thinking, signature: 'sig' });
  const toolChoice = request?.body?.tool_choice;
  if (input.text !== undefined) content.push({ type: 'text', text: input.text, citations: null });
  else if (input.verdict !== undefined && toolChoice?.type === 'tool') {
    content.push({ type: 'tool_use', id: 'toolu_1', name: toolChoice.name, input: input.verdict, caller: { type: 'direct' } });
  } else if (input.verdict !== undefined) {
    const json = JSON.stringify(input.verdict);
    content.push({ type: 'text', text: request?.body?.output_config ? json : `Here is my verdict:\n\`\`\`json\n${json}\n\`\`\``, citations: null });
  }
  return {
    id: `msg_${Math.random().toString(36).slice(2, 10)}`,
    type: 'message',
    role: 'assistant',
    model: request?.body?.model ?? 'claude-haiku-5-5',
    content,
    stop_reason: input.stopReason ?? (toolChoice?.type === 'tool' && input.text === undefined ? 'tool_use' : 'end_turn'),
    stop_sequence: null,
    stop_details: input.stopDetails ?? null,
    usage: { input_tokens: 50, output_tokens: 120, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, ...input.usage },
  };
}

export function errorReply(status: number, type: string, message: string, headers: Record<string, string> = {}): FakeReply {
  return { status, headers, body: { type: 'error', error: { type, message }, request_id: 'req_err' } };
}

export const faults = {
  rateLimited: (retryAfterSeconds = 0): FakeReply =>
    errorReply(429, 'rate_limit_error', 'Number of requests has exceeded your rate limit', {
      'retry-after': String(retryAfterSeconds),
      'retry-after-ms': String(retryAfterSeconds * 1000),
    }),
  overloaded: (): FakeReply => errorReply(529, 'overloaded_error', 'Overloaded', { 'retry-after-ms': '1' }),
  serverError: (): FakeReply => errorReply(500, 'api_error', 'Internal server error', { 'retry-after-ms': '1' }),
  unsupportedOutputConfig: (): FakeReply => errorReply(400, 'invalid_request_error', 'output_config: Extra inputs are not permitted'),
  unsupportedToolChoice: (): FakeReply => errorReply(400, 'invalid_request_error', 'tool_choice is not supported by this server'),
  connectionReset: (): FakeReply => ({ reset: true }),
  neverAnswers: (): FakeReply => ({ hang: true }),
  /** A 200 whose JSON body is cut off, as a dropped proxy connection leaves it. */
  garbled: (): FakeReply => ({ body: '{"id":"msg_1","type":"message","content":[{"type":"te' }),
};

/** A reply body made of JSONL lines, each built only when it is written (batch results of any size). */
const STREAM_LINES = Symbol('stream lines');

async function streamLines(res: ServerResponse, reply: FakeReply, lines: (() => unknown)[]): Promise<void> {
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'request-id': 'req_results', ...reply.headers });
  for (const line of lines) {
    if (res.destroyed) return;
    if (!res.write(`${JSON.stringify(line())}\n`)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/** Reads the custom_ids of a batch body as it streams in, without holding the body. */
function scanCustomIds(req: IncomingMessage): Promise<{ ids: { custom_id: string }[]; bytes: number }> {
  return new Promise((resolve, reject) => {
    const ids: { custom_id: string }[] = [];
    let bytes = 0;
    const pattern = /"custom_id":"([^"\\]+)"/g;
    let carry = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
      const text = carry + chunk;
      let last = 0;
      for (const match of text.matchAll(pattern)) {
        // A copy: a regex match is a slice that would keep the whole chunk (and so the whole body) alive.
        ids.push({ custom_id: Buffer.from(match[1]!, 'utf8').toString('utf8') });
        last = match.index! + match[0].length;
      }
      // Keep enough of the tail for a key split across chunks.
      carry = text.slice(Math.max(last, text.length - 100));
    });
    req.on('end', () => resolve({ ids, bytes }));
    req.on('error', reject);
  });
}

export async function startFakeAnthropicServer(options: FakeServerOptions = {}): Promise<FakeAnthropicServer> {
  const requests: RecordedRequest[] = [];
  const queue: (FakeReply | MessageHandler)[] = [];
  const seenPrefixes = new Set<string>();
  const batches = new Map<string, { id: string; requests: { custom_id: string; params: any }[]; polls: number; canceled: boolean; submissions: Map<string, number> }>();
  const submissions = new Map<string, number>();
  let messageIndex = 0;
  let inFlight = 0;
  let tokens = options.burst ?? 1;
  let lastRefill = Date.now();

  /** Takes a request from the bucket: the wait before one is allowed (undefined = allowed now) and the headers that report it. */
  const takeToken = (): { wait?: number; headers: Record<string, string> } => {
    if (!options.requestsPerMinute) return { headers: {} };
    const rate = options.requestsPerMinute / 60_000;
    const now = Date.now();
    tokens = Math.min(options.burst ?? 1, tokens + (now - lastRefill) * rate);
    lastRefill = now;
    const allowed = tokens >= 1;
    if (allowed) tokens -= 1;
    const wait = Math.ceil(Math.max(0, 1 - tokens) / rate);
    const headers: Record<string, string> =
      options.rateLimitHeaders === false
        ? {}
        : {
            'anthropic-ratelimit-requests-limit': String(options.requestsPerMinute),
            'anthropic-ratelimit-requests-remaining': String(Math.floor(tokens)),
            'anthropic-ratelimit-requests-reset': new Date(now + wait).toISOString(),
          };
    return allowed ? { headers } : { wait, headers };
  };

  /** Simulates prompt caching: the first request with a given system prompt writes it, later ones read it. */
  const cacheUsage = (request: RecordedRequest): MessageReplyInput['usage'] => {
    const system = JSON.stringify(request.body?.system ?? '');
    const prefixTokens = Math.ceil(system.length / 4);
    const userTokens = Math.ceil(JSON.stringify(request.body?.messages ?? []).length / 4);
    const marked = system.includes('"cache_control"');
    if (!marked) return { input_tokens: prefixTokens + userTokens };
    if (seenPrefixes.has(system)) return { input_tokens: userTokens, cache_read_input_tokens: prefixTokens };
    seenPrefixes.add(system);
    return { input_tokens: userTokens, cache_creation_input_tokens: prefixTokens };
  };

  const server: FakeAnthropicServer = {
    url: '',
    requests,
    messageRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages'),
    enqueue: (...replies) => queue.push(...replies),
    verdict: () => ({}),
    rewrite: defaultRewrite,
    requestsOfKind: (kind) => server.messageRequests().filter((r) => requestKind(r) === kind),
    handler: (request) => ({ body: messageBody(request, { verdict: answer(request), usage: cacheUsage(request) }) }),
    maxConcurrent: 0,
    rateLimited: 0,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };

  const answer = (request: RecordedRequest): unknown => (requestKind(request) === 'rewrite' ? server.rewrite(request) : server.verdict(request));

  const send = (res: ServerResponse, reply: FakeReply): void => {
    const lines = (reply.body as { [STREAM_LINES]?: (() => unknown)[] } | undefined)?.[STREAM_LINES];
    if (lines) return void streamLines(res, reply, lines);
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'request-id': `req_${requests.length}`, ...reply.headers });
    res.end(body);
  };

  /** The 400 a strict server sends for a field outside its subset, or undefined when the request is within it. */
  const outsideSubset = (request: RecordedRequest): FakeReply | undefined => {
    const subset = options.subset;
    if (!subset) return undefined;
    if (subset.outputConfig === false && request.body?.output_config !== undefined) return errorReply(400, 'invalid_request_error', 'output_config: Extra inputs are not permitted');
    if (subset.toolChoice === false && request.body?.tool_choice !== undefined) return errorReply(400, 'invalid_request_error', 'tool_choice is not supported');
    if (subset.cacheControl === false && request.raw.includes('"cache_control"')) return errorReply(400, 'invalid_request_error', 'system.0.cache_control: Extra inputs are not permitted');
    return undefined;
  };

  const handleMessages = async (request: RecordedRequest): Promise<FakeReply> => {
    const refused = outsideSubset(request);
    if (refused) return refused;
    const { wait, headers } = takeToken();
    if (wait !== undefined) {
      server.rateLimited += 1;
      const seconds = Math.ceil(wait / 1000);
      return errorReply(429, 'rate_limit_error', 'Number of requests has exceeded your rate limit', {
        ...headers,
        'retry-after': String(seconds),
        'retry-after-ms': String(wait),
        'anthropic-ratelimit-requests-remaining': '0',
      });
    }
    const index = messageIndex++;
    const scripted = queue.shift();
    const reply = scripted === undefined ? await server.handler(request, index) : typeof scripted === 'function' ? await scripted(request, index) : scripted;
    return { ...reply, headers: { ...headers, ...reply.headers } };
  };

  const batchView = (batch: NonNullable<ReturnType<typeof batches.get>>): Record<string, unknown> => {
    const ended = batch.polls <= 0 || batch.canceled;
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : 'in_progress',
      request_counts: ended
        ? { processing: 0, succeeded: batch.requests.length, errored: 0, canceled: 0, expired: 0 }
        : { processing: batch.requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
      results_url: ended ? `${server.url}/v1/messages/batches/${batch.id}/results` : null,
      created_at: '2026-11-01T00:00:00Z',
      ended_at: ended ? '2026-11-01T00:01:00Z' : null,
      expires_at: '2026-11-02T00:00:00Z',
      archived_at: null,
      cancel_initiated_at: batch.canceled ? '2026-11-01T00:00:30Z' : null,
    };
  };

  const route = async (request: RecordedRequest): Promise<FakeReply> => {
    const auth = request.headers['authorization'] ?? '';
    if (!auth.startsWith('Bearer ') && !request.headers['x-api-key']) return errorReply(401, 'authentication_error', 'missing credentials');
    const { method, path } = request;
    if (method === 'POST' && path === '/v1/messages') return handleMessages(request);
    if (method === 'POST' && path === '/v1/messages/count_tokens') {
      if (options.countTokens === false || options.subset?.countTokens === false) return errorReply(404, 'not_found_error', 'Not found');
      const refused = outsideSubset(request);
      if (refused) return refused;
      const text = JSON.stringify([request.body?.system ?? '', request.body?.messages ?? [], request.body?.tools ?? []]);
      return { body: { input_tokens: Math.ceil(text.length / 4) } };
    }
    if (method === 'POST' && path === '/v1/messages/batches' && options.subset?.batches !== false) {
      const id = `msgbatch_${batches.size + 1}`;
      const batch = { id, requests: request.body.requests, polls: options.batchPolls ?? 1, canceled: false, submissions: new Map<string, number>() };
      for (const r of batch.requests) {
        const n = (submissions.get(r.custom_id) ?? 0) + 1;
        submissions.set(r.custom_id, n);
        batch.submissions.set(r.custom_id, n);
      }
      batches.set(id, batch);
      return { body: batchView(batch) };
    }
    if (path.startsWith('/v1/messages/batches') && options.subset?.batches === false) return errorReply(404, 'not_found_error', `no route ${method} ${path}`);
    const match = /^\/v1\/messages\/batches\/([^/]+)(\/results|\/cancel)?$/.exec(path);
    const batch = match ? batches.get(match[1] ?? '') : undefined;
    if (match && !batch) return errorReply(404, 'not_found_error', 'batch not found');
    if (batch && method === 'GET' && !match?.[2]) {
      batch.polls -= 1;
      return { body: batchView(batch) };
    }
    if (batch && method === 'POST' && match?.[2] === '/cancel') {
      batch.canceled = true;
      return { body: batchView(batch) };
    }
    if (batch && method === 'GET' && match?.[2] === '/results') {
      const lines = batch.requests.map((r) => () => {
        if (batch.canceled) return { custom_id: r.custom_id, result: { type: 'canceled' } };
        const outcome = options.batchOutcome?.(r.custom_id, batch.submissions.get(r.custom_id) ?? 1) ?? 'succeeded';
        if (outcome === 'expired') return { custom_id: r.custom_id, result: { type: 'expired' } };
        if (outcome === 'errored') {
          return { custom_id: r.custom_id, result: { type: 'errored', error: { type: 'error', error: { type: 'api_error', message: 'Internal error' } } } };
        }
        const fake: RecordedRequest = { method: 'POST', path: '/v1/messages', headers: {}, body: r.params ?? { output_config: {} }, raw: '' };
        return { custom_id: r.custom_id, result: { type: 'succeeded', message: messageBody(fake, { verdict: answer(fake), usage: cacheUsage(fake) }) } };
      });
      // Results come back in no particular order: reverse and interleave.
      const shuffled = [...lines.filter((_, i) => i % 2 === 1).reverse(), ...lines.filter((_, i) => i % 2 === 0)];
      return { headers: { 'content-type': 'application/binary' }, body: { [STREAM_LINES]: shuffled } };
    }
    return errorReply(404, 'not_found_error', `no route ${method} ${path}`);
  };

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (options.batchBodies === 'ids' && req.method === 'POST' && req.url === '/v1/messages/batches') {
      void scanCustomIds(req).then(async ({ ids: requestIds, bytes }) => {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
        const request: RecordedRequest = { method: 'POST', path: '/v1/messages/batches', headers, body: { requests: requestIds, bytes }, raw: '' };
        requests.push(request);
        send(res, await route(request));
      });
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const request: RecordedRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/', headers, body, raw };
      requests.push(request);
      const isMessages = request.method === 'POST' && request.path === '/v1/messages';
      if (isMessages) {
        inFlight += 1;
        server.maxConcurrent = Math.max(server.maxConcurrent, inFlight);
      }
      void (async () => {
        try {
          const reply = await route(request);
          const delay = (reply.delayMs ?? 0) + (isMessages && reply.status === undefined ? (options.latencyMs ?? 0) : 0);
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
          if (reply.hang) return;
          if (reply.reset) return void req.socket.destroy();
          if (!res.destroyed) send(res, reply);
        } catch (error) {
          if (!res.destroyed) send(res, errorReply(500, 'api_error', (error as Error).message));
        } finally {
          if (isMessages) inFlight -= 1;
        }
      })();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const close = server.close;
  server.close = () => {
    http.closeAllConnections();
    return close();
  };
  return server;
}

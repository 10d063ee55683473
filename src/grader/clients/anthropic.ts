import { openAsBlob } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import type { Middleware } from '@anthropic-ai/sdk';
import type { Message, MessageCountTokensParams, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { MessageBatch, MessageBatchIndividualResponse } from '@anthropic-ai/sdk/resources/messages/batches';
import { adaptRequest } from '../providers/adapt-request.js';

export type { Message, MessageBatch, MessageBatchIndividualResponse, MessageCreateParamsNonStreaming };

export interface AnthropicClientOptions {
  apiKey: string;
  /** An Anthropic-compatible server (LiteLLM, llama.cpp, Ollama…); defaults to Anthropic's API. */
  baseURL?: string;
  /** The SDK's own retries per request (408/409/429/5xx, timeouts). */
  maxRetries?: number;
  /** False for servers without prompt caching: `cache_control` markers are removed from every request. Default true. */
  promptCaching?: boolean;
  /** Per attempt. */
  timeoutMs?: number;
  /** Sees every HTTP 429, including those the SDK retries itself, so the scheduler can slow down early. */
  onRateLimited?: (retryAfterMs: number | undefined) => void;
  /**
   * Sees the rate-limit headers of every successful response that carries them (Anthropic sends them on
   * all responses; local servers usually send none), so the scheduler can pace itself before a 429.
   */
  onRateLimitHeaders?: (quota: RateLimitQuota) => void;
}

/** One rate-limit bucket as a response reports it. */
export interface RateLimitBucket {
  /** Requests or tokens left in the bucket. */
  remaining: number;
  /** The bucket's size per minute, when reported. */
  limit?: number;
  /** Epoch ms of `-reset`, when reported as a valid RFC 3339 time. */
  resetAt?: number;
}

/** The `anthropic-ratelimit-*` buckets of one response; a bucket is absent when its `-remaining` is missing or not a number. */
export interface RateLimitQuota {
  requests?: RateLimitBucket;
  tokens?: RateLimitBucket;
  inputTokens?: RateLimitBucket;
  outputTokens?: RateLimitBucket;
}

export type ApiErrorKind = 'rate-limited' | 'bad-request' | 'aborted' | 'timeout' | 'connection' | 'api';

/** A failed API call, with a short message safe to show and store: status, error type and the server's message; never the key or a stack. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/**
 * The only place text leaves the machine for the model API: a thin wrapper over `@anthropic-ai/sdk`
 * that turns SDK errors into {@link ApiCallError}s.
 */
export interface AnthropicClient {
  /**
   * One Messages call. `onRequest` runs once per HTTP request it makes — the SDK's own retries and
   * the retries of a garbled body included — so usage can count what the API actually saw.
   */
  createMessage(params: MessageCreateParamsNonStreaming, signal?: AbortSignal, onRequest?: () => void): Promise<Message>;
  countTokens(params: MessageCountTokensParams, signal?: AbortSignal): Promise<number>;
  /**
   * Submits a batch whose request body (`{"requests":[…]}`, as JSON) is already on disk: the file is
   * streamed, never read into memory, so a 256 MB batch costs no more memory than a small one.
   */
  createBatchFromFile(bodyFile: string, signal?: AbortSignal): Promise<MessageBatch>;
  retrieveBatch(id: string, signal?: AbortSignal): Promise<MessageBatch>;
  cancelBatch(id: string): Promise<MessageBatch>;
  /** The result lines of an ended batch, decoded as they arrive (in no particular order). */
  batchResults(id: string, signal?: AbortSignal): AsyncIterable<MessageBatchIndividualResponse>;
}

/** Parses `retry-after-ms` / `retry-after` (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const BUCKETS = { requests: 'requests', tokens: 'tokens', inputTokens: 'input-tokens', outputTokens: 'output-tokens' } as const;

/**
 * Parses Anthropic's `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{remaining,limit,reset}`
 * headers. Values that do not parse are left out rather than guessed; `undefined` when no bucket is reported.
 */
export function parseRateLimitHeaders(headers: Headers | undefined): RateLimitQuota | undefined {
  const quota: RateLimitQuota = {};
  const count = (name: string): number | undefined => {
    const raw = headers?.get(name)?.trim();
    return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
  };
  for (const [key, bucket] of Object.entries(BUCKETS) as [keyof RateLimitQuota, string][]) {
    const remaining = count(`anthropic-ratelimit-${bucket}-remaining`);
    if (remaining === undefined) continue;
    const limit = count(`anthropic-ratelimit-${bucket}-limit`);
    const reset = headers?.get(`anthropic-ratelimit-${bucket}-reset`)?.trim() ?? '';
    const resetAt = RFC3339.test(reset) ? Date.parse(reset) : Number.NaN;
    quota[key] = { remaining, ...(limit ? { limit } : {}), ...(Number.isNaN(resetAt) ? {} : { resetAt }) };
  }
  return Object.keys(quota).length > 0 ? quota : undefined;
}

export function createAnthropicClient(options: AnthropicClientOptions): AnthropicClient {
  const observeRateLimits: Middleware = async (request, next, context) => {
    const response = await next(request);
    if (response.status === 429) options.onRateLimited?.(parseRetryAfter(response.headers));
    // Only Messages calls: count_tokens and batches have buckets of their own.
    else if (response.ok && options.onRateLimitHeaders && context?.options?.path.split('?')[0] === '/v1/messages') {
      const quota = parseRateLimitHeaders(response.headers);
      if (quota) options.onRateLimitHeaders(quota);
    }
    return response;
  };
  const sdk = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 60_000,
    middleware: [observeRateLimits],
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toApiCallError(error, options.apiKey);
    }
  };
  // A 200 whose body is cut off mid-JSON (a proxy or a dropped connection) is a transient fault like
  // a 5xx, but the SDK only retries HTTP errors: retry it here, as often as the SDK would.
  const callRetryingGarbled = async <T>(run: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof SyntaxError) || attempt >= (options.maxRetries ?? 2)) throw toApiCallError(error, options.apiKey);
      }
    }
  };
  const profile = { promptCaching: options.promptCaching ?? true };
  return {
    createMessage: (params, signal, onRequest) => {
      // Per-request middleware runs once per HTTP attempt, retries included, before the request goes out.
      const middleware: Middleware[] = onRequest
        ? [
            (request, next) => {
              onRequest();
              return next(request);
            },
          ]
        : [];
      return callRetryingGarbled(() => sdk.messages.create(adaptRequest(params, profile), { signal, middleware }));
    },
    countTokens: (params, signal) => call(async () => (await sdk.messages.countTokens(adaptRequest(params, profile), { signal })).input_tokens),
    createBatchFromFile: (bodyFile, signal) =>
      call(async () => {
        // A file-backed Blob: fetch streams it, and can read it again when the SDK retries. Only the
        // anthropic provider has batches (the others are refused before), so the bodies need no adapting.
        const body = await openAsBlob(bodyFile, { type: 'application/json' });
        return sdk.post<MessageBatch>('/v1/messages/batches', { body, headers: { 'content-type': 'application/json' }, signal });
      }),
    retrieveBatch: (id, signal) => call(() => sdk.messages.batches.retrieve(id, {}, { signal })),
    cancelBatch: (id) => call(() => sdk.messages.batches.cancel(id)),
    batchResults: async function* (id, signal) {
      try {
        yield* await sdk.messages.batches.results(id, {}, { signal });
      } catch (error) {
        throw toApiCallError(error, options.apiKey);
      }
    },
  };
}

function toApiCallError(error: unknown, apiKey: string): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const redact = (text: string): string => (apiKey ? text.split(apiKey).join('[redacted]') : text).slice(0, 300);
  if (error instanceof Anthropic.APIUserAbortError) return new ApiCallError('request aborted', 'aborted');
  if (error instanceof Anthropic.APIConnectionTimeoutError) return new ApiCallError('request timed out', 'timeout');
  if (error instanceof Anthropic.APIConnectionError) return new ApiCallError(redact(`connection error: ${error.message}`), 'connection');
  if (error instanceof Anthropic.APIError) {
    const detail = error.apiMessage ?? error.message;
    const text = redact(`${error.status ?? ''} ${error.type ? `${error.type}: ` : ''}${detail}`.trim());
    if (error instanceof Anthropic.RateLimitError) return new ApiCallError(text, 'rate-limited', 429, parseRetryAfter(error.headers));
    if (error instanceof Anthropic.BadRequestError) return new ApiCallError(text, 'bad-request', 400);
    return new ApiCallError(text, 'api', error.status);
  }
  if (error instanceof Error && error.name === 'AbortError') return new ApiCallError('request aborted', 'aborted');
  return new ApiCallError(redact(error instanceof Error ? error.message : String(error)), 'api');
}

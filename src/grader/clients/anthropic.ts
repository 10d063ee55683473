import Anthropic from '@anthropic-ai/sdk';
import type { Middleware } from '@anthropic-ai/sdk';
import type { Message, MessageCountTokensParams, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { MessageBatch, MessageBatchIndividualResponse } from '@anthropic-ai/sdk/resources/messages/batches';

export type { Message, MessageBatch, MessageBatchIndividualResponse, MessageCreateParamsNonStreaming };

export interface AnthropicClientOptions {
  apiKey: string;
  /** An Anthropic-compatible server (LiteLLM, llama.cpp, Ollama…); defaults to Anthropic's API. */
  baseURL?: string;
  /** The SDK's own retries per request (408/409/429/5xx, timeouts). */
  maxRetries?: number;
  /** Per attempt. */
  timeoutMs?: number;
  /** Sees every HTTP 429, including those the SDK retries itself, so the scheduler can slow down early. */
  onRateLimited?: (retryAfterMs: number | undefined) => void;
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
  createMessage(params: MessageCreateParamsNonStreaming, signal?: AbortSignal): Promise<Message>;
  countTokens(params: MessageCountTokensParams, signal?: AbortSignal): Promise<number>;
  createBatch(requests: { custom_id: string; params: MessageCreateParamsNonStreaming }[], signal?: AbortSignal): Promise<MessageBatch>;
  retrieveBatch(id: string, signal?: AbortSignal): Promise<MessageBatch>;
  cancelBatch(id: string): Promise<MessageBatch>;
  batchResults(id: string, signal?: AbortSignal): Promise<MessageBatchIndividualResponse[]>;
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

export function createAnthropicClient(options: AnthropicClientOptions): AnthropicClient {
  const observe429: Middleware = async (request, next) => {
    const response = await next(request);
    if (response.status === 429) options.onRateLimited?.(parseRetryAfter(response.headers));
    return response;
  };
  const sdk = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 60_000,
    middleware: [observe429],
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toApiCallError(error, options.apiKey);
    }
  };
  return {
    createMessage: (params, signal) => call(() => sdk.messages.create(params, { signal })),
    countTokens: (params, signal) => call(async () => (await sdk.messages.countTokens(params, { signal })).input_tokens),
    createBatch: (requests, signal) => call(() => sdk.messages.batches.create({ requests }, { signal })),
    retrieveBatch: (id, signal) => call(() => sdk.messages.batches.retrieve(id, {}, { signal })),
    cancelBatch: (id) => call(() => sdk.messages.batches.cancel(id)),
    batchResults: (id, signal) =>
      call(async () => {
        const lines: MessageBatchIndividualResponse[] = [];
        for await (const line of await sdk.messages.batches.results(id, {}, { signal })) lines.push(line);
        return lines;
      }),
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

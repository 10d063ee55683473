import type { OutputMode } from '../llm/verdict-request.js';

/** `--provider` choices: Anthropic's API, or a local server that speaks its Messages API. */
export const PROVIDER_IDS = ['anthropic', 'ollama', 'llamacpp', 'vllm', 'litellm'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/**
 * What a server behind the Messages API supports, so the LLM grader sends only what it accepts.
 * Facts come from each project's documentation (`docs`); where a feature is undocumented it is off,
 * since a local server that silently ignores, say, `cache_control` costs nothing, while one that
 * rejects it fails every call.
 */
export interface ProviderProfile {
  id: ProviderId;
  name: string;
  /** Base URL the SDK appends `/v1/messages` to; `undefined` for Anthropic (ANTHROPIC_BASE_URL or the SDK's default). */
  defaultBaseUrl?: string;
  /**
   * Structured-output modes the server accepts, best first: the API's JSON schema (`output_config`), a
   * forced tool (`tool_choice`), or JSON in the text, validated, with one repair retry. The grader starts
   * with the first and falls back along the list on a 400 that says unsupported.
   */
  structuredOutput: readonly OutputMode[];
  /** `cache_control` blocks on the system prompt (else none are sent). */
  promptCaching: boolean;
  /** The Message Batches API (`--batch`). */
  batches: boolean;
  /** `POST /v1/messages/count_tokens` (`--dry-run` counts with it; else characters / 4). */
  countTokens: boolean;
  /** Anthropic needs ANTHROPIC_API_KEY; local servers take any key (ANTHROPIC_API_KEY is sent when set, e.g. a LiteLLM virtual key). */
  requiresApiKey: boolean;
  /** Runs on your hardware: no per-token price. */
  local: boolean;
  /** Where the facts above are documented. */
  docs: string;
}

export const PROVIDER_PROFILES: Readonly<Record<ProviderId, ProviderProfile>> = {
  anthropic: {
    id: 'anthropic',
    name: 'Anthropic',
    structuredOutput: ['json_schema', 'tool', 'text'],
    promptCaching: true,
    batches: true,
    countTokens: true,
    requiresApiKey: true,
    local: false,
    docs: 'https://docs.anthropic.com/en/api/messages',
  },
  ollama: {
    id: 'ollama',
    name: 'Ollama',
    defaultBaseUrl: 'http://localhost:11434',
    // Documented gaps: no tool_choice, no prompt caching, no batches, no count_tokens; output_config is not among its fields.
    structuredOutput: ['text'],
    promptCaching: false,
    batches: false,
    countTokens: false,
    requiresApiKey: false,
    local: true,
    docs: 'https://docs.ollama.com/api/anthropic-compatibility',
  },
  llamacpp: {
    id: 'llamacpp',
    name: 'llama.cpp server',
    defaultBaseUrl: 'http://localhost:8080',
    // Tool use needs llama-server --jinja; without it the 400 moves the grader to JSON text.
    structuredOutput: ['tool', 'text'],
    promptCaching: false,
    batches: false,
    countTokens: true,
    requiresApiKey: false,
    local: true,
    docs: 'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md',
  },
  vllm: {
    id: 'vllm',
    name: 'vLLM',
    defaultBaseUrl: 'http://localhost:8000',
    // Forced tools need a model served with tool calling enabled; otherwise JSON text.
    structuredOutput: ['tool', 'text'],
    promptCaching: false,
    batches: false,
    countTokens: true,
    requiresApiKey: false,
    local: true,
    docs: 'https://docs.vllm.ai/en/stable/serving/integrations/claude_code/',
  },
  litellm: {
    id: 'litellm',
    name: 'LiteLLM proxy',
    defaultBaseUrl: 'http://localhost:4000',
    structuredOutput: ['json_schema', 'tool', 'text'],
    promptCaching: true,
    // LiteLLM passes Anthropic's batches through only under <proxy>/anthropic: use --provider anthropic --base-url http://localhost:4000/anthropic.
    batches: false,
    countTokens: true,
    requiresApiKey: false,
    local: false,
    docs: 'https://docs.litellm.ai/docs/anthropic_unified/',
  },
};

export function getProviderProfile(id: ProviderId = 'anthropic'): ProviderProfile {
  return PROVIDER_PROFILES[id];
}

/**
 * The base URL to call: an explicit `--base-url` (or config `baseUrl`) wins; else, for Anthropic,
 * ANTHROPIC_BASE_URL (the SDK's default when unset); for a local provider, its documented default —
 * ANTHROPIC_BASE_URL usually points at Anthropic or a proxy in front of it, not at the local server.
 */
export function resolveProviderBaseUrl(profile: ProviderProfile, explicit: string | undefined, envBaseUrl: string | undefined): string | undefined {
  if (explicit) return explicit;
  return profile.id === 'anthropic' ? envBaseUrl || undefined : profile.defaultBaseUrl;
}

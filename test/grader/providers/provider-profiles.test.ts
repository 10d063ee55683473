import { describe, expect, it } from 'vitest';
import { adaptRequest, getProviderProfile, PROVIDER_IDS, resolveProviderBaseUrl } from '../../../src/grader/providers/index.js';

describe('provider profiles', () => {
  it('default to each project\'s documented Anthropic-compatible base URL', () => {
    expect(Object.fromEntries(PROVIDER_IDS.map((id) => [id, getProviderProfile(id).defaultBaseUrl]))).toEqual({
      anthropic: undefined,
      ollama: 'http://localhost:11434',
      llamacpp: 'http://localhost:8080',
      vllm: 'http://localhost:8000',
      litellm: 'http://localhost:4000',
    });
  });

  it('say what each server supports (Ollama: no tool_choice, caching, batches or count_tokens)', () => {
    expect(getProviderProfile('ollama')).toMatchObject({ structuredOutput: ['text'], promptCaching: false, batches: false, countTokens: false, requiresApiKey: false });
    expect(getProviderProfile('anthropic')).toMatchObject({ structuredOutput: ['json_schema', 'tool', 'text'], promptCaching: true, batches: true, countTokens: true, requiresApiKey: true });
    for (const id of PROVIDER_IDS.filter((p) => p !== 'anthropic')) expect(getProviderProfile(id).batches, id).toBe(false);
  });

  it('resolve the base URL: explicit first, then ANTHROPIC_BASE_URL for anthropic only, then the provider default', () => {
    expect(resolveProviderBaseUrl(getProviderProfile('ollama'), 'http://gpu-box:11434', 'http://proxy')).toBe('http://gpu-box:11434');
    expect(resolveProviderBaseUrl(getProviderProfile('ollama'), undefined, 'http://proxy')).toBe('http://localhost:11434');
    expect(resolveProviderBaseUrl(getProviderProfile('anthropic'), undefined, 'http://proxy')).toBe('http://proxy');
    expect(resolveProviderBaseUrl(getProviderProfile('anthropic'), undefined, '')).toBeUndefined();
  });
});

describe('adaptRequest', () => {
  const params = {
    model: 'm',
    max_tokens: 10,
    system: [{ type: 'text', text: 'rubric', cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: 'Task: verdict' }],
  };

  it('removes cache_control for servers without prompt caching, and nothing else', () => {
    expect(adaptRequest(params, { promptCaching: false })).toEqual({ ...params, system: [{ type: 'text', text: 'rubric' }] });
    expect(params.system[0]).toHaveProperty('cache_control');
  });

  it('returns the request itself when there is nothing to change', () => {
    expect(adaptRequest(params, { promptCaching: true })).toBe(params);
    const plain = { ...params, system: 'rubric' };
    expect(adaptRequest(plain, { promptCaching: false })).toBe(plain);
  });
});

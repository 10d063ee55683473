import { GraderConfigError } from '../errors.js';
import type { Finding, Sample, StyleGuide } from '../types.js';
import type { Grader } from './grader.js';
import { getProviderProfile, type ProviderId } from './providers/provider-profiles.js';

export interface GraderSelection {
  choice: 'auto' | 'llm' | 'heuristic' | 'none';
  /** The API key comes only from the environment, never from flags or config files. */
  apiKey?: string;
  model?: string;
  /** The server behind the Messages API (default anthropic): its default base URL and what it supports. */
  provider?: ProviderId;
  /** Already resolved (flag, config, ANTHROPIC_BASE_URL or the provider's default). */
  baseUrl?: string;
  /** `--dry-run`: the grader only estimates, so Anthropic's API key is not required. */
  dryRun?: boolean;
  concurrency: number;
  /** null disables the result cache. */
  cacheDir: string | null;
  maxCostUsd?: number;
  /** LLM grader: judge each reply this many times (default 1). The heuristic grader is deterministic and ignores it. */
  repeat?: number;
  /** LLM grader: `per-turn` makes one scoring call per bot turn instead of one per conversation (default `auto`). */
  conversationCalls?: 'auto' | 'per-turn';
  /** LLM grader: redact personal data from requests (default true; false = `--no-redact`). */
  redact?: boolean;
  /** LLM grader: the guide's rules run on a rewrite (in the original's conversation), to re-check it. */
  checkRewrite?: (text: string, sample: Sample) => readonly Finding[];
  /** Progress and trouble from the LLM grader, for the CLI to show on stderr. */
  onEvent?: (event: import('./llm/index.js').LlmGraderEvent) => void;
}

export interface SelectedGrader {
  grader?: Grader;
  /** One line for people: which grader runs and why (printed in the terminal report and on stderr). */
  note: string;
}

/**
 * Picks the grader: `auto` means the LLM when an API key is set or a local provider is named (it needs
 * none), and the offline heuristic otherwise, and says so plainly. Graders are imported lazily: the SDK and the NLP model cost start-up time.
 */
export async function selectGrader(guide: StyleGuide, selection: GraderSelection): Promise<SelectedGrader> {
  const { choice, apiKey } = selection;
  const profile = getProviderProfile(selection.provider);
  if (choice === 'none') return { note: 'rules only (--grader none)' };
  // Naming a local provider is asking for its judge: `auto` picks it without a key.
  const wantsLlm = choice === 'llm' || (choice === 'auto' && (apiKey !== undefined || !profile.requiresApiKey));
  if (wantsLlm) {
    if (!apiKey && profile.requiresApiKey && !selection.dryRun) {
      throw new GraderConfigError('--grader llm needs an Anthropic API key', {
        hint: 'set ANTHROPIC_API_KEY in the environment (never in a flag or config file), use --provider ollama|llamacpp|vllm|litellm for a local judge, or --grader heuristic for the offline grader',
      });
    }
    if (profile.id !== 'anthropic' && !selection.model) {
      throw new GraderConfigError(`--provider ${profile.id} needs --model: the name the server serves the model under`, {
        hint: profile.id === 'ollama' ? 'e.g. --model qwen3:8b (see `ollama list`), or set `model` in the config file' : 'e.g. --model <served model name>, or set `model` in the config file',
      });
    }
    const { createLlmGrader, DEFAULT_MODEL } = await import('./llm/index.js');
    const grader = createLlmGrader(guide, {
      // Local servers take any key (Ollama's docs: "required but ignored"); a dry run without one calls nothing that needs it.
      apiKey: apiKey ?? (profile.requiresApiKey ? '' : 'no-key'),
      model: selection.model ?? DEFAULT_MODEL,
      ...(selection.baseUrl ? { baseURL: selection.baseUrl } : {}),
      ...(profile.id !== 'anthropic' ? { structuredOutput: profile.structuredOutput[0]!, promptCaching: profile.promptCaching } : {}),
      concurrency: selection.concurrency,
      cacheDir: selection.cacheDir,
      ...(selection.maxCostUsd !== undefined ? { maxCostUsd: selection.maxCostUsd } : {}),
      ...(selection.repeat !== undefined ? { repeat: selection.repeat } : {}),
      ...(selection.conversationCalls ? { conversationCalls: selection.conversationCalls } : {}),
      ...(selection.redact !== undefined ? { redact: selection.redact } : {}),
      ...(selection.checkRewrite ? { checkRewrite: selection.checkRewrite } : {}),
      ...(selection.onEvent ? { onEvent: selection.onEvent } : {}),
    });
    const why = choice === 'auto' && profile.id === 'anthropic' ? ' (ANTHROPIC_API_KEY is set)' : '';
    const via = profile.id === 'anthropic' ? '' : ` via ${profile.name} at ${selection.baseUrl ?? profile.defaultBaseUrl}`;
    const times = selection.repeat && selection.repeat > 1 ? `, each reply judged ${selection.repeat} times` : '';
    return { grader, note: `LLM grader ${grader.model ?? ''}${via}${why}${times}`.trim() };
  }
  const { createHeuristicGrader } = await import('./heuristic/index.js');
  const grader = await createHeuristicGrader(guide);
  const why = choice === 'auto' ? 'no ANTHROPIC_API_KEY set, so ' : '';
  return { grader, note: `${why}the offline heuristic grader scored the dimensions (language signals, not a model)` };
}

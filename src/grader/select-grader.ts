import { GraderConfigError } from '../errors.js';
import type { Finding, Sample, StyleGuide } from '../types.js';
import type { Grader } from './grader.js';

export interface GraderSelection {
  choice: 'auto' | 'llm' | 'heuristic' | 'none';
  /** The API key comes only from the environment, never from flags or config files. */
  apiKey?: string;
  model?: string;
  baseUrl?: string;
  concurrency: number;
  /** null disables the result cache. */
  cacheDir: string | null;
  maxCostUsd?: number;
  /** LLM grader: judge each reply this many times (default 1). The heuristic grader is deterministic and ignores it. */
  repeat?: number;
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
 * Picks the grader: `auto` means the LLM when an API key is set and the offline heuristic otherwise,
 * and says so plainly. Graders are imported lazily: the SDK and the NLP model cost start-up time.
 */
export async function selectGrader(guide: StyleGuide, selection: GraderSelection): Promise<SelectedGrader> {
  const { choice, apiKey } = selection;
  if (choice === 'none') return { note: 'rules only (--grader none)' };
  if (choice === 'llm' || (choice === 'auto' && apiKey)) {
    if (!apiKey) {
      throw new GraderConfigError('--grader llm needs an Anthropic API key', {
        hint: 'set ANTHROPIC_API_KEY in the environment (never in a flag or config file), or use --grader heuristic for the offline grader',
      });
    }
    const { createLlmGrader, DEFAULT_MODEL } = await import('./llm/index.js');
    const grader = createLlmGrader(guide, {
      apiKey,
      model: selection.model ?? DEFAULT_MODEL,
      ...(selection.baseUrl ? { baseURL: selection.baseUrl } : {}),
      concurrency: selection.concurrency,
      cacheDir: selection.cacheDir,
      ...(selection.maxCostUsd !== undefined ? { maxCostUsd: selection.maxCostUsd } : {}),
      ...(selection.repeat !== undefined ? { repeat: selection.repeat } : {}),
      ...(selection.redact !== undefined ? { redact: selection.redact } : {}),
      ...(selection.checkRewrite ? { checkRewrite: selection.checkRewrite } : {}),
      ...(selection.onEvent ? { onEvent: selection.onEvent } : {}),
    });
    const why = choice === 'auto' ? ' (ANTHROPIC_API_KEY is set)' : '';
    const times = selection.repeat && selection.repeat > 1 ? `, each reply judged ${selection.repeat} times` : '';
    return { grader, note: `LLM grader ${grader.model ?? ''}${why}${times}`.trim() };
  }
  const { createHeuristicGrader } = await import('./heuristic/index.js');
  const grader = await createHeuristicGrader(guide);
  const why = choice === 'auto' ? 'no ANTHROPIC_API_KEY set, so ' : '';
  return { grader, note: `${why}the offline heuristic grader scored the dimensions (language signals, not a model)` };
}

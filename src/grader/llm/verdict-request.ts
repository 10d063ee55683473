import type { Message, MessageCreateParamsNonStreaming } from '../clients/anthropic.js';

/** How the verdict's structure is requested: the API's JSON-schema output, a forced tool, or JSON in plain text. */
export type OutputMode = 'json_schema' | 'tool' | 'text';
export type StructuredOutput = OutputMode | 'auto';

export const VERDICT_TOOL = 'record_verdict';
export const REWRITE_TOOL = 'record_rewrite';

/** The forced tool of a call (fallback mode): its name and what it records. */
export interface OutputTool {
  name: string;
  description: string;
}

export const VERDICT_OUTPUT: OutputTool = { name: VERDICT_TOOL, description: 'Record the verdict on the reply.' };
export const REWRITE_OUTPUT: OutputTool = { name: REWRITE_TOOL, description: 'Record the on-brand rewrite of the reply.' };
export const CONVERSATION_OUTPUT: OutputTool = { name: VERDICT_TOOL, description: 'Record the verdict on each marked bot turn.' };

/** `auto` picks json_schema for Claude models and the forced tool for anything else (local servers). */
export function resolveOutputMode(mode: StructuredOutput, model: string): OutputMode {
  if (mode !== 'auto') return mode;
  return model.startsWith('claude-') ? 'json_schema' : 'tool';
}

/** The mode to try after the server rejected `mode` as unsupported, or undefined when none is left. */
export function nextOutputMode(mode: OutputMode): OutputMode | undefined {
  return mode === 'json_schema' ? 'tool' : mode === 'tool' ? 'text' : undefined;
}

export interface VerdictRequestInput {
  model: string;
  system: string;
  user: string;
  schema: Record<string, unknown>;
  mode: OutputMode;
  maxTokens: number;
  /** The tool used in `tool` mode (default: the verdict tool). */
  tool?: OutputTool;
}

/**
 * Builds the Messages request for one call (a verdict or a rewrite). Pure. The system prompt is marked
 * for prompt caching; no sampling parameters are sent (API version 2026-10-21 rejects them), so the
 * model samples at its default temperature (1.0) — which is what makes `--repeat` meaningful.
 */
export function buildVerdictRequest(input: VerdictRequestInput): MessageCreateParamsNonStreaming {
  const base: MessageCreateParamsNonStreaming = {
    model: input.model,
    max_tokens: input.maxTokens,
    system: [{ type: 'text', text: input.system, cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: input.mode === 'text' ? `${input.user}\nRespond with only the JSON object.` : input.user }],
  };
  if (input.mode === 'json_schema') return { ...base, output_config: { format: { type: 'json_schema', schema: input.schema } } };
  if (input.mode === 'tool') {
    const tool = input.tool ?? VERDICT_OUTPUT;
    return {
      ...base,
      tools: [{ name: tool.name, description: tool.description, input_schema: input.schema as { type: 'object' } }],
      tool_choice: { type: 'tool', name: tool.name },
    };
  }
  return base;
}

/** True when a 400's message says the server does not support what `mode` sent (output_config or forced tools). */
export function isUnsupportedModeError(mode: OutputMode, message: string): boolean {
  const text = message.toLowerCase();
  if (mode === 'json_schema') return /output_config|output format|json_schema|structured output/.test(text);
  if (mode === 'tool') return /tool_choice|tools?\b|function/.test(text);
  return false;
}

/** What the model produced: a JSON payload to validate, or why there is none. */
export type VerdictPayload = { ok: true; value: unknown } | { ok: false; error: string };

/** Pulls the answer out of a response: the forced tool's input, else JSON in the text (skipping thinking blocks). Pure. */
export function extractVerdictPayload(message: Pick<Message, 'content'>, toolName: string = VERDICT_TOOL): VerdictPayload {
  for (const block of message.content) {
    if (block.type === 'tool_use' && block.name === toolName) return { ok: true, value: block.input };
  }
  const text = message.content
    .filter((block) => block.type === 'text')
    .map((block) => (block as { text: string }).text)
    .join('');
  if (text.trim() === '') return { ok: false, error: 'no verdict in the response' };
  const value = extractJson(text);
  return value === undefined ? { ok: false, error: 'the response is not valid JSON' } : { ok: true, value };
}

/** Parses JSON from model text: the whole text, else a fenced block, else the first balanced `{…}`. Pure. */
export function extractJson(text: string): unknown {
  const candidates = [text.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  const balanced = firstBalancedObject(text);
  if (balanced) candidates.push(balanced);
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

function firstBalancedObject(text: string): string | undefined {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i += 1) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i += 1;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth += 1;
      else if (ch === '}' && --depth === 0) {
        const candidate = text.slice(start, i + 1);
        try {
          JSON.parse(candidate);
          return candidate;
        } catch {
          break;
        }
      }
    }
  }
  return undefined;
}

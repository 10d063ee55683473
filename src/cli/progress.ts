import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Grader } from '../grader/grader.js';
import { formatFromExtension } from '../load/samples/detect-format.js';
import type { Io } from './io.js';

export interface Progress {
  tick(): void;
  stop(): void;
}

/** What the LLM grader has spent so far, when it can say. */
interface SpendSource {
  totals?(): { usage: { inputTokens: number; outputTokens: number; cacheReadInputTokens: number; cacheCreationInputTokens: number; costUsd: number } };
}

/**
 * A spinner with done/total, ETA and (for the LLM grader) tokens and cost so far, on stderr and only
 * on a terminal: never in CI logs or piped output, and never on stdout where `--format json` must
 * stay clean. ora is loaded only when shown.
 */
export async function startProgress(io: Io, grader: Grader, inputs: readonly string[]): Promise<Progress | undefined> {
  // A terminal that reports 0 columns (no window size set: `script`, some container shells) makes
  // ora divide by zero and loop forever clearing lines.
  if (!io.stderr.isTTY || io.env.CI || io.stderr.columns === 0) return undefined;
  const [{ default: ora }, total] = await Promise.all([import('ora'), estimateRecords(inputs, io.cwd)]);
  const spinner = ora(spinnerOptions(io.stderr as NodeJS.WritableStream, `grading with the ${grader.kind} grader…`)).start();
  const started = io.now().getTime();
  const spend = grader as SpendSource;
  let done = 0;
  return {
    tick() {
      done += 1;
      const seconds = (io.now().getTime() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const parts = [total ? `${done}/~${total} replies` : `${done} replies`];
      if (total && rate > 0 && done < total) parts.push(`ETA ${formatDuration((total - done) / rate)}`);
      parts.push(`${rate.toFixed(1)}/s`);
      const usage = spend.totals?.().usage;
      if (usage) {
        const tokens = usage.inputTokens + usage.outputTokens + usage.cacheReadInputTokens + usage.cacheCreationInputTokens;
        parts.push(`${tokens.toLocaleString('en-US')} tokens`, `$${usage.costUsd.toFixed(4)}`);
      }
      spinner.text = parts.join(' · ');
    },
    stop() {
      spinner.stop();
    },
  };
}

/**
 * ora's options. `discardStdin` stays off: it puts stdin in raw mode and only turns a typed Ctrl-C
 * back into SIGINT if stdin is flowing, which ours never is, so Ctrl-C did nothing during an audit.
 */
export function spinnerOptions(stream: NodeJS.WritableStream, text: string): { stream: NodeJS.WritableStream; text: string; discardStdin: false } {
  return { stream, text, discardStdin: false };
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * Roughly how many records the inputs hold, for the ETA: newlines in plain JSONL/CSV files (one
 * fast pass; CSV quoted line breaks make it approximate). Undefined for stdin, globs and JSON arrays.
 */
async function estimateRecords(inputs: readonly string[], cwd: string): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    const format = formatFromExtension(input);
    if (input === '-' || /[*?[{]/.test(input) || (format !== 'jsonl' && format !== 'csv')) return undefined;
    const file = path.resolve(cwd, input);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    let lines = 0;
    for await (const chunk of createReadStream(file)) {
      for (let i = (chunk as Buffer).indexOf(10); i !== -1; i = (chunk as Buffer).indexOf(10, i + 1)) lines += 1;
    }
    total += format === 'csv' ? Math.max(0, lines - 1) : lines;
  }
  return total;
}

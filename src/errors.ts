import type { Problem } from './types.js';

/**
 * Errors a user can act on. `cli/main.ts` maps every one of them to exit code 2 and prints
 * `error: <file>:<line>:<col> <path>: <message>` lines plus hints, never a stack trace.
 * Anything else thrown is an internal bug (also exit 2, stack only with `--verbose`).
 */
export class UserError extends Error {
  readonly problems: Problem[];
  readonly hint?: string;

  constructor(message: string, options: { problems?: Problem[]; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.problems = options.problems ?? [];
    this.hint = options.hint;
  }
}

/** Bad flags or arguments. */
export class UsageError extends UserError {}

/** The config file or the style guide is invalid; `problems` lists every one found, not just the first. */
export class ConfigError extends UserError {}

/** A samples file could not be read, or a record was broken under `--strict`. */
export class InputError extends UserError {}

/** The chosen grader cannot run (e.g. `--grader llm` without an API key). */
export class GraderConfigError extends UserError {}

/** Formats a problem as `file:line:col path: message`, the shape editors and CI logs link. */
export function formatProblem(problem: Problem): string {
  const { file, line, col } = problem.location;
  const where = col === undefined ? `${file}:${line}` : `${file}:${line}:${col}`;
  const path = problem.path ? ` ${problem.path}:` : '';
  return `${where}${path} ${problem.message}`;
}

import { CommanderError } from 'commander';
import { formatProblem, UserError } from '../errors.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';

/** Exit codes: the only place outcomes become numbers. */
export const EXIT = { ok: 0, gateFailed: 1, cannotRun: 2 } as const;

/** Problems beyond this many are summarised, so a broken 10k-line file does not flood the terminal. */
const MAX_PROBLEMS_SHOWN = 50;

/**
 * Runs the CLI and returns the exit code: 0 ran and passed, 1 ran and the gate failed,
 * 2 could not run (bad flags, config, style guide, input, grader not configured, internal bug).
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const verbose = argv.includes('--verbose');
  const state = { exitCode: EXIT.ok as number };
  const program = buildProgram(io, (code) => {
    state.exitCode = code;
  });
  if (argv.length === 0) {
    // No command is a usage error, not a success: a script that lost its arguments must not pass.
    io.stderr.write(`${program.helpInformation()}\nerror: no command given (run tone-audit --help for usage)\n`);
    return EXIT.cannotRun;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io, verbose);
  }
}

function reportError(error: unknown, io: Io, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version are printed by commander itself and are successes.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.cannotRun;
  }
  if (error instanceof UserError) {
    if (error.problems.length === 0) io.stderr.write(`error: ${error.message}\n`);
    else if (error.problems.length > 1) io.stderr.write(`error: ${error.message} (${error.problems.length} problems)\n`);
    for (const problem of error.problems.slice(0, MAX_PROBLEMS_SHOWN)) {
      io.stderr.write(`error: ${formatProblem(problem)}\n`);
      if (problem.hint) io.stderr.write(`hint: ${problem.hint}\n`);
    }
    if (error.problems.length > MAX_PROBLEMS_SHOWN) io.stderr.write(`… and ${error.problems.length - MAX_PROBLEMS_SHOWN} more\n`);
    if (error.hint) io.stderr.write(`hint: ${error.hint}\n`);
    if (verbose && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.cannotRun;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`internal error: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('hint: this is a bug in tone-audit; rerun with --verbose for details and report it\n');
  return EXIT.cannotRun;
}

import { Command, InvalidArgumentError, Option } from 'commander';
import { TOOL_VERSION } from '../version.js';
import type { Io } from './io.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  ran and passed the gate
  1  ran and the gate failed (by default: any error-severity finding)
  2  could not run: bad flags, config, style guide or input, grader not configured, internal error`;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseNumber(kind: 'int' | 'rate' | 'positive') {
  return (raw: string): number => {
    const value = raw.trim();
    // Rates accept 0.15 or 15%: CI authors write both.
    const n = kind === 'rate' && value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value);
    if (value === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got "${raw}"`);
    if (kind === 'int' && (!Number.isInteger(n) || n < 0)) throw new InvalidArgumentError(`expected a whole number >= 0, got "${raw}"`);
    if (kind === 'rate' && !(n >= 0 && n <= 1)) throw new InvalidArgumentError(`expected a rate between 0 and 1 (or 0%–100%), got "${raw}"`);
    if (kind === 'positive' && !(n > 0)) throw new InvalidArgumentError(`expected a number > 0, got "${raw}"`);
    return n;
  };
}

/** Options shared by `audit` and `check`. */
function addJudgingOptions(command: Command): Command {
  return command
    .option('-g, --guide <file>', 'brand style guide YAML (default: from config, else the bundled example guide)')
    .option('-c, --config <file>', 'config file (default: searched from the current folder up)')
    .addOption(new Option('--grader <kind>', 'auto = LLM when ANTHROPIC_API_KEY is set, else offline heuristic (default: auto)').choices(['auto', 'llm', 'heuristic', 'none']))
    .option('--model <id>', 'Claude model for --grader llm (default: claude-haiku-5-5)')
    .option('--base-url <url>', 'Anthropic-compatible API base URL (default: ANTHROPIC_BASE_URL or Anthropic)')
    .option('--no-cache', 'ignore and do not write the on-disk grader result cache')
    .option('--cache-dir <dir>', 'grader result cache folder (default: .tone-audit-cache)')
    .option('-f, --format <format>', 'report format: terminal, json (repeat or comma-separate for several)', collect)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'fail the gate on findings at or above this severity (default: error)').choices(['error', 'warning', 'info']))
    .option('--max-warnings <n>', 'fail the gate when there are more warnings than this', parseNumber('int'))
    .option('--verbose', 'show stack traces for errors and passing samples');
}

/**
 * The command-line interface. Actions load their command modules lazily so `--help`,
 * `--version` and `check` do not pay for what they do not use.
 */
export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('tone-audit')
    .description('Audit what customer-support bots say against a living brand style guide.')
    .version(TOOL_VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', EXIT_CODES_HELP);

  addJudgingOptions(
    program
      .command('audit')
      .description('audit sampled bot replies (JSONL, CSV, JSON; files, globs or - for stdin)')
      .argument('<samples...>', 'sample files, globs, or - for stdin'),
  )
    .addOption(new Option('--input-format <format>', 'samples format when the extension does not say (needed for stdin without a recognisable first character)').choices(['jsonl', 'csv', 'json']))
    .option('--field <name=key>', 'map a field to your data\'s key/column, e.g. --field response=bot_reply (repeatable)', collect)
    .option('--strict', 'exit 2 on the first broken record instead of skipping it with a warning')
    .option('--concurrency <n>', 'replies graded at once by the LLM grader (default: 8)', parseNumber('int'))
    .option('--max-cost <usd>', 'stop grading before the API spend would exceed this many US dollars', parseNumber('positive'))
    .option('--max-drift-rate <rate>', 'fail the gate when more than this share of samples drift, e.g. 0.15 or 15%', parseNumber('rate'))
    .option('--max-ungraded <n>', 'replies the grader may fail to judge before the gate fails (default: 0)', parseNumber('int'))
    .option('--show-passing', 'list passing samples in the terminal report too')
    .addHelpText('after', `
Examples:
  $ tone-audit audit samples/support-replies.jsonl
  $ tone-audit audit samples/support-replies.csv --format json --output audit.json
  $ tone-audit audit 'logs/*.jsonl' --field response=bot_reply --field customer=user_msg --grader none
  $ cat replies.jsonl | tone-audit audit - --input-format jsonl
${EXIT_CODES_HELP}`)
    .action(async (inputs: string[], flags: Record<string, unknown>, command: Command) => {
      const { runAuditCommand } = await import('./commands/audit-command.js');
      setExitCode(await runAuditCommand(inputs, cliFlags(command, flags), io));
    });

  addJudgingOptions(
    program
      .command('check')
      .description('check one reply, given as an argument or on stdin — for prompt engineers while editing a prompt')
      .argument('[text]', 'the bot reply (default: read from stdin)'),
  )
    .option('--customer <text>', 'the customer message the reply answers')
    .option('--escalated', 'the conversation was handed to a human (satisfies escalation rules)')
    .addHelpText('after', `
Examples:
  $ tone-audit check "Per our policy, refunds take 10 days." --customer "Where is my refund?!"
  $ echo "Kindly utilize the portal." | tone-audit check --grader none
${EXIT_CODES_HELP}`)
    .action(async (text: string | undefined, flags: Record<string, unknown>, command: Command) => {
      const { runCheckCommand } = await import('./commands/check-command.js');
      setExitCode(await runCheckCommand(text, cliFlags(command, flags), io));
    });

  const guide = program.command('guide').description('work with the brand style guide');
  guide
    .command('lint')
    .description('validate a style guide and test its rules against its own examples')
    .argument('[file]', 'style guide YAML (default: from config, else the bundled guide)')
    .option('-c, --config <file>', 'config file')
    .option('--verbose', 'show stack traces')
    .addHelpText('after', `
Reports every problem at once as file:line:col path: message.
Exit codes: 0 valid and every example holds; 1 valid but a rule flags a good example or misses
what an example says it catches; 2 the guide is invalid or unreadable.

Example:
  $ tone-audit guide lint styleguide/northwind.yaml`)
    .action(async (file: string | undefined, flags: Record<string, unknown>, command: Command) => {
      const { runGuideLintCommand } = await import('./commands/guide-command.js');
      setExitCode(await runGuideLintCommand(file, cliFlags(command, flags), io));
    });
  guide
    .command('schema')
    .description('print the JSON Schema of the style guide format (for editor autocompletion)')
    .action(async () => {
      const { runGuideSchemaCommand } = await import('./commands/guide-command.js');
      setExitCode(await runGuideSchemaCommand(io));
    });

  return program;
}

/** Keeps only the flags given on the command line, so config values are not overridden by commander defaults. */
function cliFlags(command: Command, flags: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flags).filter(([key]) => command.getOptionValueSource(key) === 'cli'));
}

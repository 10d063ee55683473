import { Command, InvalidArgumentError, Option } from 'commander';
import { PROVIDER_IDS } from '../grader/providers/provider-profiles.js';
import { IMPORT_FORMAT_DESCRIPTIONS, SAMPLE_FORMATS } from '../load/importers/format-names.js';
import { didYouMean } from '../load/styleguide/did-you-mean.js';
import { REPORT_FORMATS } from '../report/format-names.js';
import { DEFAULT_SHOW_LIMIT } from '../report/terminal/show-limit.js';
import { TOOL_VERSION } from '../version.js';
import type { Io } from './io.js';
import { addBacklogCommands } from './program-backlog.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  ran and passed the gate
  1  ran and the gate failed (by default: any error-severity finding)
  2  could not run: bad flags, config, style guide or input, grader not configured, internal error
  130, 143  quit at once by a second Ctrl-C or SIGTERM (the first one stops cleanly: exit 2)`;

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

/** `--input-format` for audit and calibrate: a container or an importer, with a did-you-mean for typos. */
function parseSampleFormat(raw: string): string {
  const name = raw.trim().toLowerCase();
  if ((SAMPLE_FORMATS as readonly string[]).includes(name)) return name;
  const guess = didYouMean(name, SAMPLE_FORMATS);
  throw new InvalidArgumentError(`unknown format "${raw}"${guess ? ` — did you mean "${guess}"?` : ''} (formats: ${SAMPLE_FORMATS.join(', ')})`);
}

const IMPORT_FORMATS_HELP = `
Input formats (--input-format; a file whose first record has one of these shapes is detected):
  jsonl, csv, json, parquet   plain records (see --field)
${Object.entries(IMPORT_FORMAT_DESCRIPTIONS).map(([name, text]) => `  ${name.padEnd(27)} ${text}`).join('\n')}`;

/** Same bounds as the config file's `concurrency` (1–256): 0 used to be taken silently as 1. */
function parseConcurrency(raw: string): number {
  const n = parseNumber('int')(raw);
  if (n < 1 || n > 256) throw new InvalidArgumentError(`expected a whole number from 1 to 256, got "${raw}"`);
  return n;
}

/** Same bounds as the config file's `repeat` (1–20): every repeat is one more paid call per reply. */
function parseRepeat(raw: string): number {
  const n = parseNumber('int')(raw);
  if (n < 1 || n > 20) throw new InvalidArgumentError(`expected a whole number from 1 to 20, got "${raw}"`);
  return n;
}

/** `key=value` flags collected into a record, e.g. `--min-dimension-mean empathy=3.5`. */
function collectKeyed(kind: 'rate' | 'score') {
  const parseValue = kind === 'rate' ? parseNumber('rate') : parseNumber('positive');
  return (spec: string, previous: Record<string, number> | undefined): Record<string, number> => {
    const at = spec.indexOf('=');
    if (at <= 0 || at === spec.length - 1) throw new InvalidArgumentError(`expected <id>=<${kind}>, got "${spec}"`);
    const value = parseValue(spec.slice(at + 1));
    if (kind === 'score' && value > 5) throw new InvalidArgumentError(`scores are 1–5, got "${spec}"`);
    return { ...previous, [spec.slice(0, at).trim()]: value };
  };
}

/** `--show 20` or `--show all`. */
function parseShow(raw: string): number | 'all' {
  if (raw.trim() === 'all') return 'all';
  try {
    return parseNumber('int')(raw);
  } catch {
    throw new InvalidArgumentError(`expected a whole number >= 0 or "all", got "${raw}"`);
  }
}

/** How the judge is built — guide, config, grader and its cache: shared by `audit`, `check` and `calibrate`. */
function addJudgeOptions(command: Command): Command {
  return command
    .option('-g, --guide <file>', 'brand style guide YAML (default: from config, else the bundled example guide)')
    .option('-c, --config <file>', 'config file (default: searched from the current folder up)')
    .addOption(new Option('--grader <kind>', 'auto = LLM when ANTHROPIC_API_KEY is set or --provider is not anthropic, else offline heuristic (default: auto)').choices(['auto', 'llm', 'heuristic', 'none']))
    .option('--model <id>', 'model for --grader llm (default: claude-haiku-5-5; required with a local --provider)')
    .addOption(
      new Option('--provider <name>', 'server behind the LLM grader, which sets the default base URL and what is sent: anthropic, ollama (localhost:11434), llamacpp (localhost:8080), vllm (localhost:8000), litellm (localhost:4000) (default: anthropic)').choices([
        ...PROVIDER_IDS,
      ]),
    )
    .option('--base-url <url>', 'Anthropic-compatible API base URL (default: the provider\'s; for anthropic ANTHROPIC_BASE_URL or Anthropic)')
    .option('--no-cache', 'ignore and do not write the on-disk grader result cache')
    .option('--cache-dir <dir>', 'grader result cache folder (default: .tone-audit-cache)')
    .option('--color', 'colour the terminal report even when stdout is not a terminal (beats NO_COLOR and FORCE_COLOR)')
    .option('--no-color', 'no colour (default: colour on a terminal unless NO_COLOR is set; FORCE_COLOR=1..3 forces it)');
}

/** Options shared by `audit` and `check`. */
function addJudgingOptions(command: Command): Command {
  return addJudgeOptions(command)
    .option('--repeat <n>', 'LLM grader: judge each reply n times (1–20, default 1) and report replies whose verdict flips; scores are the median', parseRepeat)
    .addOption(
      new Option('--conversation-calls <mode>', 'LLM grader: auto (default) scores the 2–8 bot turns of a conversation in one call (the transcript sent once); per-turn: one call per bot turn').choices([
        'auto',
        'per-turn',
      ]),
    )
    .option('--no-redact', 'send replies, customer messages and transcripts to the API verbatim (default: emails, phones, cards, IBANs, SSNs, NI numbers, URL tokens, secrets and greeting/signature names are replaced by placeholders first)')
    .option('--redact-output', 'also redact those texts in every report and the backlog (the result cache holds only redacted texts whenever redaction is on)')
    .option('--calibration <file>', 'calibration record from tone-audit calibrate --write: its dimension minimums replace the guide\'s in the grader\'s drift decision')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')} (repeat or comma-separate for several)`, collect)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'fail the gate on findings at or above this severity (default: error)').choices(['error', 'warning', 'info']))
    .option('--max-warnings <n>', 'fail the gate when there are more warnings than this', parseNumber('int'))
    .option('--verbose', 'show stack traces for errors and passing samples')
    .option('--print-config', 'print the resolved options and where each came from (flag, config file:line:col, env, default), then stop');
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
    .option('--input-format <format>', 'samples format: jsonl, csv, json, parquet, or a platform export (zendesk, intercom, freshdesk, salesforce, openai, anthropic, langfuse); default: by extension and record shape', parseSampleFormat)
    .option('--bot-author <id-or-name>', 'imports: messages by this author id or name are the bot\'s, where the platform does not mark bots (Zendesk, Freshdesk; repeatable)', collect)
    .option('--field <name=key>', 'map a field to your data\'s key/column, e.g. --field response=bot_reply (repeatable)', collect)
    .option('--strict', 'exit 2 on the first broken record instead of skipping it with a warning')
    .option('--max-record-kb <kB>', 'skip (with a file:line warning) records with more text than this: reply, customer message and transcript (default: 100)', parseNumber('positive'))
    .addOption(new Option('--turns <which>', 'for conversations: judge every bot turn in the context before it (ids become <id>#<turn>), or only the last reply (default: all)').choices(['all', 'last']))
    .option('--concurrency <n>', 'replies graded at once by the LLM grader, 1–256 (default: 8)', parseConcurrency)
    .option('--jobs <n>', 'worker threads for the rules and the offline grader, 1 = this thread only (default: every core with the heuristic grader on input files of 2 MB or more, else 1)', parseConcurrency)
    .option('--max-cost <usd>', 'stop grading before the API spend would exceed this many US dollars', parseNumber('positive'))
    .option('--max-drift-rate <rate>', 'fail the gate when more than this share of samples drift, e.g. 0.15 or 15%', parseNumber('rate'))
    .option('--max-ungraded <n>', 'replies the grader may fail to judge before the gate fails (default: 0)', parseNumber('int'))
    .option('--max-skipped <n>', 'unreadable input records that may be skipped before the gate fails (default: 0)', parseNumber('int'))
    .option('--max-rule-drift-rate <rule=rate>', 'fail when more than this share of samples break one rule, e.g. no-blame=2% (repeatable)', collectKeyed('rate'), undefined)
    .option('--min-dimension-mean <dimension=score>', 'fail when a dimension\'s mean score is below this, e.g. empathy=3.5 (repeatable)', collectKeyed('score'), undefined)
    .option('--show-passing', 'list passing samples in the terminal report too')
    .option('--show <n|all>', `terminal: list at most n replies, in input order, then say how many more there are (default: ${DEFAULT_SHOW_LIMIT})`, parseShow)
    .option('-q, --quiet', 'terminal: list no replies, only the summary and the gate verdict')
    .option('--output-dir <dir>', 'write one report file per --format into this folder (terminal still prints)')
    .option('--baseline <audit.json>', 'compare against a previous audit (--format json) and gate on the change')
    .option('--max-newly-drifting <n>', 'with a paired --baseline: fail when more samples drift now that passed before', parseNumber('int'))
    .option('--max-newly-drifting-conversations <n>', 'with a paired --baseline of transcripts: fail when more conversations drift now that passed before', parseNumber('int'))
    .option('--only-significant-regressions', 'with --baseline: rate thresholds fail only on a statistically significant rise')
    .option('--suppressions <file>', 'accepted-findings YAML: reviewed findings that no longer fail the gate')
    .option('--backlog <file>', 'add drifting replies and their rewrites to this fine-tuning backlog (JSONL)')
    .option('--dry-run', 'print the expected API calls, tokens and cost, then stop without grading')
    .option('--batch', 'grade through the Message Batches API (50% cheaper, slower; rerun to resume)')
    .option('--batch-poll <seconds>', 'seconds between batch status checks (default: 30)', parseNumber('positive'))
    .addHelpText('after', `
Examples:
  $ tone-audit audit samples/support-replies.jsonl
  $ tone-audit audit samples/support-replies.jsonl --format terminal,json,html,markdown --output-dir reports
  $ tone-audit audit samples/support-replies.jsonl --baseline baseline.json --max-newly-drifting 0
  $ tone-audit audit samples/transcripts.jsonl --baseline base.json --max-newly-drifting-conversations 0
  $ tone-audit audit samples/support-replies.jsonl --grader llm --repeat 3   # judge each reply 3 times; flips are reported
  $ tone-audit audit samples/support-replies.jsonl --provider ollama --model qwen3:8b   # a local judge, no key
  $ tone-audit audit samples/support-replies.jsonl --grader llm --dry-run   # calls, tokens and cost; no key needed
  $ tone-audit audit samples/support-replies.csv --format json --output audit.json
  $ tone-audit audit 'logs/*.jsonl' --field response=bot_reply --field customer=user_msg --grader none
  $ cat replies.jsonl | tone-audit audit - --input-format jsonl
  $ tone-audit audit samples/imports/zendesk-tickets.json --input-format zendesk --grader none
  $ tone-audit audit samples/imports/intercom-conversations.jsonl --grader none   # detected from the record shape
${IMPORT_FORMATS_HELP}
  $ tone-audit audit samples/support-replies.jsonl --max-record-kb 20   # skip records with over 20 kB of text
${EXIT_CODES_HELP}`)
    .action(async (inputs: string[], flags: Record<string, unknown>, command: Command) => {
      if (flags.printConfig === true) return setExitCode(await printConfig(cliFlags(command, flags), io));
      const { relaunchLargeAudit } = await import('./relaunch-large-audit.js');
      const relaunched = await relaunchLargeAudit(inputs, cliFlags(command, flags), io);
      if (relaunched !== undefined) return setExitCode(relaunched);
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
      if (flags.printConfig === true) return setExitCode(await printConfig(cliFlags(command, flags), io));
      const { runCheckCommand } = await import('./commands/check-command.js');
      setExitCode(await runCheckCommand(text, cliFlags(command, flags), io));
    });

  program
    .command('diff')
    .description('compare audits: two (base, head) for a diff, three or more for a trend')
    .argument('<audits...>', 'audit JSON files written by --format json, oldest first')
    .addOption(new Option('--mode <mode>', 'paired (same sample ids) or unpaired (independent samples); default: auto').choices(['auto', 'paired', 'unpaired']))
    .addOption(new Option('-f, --format <format>', 'output format (default: terminal); html = the head audit\'s report with the comparison and trend charts').choices(['terminal', 'markdown', 'json', 'html']))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--color', 'colour the terminal output even when stdout is not a terminal')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .option('-g, --guide <file>', 'the head audit\'s style guide, to show the changelog between the two guide versions')
    .option('--max-drift-rate <rate>', 'fail (exit 1) when the head audit\'s drift rate exceeds this', parseNumber('rate'))
    .option('--max-newly-drifting <n>', 'fail (exit 1) when more samples drift in head that passed in base (paired)', parseNumber('int'))
    .option('--max-newly-drifting-conversations <n>', 'fail (exit 1) when more conversations drift in head that passed in base (paired by conversation id)', parseNumber('int'))
    .option('--only-significant-regressions', 'rate thresholds fail only on a statistically significant rise')
    .option('--verbose', 'show stack traces for errors')
    .addHelpText('after', `
Examples:
  $ tone-audit diff baseline.json audit.json
  $ tone-audit diff 2026-q2.json 2026-q3.json 2026-q4.json --format markdown
  $ tone-audit diff 2026-q3.json 2026-q4.json --format html --output q4-vs-q3.html
${EXIT_CODES_HELP}`)
    .action(async (audits: string[], flags: Record<string, unknown>, command: Command) => {
      const { runDiffCommand } = await import('./commands/diff-command.js');
      setExitCode(await runDiffCommand(audits, cliFlags(command, flags), io));
    });

  program
    .command('sample')
    .description('draw a reproducible random sample of conversation logs to audit (streams; memory bound by the sample size)')
    .argument('<logs...>', 'log files (JSONL, CSV, JSON) or - for stdin')
    .option('-n, --size <n>', 'how many records to draw', parseNumber('int'))
    .option('--margin <rate>', 'instead of --size: the margin of error wanted for a drift rate, e.g. 0.03', parseNumber('rate'))
    .option('--confidence <level>', 'confidence level for --margin (default: 0.95)', parseNumber('rate'))
    .option('--seed <seed>', 'random seed; the same seed and logs give the same sample (default: printed on stderr)')
    .option('--stratify-by <field>', 'sample within groups of this field, e.g. channel')
    .addOption(new Option('--allocation <how>', 'per-group sizes with --stratify-by (default: proportional)').choices(['proportional', 'equal']))
    .option('--since <time>', 'only records at or after this ISO time')
    .option('--until <time>', 'only records before this ISO time')
    .option('--timestamp-field <field>', 'field holding the record time (default: timestamp)')
    .addOption(new Option('--input-format <format>', 'logs format when the extension does not say').choices(['jsonl', 'csv', 'json']))
    .option('-o, --output <file>', 'write the sample to a file instead of stdout')
    .option('--strict', 'exit 2 on the first broken record')
    .option('--verbose', 'show stack traces for errors')
    .addHelpText('after', `
Examples:
  $ tone-audit sample logs/*.jsonl --size 400 --seed q4 > q4-sample.jsonl
  $ tone-audit sample logs.csv --margin 0.03 --stratify-by channel --seed 7 --output sample.csv
  $ tone-audit sample logs.jsonl --size 400 --seed 1 | tone-audit audit -`)
    .action(async (logs: string[], flags: Record<string, unknown>, command: Command) => {
      const { runSampleCommand } = await import('./commands/sample-command.js');
      setExitCode(await runSampleCommand(logs, cliFlags(command, flags), io));
    });

  addJudgeOptions(
    program
      .command('calibrate')
      .description('measure the judge (grader + rules) against reviewers\' labels and suggest dimension minimums')
      .argument('[samples...]', 'sample files to audit in-process (instead of --audit)')
      .requiredOption('--labels <file>', 'reviewers\' labels, JSONL or CSV: id, label (ok|drift), optional reviewer and scores 1–5 per dimension')
      .option('--audit <audit.json>', 'an audit written by tone-audit audit --format json (instead of sample files)'),
  )
    .option('--concurrency <n>', 'replies graded at once by the LLM grader, 1–256 (default: 8)', parseConcurrency)
    .option('--max-cost <usd>', 'stop grading before the API spend would exceed this many US dollars', parseNumber('positive'))
    .option('--input-format <format>', 'samples format: jsonl, csv, json, parquet or a platform export (see tone-audit audit --help)', parseSampleFormat)
    .option('--field <name=key>', 'map a samples field to your data\'s key/column, e.g. --field id=ticket (repeatable)', collect)
    .option('--strict', 'exit 2 on the first broken sample record')
    .addOption(new Option('--turns <which>', 'for conversations: judge every bot turn, or only the last reply (default: all)').choices(['all', 'last']))
    .addOption(new Option('-f, --format <format>', 'report format (default: terminal)').choices(['terminal', 'json', 'markdown', 'html']))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--write <file>', 'save the suggested minimums as a calibration record (JSON) for audit --calibration')
    .option('--held-out-only', 'report agreement on the held-out check half only (thresholds are always chosen on the fit half)')
    .option('--max-false-positive-rate <rate>', 'false-positive rate the suggested minimums should stay within (default: 0.15)', parseNumber('rate'))
    .option('--seed <seed>', 'bootstrap seed (default: tone-audit-calibrate)')
    .option('--resamples <n>', 'bootstrap resamples for the κ intervals (default: 1000)', parseNumber('int'))
    .option('--verbose', 'show stack traces for errors')
    .addHelpText('after', `
Labels are split by sha256 of the sample id (as a number: even → fit half, odd → check half); minimums
are chosen on the fit half and reported on the held-out check half.

Examples:
  $ tone-audit audit replies.jsonl --format json --output audit.json
  $ tone-audit calibrate --labels labels.jsonl --audit audit.json
  $ tone-audit calibrate --labels labels.csv replies.jsonl --grader heuristic --write calibration.json
  $ tone-audit audit replies.jsonl --calibration calibration.json
  $ tone-audit calibrate --labels labels.jsonl --audit audit.json --format html --output calibration.html`)
    .action(async (samples: string[], flags: Record<string, unknown>, command: Command) => {
      const { runCalibrateCommand } = await import('./commands/calibrate-command.js');
      setExitCode(await runCalibrateCommand(samples, cliFlags(command, flags), io));
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
    .command('render')
    .description('render the style guide as a readable document for support agents and prompt engineers')
    .argument('[file]', 'style guide YAML (default: from config, else the bundled guide)')
    .addOption(new Option('-f, --format <format>', 'markdown or html (default: markdown)').choices(['markdown', 'html']))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-c, --config <file>', 'config file')
    .option('--verbose', 'show stack traces')
    .addHelpText('after', `
Examples:
  $ tone-audit guide render styleguide/northwind.yaml > GUIDE.md
  $ tone-audit guide render --format html --output guide.html`)
    .action(async (file: string | undefined, flags: Record<string, unknown>, command: Command) => {
      const { runGuideRenderCommand } = await import('./commands/guide-command.js');
      setExitCode(await runGuideRenderCommand(file, cliFlags(command, flags), io));
    });
  guide
    .command('schema')
    .description('print the JSON Schema of the style guide format (for editor autocompletion)')
    .addHelpText('after', `
Example:
  $ tone-audit guide schema > styleguide.schema.json
  (then start the guide with: # yaml-language-server: $schema=styleguide.schema.json)`)
    .action(async () => {
      const { runGuideSchemaCommand } = await import('./commands/guide-command.js');
      setExitCode(await runGuideSchemaCommand(io));
    });

  addBacklogCommands(program, io, setExitCode);
  return program;
}

async function printConfig(flags: Record<string, unknown>, io: Io): Promise<number> {
  const { runPrintConfig } = await import('./commands/print-config-command.js');
  return runPrintConfig(flags, io);
}

/** Keeps only the flags given on the command line, so config values are not overridden by commander defaults. */
function cliFlags(command: Command, flags: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flags).filter(([key]) => command.getOptionValueSource(key) === 'cli'));
}

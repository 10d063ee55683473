import { Option, type Command } from 'commander';
import { BACKLOG_STATUSES } from '../backlog/backlog-item.js';
import { BACKLOG_EXPORTERS } from '../backlog/export-formats.js';
import type { Io } from './io.js';

const BACKLOG_HELP = `
The backlog is one JSONL file (default tone-audit-backlog.jsonl, meant to be committed): one
correction pair per line, sorted by id. \`audit --backlog <file>\` fills it; these commands review
and export it. Ids accept any unique prefix.

Statuses: needs-rewrite (no rewrite yet, or only the rules' word swaps: write one with \`backlog edit\`),
needs-review (the rewrite failed its check), ready (a grader's or person's rewrite passed the rules),
accepted / rejected (a person decided; audits never change these), resolved (the reply passed later).

Exit codes: 0 done; 2 could not run (bad flags, damaged backlog, unknown or ambiguous id, locked).`;

function withBacklogFile(command: Command): Command {
  return command.option('-b, --backlog <file>', 'backlog file (default: tone-audit-backlog.jsonl in the current folder)').option('--verbose', 'show stack traces for errors');
}

function withGuide(command: Command): Command {
  return command
    .option('-g, --guide <file>', 'brand style guide YAML (default: from config, else the bundled example guide)')
    .option('-c, --config <file>', 'config file (default: searched from the current folder up)');
}

/**
 * `tone-audit backlog …`: review and export the fine-tuning backlog. Each action imports its
 * command module lazily, like the rest of the program.
 */
export function addBacklogCommands(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const backlog = program.command('backlog').description('review and export the fine-tuning backlog of correction pairs').addHelpText('after', BACKLOG_HELP);
  const load = () => import('./commands/backlog-command.js');

  withGuide(withBacklogFile(backlog.command('list').description('list items, optionally filtered')))
    .addOption(new Option('--status <status>', 'only items with this status').choices([...BACKLOG_STATUSES]))
    .option('--rule <id>', 'only items with a finding of this rule')
    .option('--dimension <id>', "only items scoring below the guide's minimum on this dimension (reads the guide)")
    .option('--guide-version <version>', 'only items last seen under this style-guide version')
    .addOption(new Option('-f, --format <format>', 'output format (default: table)').choices(['table', 'json']))
    .addHelpText('after', '\nExample:\n  $ tone-audit backlog list --status needs-review --rule no-blame')
    .action(async (flags: Record<string, unknown>) => setExitCode(await (await load()).runBacklogList(flags, io)));

  withBacklogFile(backlog.command('show').description('show one item in full').argument('<id>', 'item id or unique prefix'))
    .addHelpText('after', '\nExample (ids come from `backlog list`; any unique prefix works):\n  $ tone-audit backlog show 1a2b3c')
    .action(async (id: string, flags: Record<string, unknown>) => setExitCode(await (await load()).runBacklogShow(id, flags, io)));

  withBacklogFile(backlog.command('accept').description('accept items for training (human decisions stick across audits)').argument('<ids...>', 'item ids or unique prefixes'))
    .option('--by <name>', 'who reviewed')
    .option('--reason <text>', 'why')
    .addHelpText('after', '\nExample:\n  $ tone-audit backlog accept 1a2b3c 9f8e7d --by qa-lead')
    .action(async (ids: string[], flags: Record<string, unknown>) => setExitCode(await (await load()).runBacklogAccept(ids, flags, io)));

  withBacklogFile(backlog.command('reject').description('reject items (kept, never exported, never reopened)').argument('<ids...>', 'item ids or unique prefixes'))
    .requiredOption('--reason <text>', 'why the pair is wrong')
    .option('--by <name>', 'who reviewed')
    .addHelpText('after', '\nExample:\n  $ tone-audit backlog reject 1a2b3c --reason "rewrite promises a refund we cannot give"')
    .action(async (ids: string[], flags: Record<string, unknown>) => setExitCode(await (await load()).runBacklogReject(ids, flags, io)));

  withGuide(
    withBacklogFile(
      backlog
        .command('edit')
        .description('replace the rewrite (opens $EDITOR without --rewrite); the rules re-check it: ready if it passes')
        .argument('<id>', 'item id or unique prefix'),
    ),
  )
    .option('--rewrite <text>', 'the new rewrite')
    .addOption(new Option('--grader <kind>', 'also grade the rewrite (default: none, rules only)').choices(['auto', 'llm', 'heuristic', 'none']))
    .addHelpText('after', '\nExample:\n  $ tone-audit backlog edit 1a2b3c --rewrite "I am sorry the deploy failed twice; I have restarted it."')
    .action(async (id: string, flags: Record<string, unknown>) => setExitCode(await (await load()).runBacklogEdit(id, flags, io)));

  withBacklogFile(backlog.command('stats').description('counts by status, rule and guide version'))
    .addOption(new Option('-f, --format <format>', 'output format (default: table)').choices(['table', 'json']))
    .addHelpText('after', '\nExample:\n  $ tone-audit backlog stats --backlog tone-audit-backlog.jsonl')
    .action(async (flags: Record<string, unknown>) => setExitCode(await (await load()).runBacklogStats(flags, io)));

  withGuide(withBacklogFile(backlog.command('export').description('export the pairs a person accepted, for fine-tuning or review')))
    .addOption(
      new Option('-f, --format <format>', 'bedrock (Claude on Amazon Bedrock), openai (OpenAI chat), openai-dpo (OpenAI preference), dpo (TRL prompt/chosen/rejected), csv (spreadsheet)')
        .choices(Object.keys(BACKLOG_EXPORTERS))
        .makeOptionMandatory(),
    )
    .option('--include-ready', 'also export ready items (a grader\'s or person\'s rewrite that passed the rules, not yet accepted)')
    .option('--all', 'export every item whatever its status (for review; training formats still refuse rule-breaking targets)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addHelpText('after', `
Only accepted items are exported unless --include-ready or --all. For the training formats (all but csv)
the guide's rules run again on every rewrite: if any still breaks a rule (error or warning), nothing is
written and the command exits 2 naming the items — fix them with \`backlog edit\` or reject them.
Conversations keep their earlier turns as messages.

Examples:
  $ tone-audit backlog export --format bedrock --output train.jsonl
  $ tone-audit backlog export --format openai-dpo --include-ready --output preference.jsonl
  $ tone-audit backlog export --format csv --all --output review.csv`)
    .action(async (flags: Record<string, unknown>) => setExitCode(await (await load()).runBacklogExport(flags, io)));
}

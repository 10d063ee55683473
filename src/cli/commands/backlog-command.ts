import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditSample } from '../../audit.js';
import {
  acceptItems,
  assessReadiness,
  BACKLOG_EXPORTERS,
  BacklogError,
  DEFAULT_BACKLOG_FILE,
  editRewrite,
  filterItems,
  findBrokenTargets,
  findItems,
  readBacklog,
  rejectItems,
  renderBacklogItem,
  renderBacklogJson,
  renderBacklogStats,
  renderBacklogTable,
  replaceItems,
  selectExportable,
  summarizeBacklog,
  withBacklogLock,
  writeBacklog,
  type BacklogExporter,
  type BacklogFilter,
  type BacklogItem,
  type BacklogReview,
  type BacklogStatus,
  type CheckRewrite,
  type ExportScope,
} from '../../backlog/index.js';
import { readConfig } from '../../config/load-config.js';
import { resolveOptions } from '../../config/resolve-options.js';
import { UsageError } from '../../errors.js';
import { readStyleGuide } from '../../load/styleguide/index.js';
import { compileRules, runRules } from '../../rules/index.js';
import type { StyleGuide } from '../../types.js';
import type { Io } from '../io.js';
import { openOutputFile } from '../output-file.js';
import { prepareJudging } from '../prepare-judging.js';

type Flags = Record<string, unknown>;

function backlogFile(flags: Flags, io: Io): string {
  return path.resolve(io.cwd, typeof flags.backlog === 'string' ? flags.backlog : DEFAULT_BACKLOG_FILE);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function loadGuide(flags: Flags, io: Io): Promise<StyleGuide> {
  const { config } = await readConfig(io.cwd, str(flags.config));
  const guide = str(flags.guide);
  const options = resolveOptions(config, guide ? { guide } : {}, io.cwd);
  return readStyleGuide(options.guide);
}

/** `backlog list`: a table (or JSON) of the items matching every filter given. */
export async function runBacklogList(flags: Flags, io: Io): Promise<number> {
  const items = await readBacklog(backlogFile(flags, io));
  const filter: BacklogFilter = {
    ...(str(flags.status) ? { status: flags.status as BacklogStatus } : {}),
    ...(str(flags.rule) ? { rule: str(flags.rule)! } : {}),
    ...(str(flags.guideVersion) ? { guideVersion: str(flags.guideVersion)! } : {}),
  };
  const dimensionId = str(flags.dimension);
  if (dimensionId !== undefined) {
    const guide = await loadGuide(flags, io);
    const dimension = guide.dimensions.find((d) => d.id === dimensionId);
    if (!dimension) {
      throw new UsageError(`the guide ${guide.source.file} has no dimension "${dimensionId}"`, { hint: `choose from: ${guide.dimensions.map((d) => d.id).join(', ') || '(none)'}` });
    }
    filter.dimension = { id: dimension.id, min: dimension.min };
  }
  const selected = filterItems(items, filter);
  io.stdout.write(flags.format === 'json' ? renderBacklogJson(selected) : renderBacklogTable(selected));
  return 0;
}

export async function runBacklogShow(id: string, flags: Flags, io: Io): Promise<number> {
  const [item] = findItems(await readBacklog(backlogFile(flags, io)), [id]);
  io.stdout.write(renderBacklogItem(item!));
  return 0;
}

/** Read-modify-write under the lock; `change` returns the changed items (validation errors abort before any write). */
async function modifyBacklog(file: string, change: (items: BacklogItem[]) => Promise<BacklogItem[]> | BacklogItem[]): Promise<BacklogItem[]> {
  return withBacklogLock(file, async () => {
    const items = await readBacklog(file);
    const changed = await change(items);
    await writeBacklog(file, replaceItems(items, changed));
    return changed;
  });
}

function reviewFrom(flags: Flags, io: Io): BacklogReview {
  return {
    ...(str(flags.by) ? { by: str(flags.by)! } : {}),
    at: io.now().toISOString(),
    ...(str(flags.reason) ? { reason: str(flags.reason)! } : {}),
  };
}

export async function runBacklogAccept(ids: string[], flags: Flags, io: Io): Promise<number> {
  const changed = await modifyBacklog(backlogFile(flags, io), (items) => acceptItems(items, ids, reviewFrom(flags, io)));
  io.stdout.write(`accepted ${changed.length} item(s): ${changed.map((item) => item.id).join(', ')}\n`);
  return 0;
}

export async function runBacklogReject(ids: string[], flags: Flags, io: Io): Promise<number> {
  const reason = str(flags.reason);
  if (reason === undefined || reason.trim() === '') throw new UsageError('backlog reject needs --reason "why the pair is wrong"');
  const changed = await modifyBacklog(backlogFile(flags, io), (items) => rejectItems(items, ids, { ...reviewFrom(flags, io), reason }));
  io.stdout.write(`rejected ${changed.length} item(s): ${changed.map((item) => item.id).join(', ')}\n`);
  return 0;
}

/**
 * `backlog edit`: the new rewrite comes from `--rewrite` or from `$VISUAL`/`$EDITOR` on a temp file.
 * The editor runs outside the lock (a person may take minutes); the write then checks, under the lock,
 * that nobody changed the rewrite meanwhile.
 */
export async function runBacklogEdit(id: string, flags: Flags, io: Io): Promise<number> {
  const file = backlogFile(flags, io);
  const [before] = findItems(await readBacklog(file), [id]);
  const rewrite = str(flags.rewrite) ?? (await editInEditor(before!.rewrite ?? before!.original, io));
  if (rewrite === before!.rewrite) {
    io.stderr.write(`rewrite of ${before!.id} unchanged; nothing to do\n`);
    return 0;
  }
  const checkRewrite = await buildCheckRewrite(flags, io);
  const [after] = await modifyBacklog(file, async (items) => {
    const [current] = findItems(items, [before!.id]);
    if (current!.rewrite !== before!.rewrite) {
      throw new BacklogError(`the rewrite of ${current!.id} changed while you were editing; nothing was written`, { hint: 'run backlog edit again' });
    }
    return assessReadiness([editRewrite(current!, rewrite)], checkRewrite);
  });
  io.stdout.write(`${after!.id}: ${after!.status}${after!.notes ? ` — ${after!.notes}` : ''}\n`);
  return 0;
}

async function buildCheckRewrite(flags: Flags, io: Io): Promise<CheckRewrite> {
  const judgingFlags: Flags = { grader: str(flags.grader) ?? 'none' };
  if (str(flags.guide)) judgingFlags.guide = flags.guide;
  if (str(flags.config)) judgingFlags.config = flags.config;
  const { engine } = await prepareJudging(judgingFlags, io);
  return (sample) => auditSample(engine, sample);
}

async function editInEditor(initial: string, io: Io): Promise<string> {
  const editor = io.env.VISUAL || io.env.EDITOR;
  if (!editor) throw new UsageError('no editor: $EDITOR is not set', { hint: 'set EDITOR (e.g. EDITOR=nano) or pass --rewrite "the new text"' });
  const dir = await mkdtemp(path.join(tmpdir(), 'tone-audit-edit-'));
  const file = path.join(dir, 'rewrite.txt');
  try {
    await writeFile(file, `${initial}\n`);
    const code = await new Promise<number | null>((resolve, reject) => {
      // Through the shell, as git does: EDITOR may carry arguments ("code --wait").
      const env = Object.fromEntries(Object.entries(io.env).filter(([, value]) => value !== undefined));
      const child = spawn(`${editor} "${file}"`, { shell: true, stdio: 'inherit', cwd: io.cwd, env });
      child.once('error', reject).once('exit', resolve);
    });
    if (code !== 0) throw new UsageError(`the editor (${editor}) exited with code ${code}; nothing changed`);
    // Editors add a final newline; a rewrite's own inner newlines are kept.
    return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runBacklogStats(flags: Flags, io: Io): Promise<number> {
  const stats = summarizeBacklog(await readBacklog(backlogFile(flags, io)));
  io.stdout.write(flags.format === 'json' ? `${JSON.stringify(stats, null, 2)}\n` : renderBacklogStats(stats));
  return 0;
}

/** Skipped items beyond this many are counted, not listed. */
const MAX_SKIPPED_SHOWN = 10;

export async function runBacklogExport(flags: Flags, io: Io): Promise<number> {
  const format = str(flags.format);
  if (format === undefined || !Object.hasOwn(BACKLOG_EXPORTERS, format)) {
    throw new UsageError(`backlog export needs --format ${Object.keys(BACKLOG_EXPORTERS).join('|')}`);
  }
  const exporter: BacklogExporter = BACKLOG_EXPORTERS[format as keyof typeof BACKLOG_EXPORTERS];
  const scope: ExportScope = flags.all === true ? 'all' : flags.includeReady === true ? 'accepted+ready' : 'accepted';
  const items = selectExportable(await readBacklog(backlogFile(flags, io)), scope);
  const guide = exporter.needsGuide || exporter.training ? await loadGuide(flags, io) : undefined;
  if (exporter.training) refuseBrokenTargets(items, guide!);
  const result = exporter.run(items, { system: guide?.voice.summary ?? '' });
  const output = str(flags.output);
  if (output) {
    const writer = await openOutputFile(path.resolve(io.cwd, output));
    await writer.write(result.text);
    await writer.close();
  } else io.stdout.write(result.text);
  for (const { id, reason } of result.skipped.slice(0, MAX_SKIPPED_SHOWN)) io.stderr.write(`warning: skipped ${id}: ${reason}\n`);
  if (result.skipped.length > MAX_SKIPPED_SHOWN) io.stderr.write(`warning: … and ${result.skipped.length - MAX_SKIPPED_SHOWN} more skipped\n`);
  const what = { all: 'item(s)', 'accepted+ready': 'accepted/ready item(s)', accepted: 'accepted item(s)' }[scope];
  io.stderr.write(`exported ${result.exported} ${what} as ${format}${output ? ` to ${output}` : ''}\n`);
  if (result.exported === 0 && scope === 'accepted') io.stderr.write('hint: only accepted items are exported; review them with `tone-audit backlog accept <id>`, or add --include-ready\n');
  return 0;
}

/** Training targets must obey the guide: the rules run again on each rewrite; any that still breaks one stops the export. */
function refuseBrokenTargets(items: readonly BacklogItem[], guide: StyleGuide): void {
  const rules = compileRules(guide);
  const broken = findBrokenTargets(items, (sample) => runRules(rules, sample));
  if (broken.length === 0) return;
  const listed = broken.slice(0, MAX_SKIPPED_SHOWN).map((b) => `${b.id} (${b.rules.join(', ')})`);
  const more = broken.length > MAX_SKIPPED_SHOWN ? `, and ${broken.length - MAX_SKIPPED_SHOWN} more` : '';
  throw new BacklogError(`refusing to export: the rewrite of ${broken.length} item(s) still breaks the guide's rules: ${listed.join(', ')}${more}; nothing was written`, {
    hint: 'fix each with `tone-audit backlog edit <id>` or drop it with `tone-audit backlog reject <id> --reason "…"`, then export again',
  });
}

// The only backlog module that touches the file system (and, for lock staleness and its record, the clock).
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { readFile, rename, rm, stat, writeFile, link } from 'node:fs/promises';
import { hostname } from 'node:os';
import { createInterface } from 'node:readline';
import { openAtomicFile, type AtomicFile } from '../atomic-file.js';
import type { Problem } from '../types.js';
import { BacklogError } from './backlog-error.js';
import type { BacklogItem } from './backlog-item.js';
import { parseBacklogLine, type ParsedBacklogLine } from './parse-backlog-item.js';
import { compareItemIds, serializeBacklogItem } from './serialize-backlog-item.js';

export interface ReadBacklogOptions {
  /** A missing file is an empty backlog (for `audit --backlog`); otherwise it is an error. */
  missingOk?: boolean;
}

/**
 * Reads the backlog line by line. Every damaged line (bad JSON, wrong fields, a merge-conflict marker,
 * a duplicate id) is reported with `file:line` in one {@link BacklogError}; none is ever dropped, since
 * the next write would lose it. Items are returned sorted by id whatever the file order.
 */
export async function readBacklog(file: string, options: ReadBacklogOptions = {}): Promise<BacklogItem[]> {
  const items: BacklogItem[] = [];
  const problems: Problem[] = [];
  const lineOf = new Map<string, number>();
  for await (const line of readBacklogLines(file, options)) {
    if (!line.parsed.ok) {
      problems.push(damagedLine(file, line.lineNumber, line.parsed));
      continue;
    }
    const { item } = line.parsed;
    const earlier = lineOf.get(item.id);
    if (earlier !== undefined) {
      problems.push(duplicateLine(file, line.lineNumber, item.id, earlier));
      continue;
    }
    lineOf.set(item.id, line.lineNumber);
    items.push(item);
  }
  if (problems.length > 0) throw damagedBacklog(file, problems);
  return items.sort(compareItemIds);
}

/** Thrown by {@link readBacklogInOrder} at the first item out of id order; the caller reads the whole file instead. */
export class BacklogOrderError extends Error {}

/**
 * Yields the backlog's items in file order, holding one line at a time, for a merge that streams.
 * The file must be sorted by id, as tone-audit writes it: at the first item out of order (a hand
 * edit, a careless merge) it throws {@link BacklogOrderError} and the caller falls back to
 * {@link readBacklog}. Damaged lines and (adjacent, in a sorted file) duplicates are collected and
 * thrown in one {@link BacklogError} once the whole file is read, exactly as `readBacklog` reports them.
 */
export async function* readBacklogInOrder(file: string, options: ReadBacklogOptions = {}): AsyncGenerator<BacklogItem> {
  const problems: Problem[] = [];
  let previous: { id: string; lineNumber: number } | undefined;
  for await (const line of readBacklogLines(file, options)) {
    if (!line.parsed.ok) {
      problems.push(damagedLine(file, line.lineNumber, line.parsed));
      continue;
    }
    const { item } = line.parsed;
    if (previous && item.id === previous.id) {
      problems.push(duplicateLine(file, line.lineNumber, item.id, previous.lineNumber));
      continue;
    }
    if (previous && compareItemIds(item, previous) < 0) throw new BacklogOrderError(`${file}:${line.lineNumber}: item ${item.id} is out of id order`);
    previous = { id: item.id, lineNumber: line.lineNumber };
    yield item;
  }
  if (problems.length > 0) throw damagedBacklog(file, problems);
}

/** Every non-blank line, parsed; read errors (and a missing file, unless `missingOk`) as {@link BacklogError}. */
async function* readBacklogLines(file: string, options: ReadBacklogOptions): AsyncGenerator<{ lineNumber: number; parsed: ParsedBacklogLine }> {
  const input = createReadStream(file, { encoding: 'utf8' });
  try {
    await once(input, 'open');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.missingOk) return;
    throw cannotRead(file, error as NodeJS.ErrnoException);
  }
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNumber = 0;
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await lines.next();
      } catch (error) {
        throw cannotRead(file, error as NodeJS.ErrnoException);
      }
      if (next.done) return;
      lineNumber += 1;
      if (next.value.trim() === '') continue;
      // Yielded outside the read's try: an error thrown by the consumer stays its own.
      yield { lineNumber, parsed: parseBacklogLine(next.value) };
    }
  } finally {
    // A consumer that stops early (an item out of order, a failed write) must not leave the file open.
    await lines.return?.();
    input.destroy();
  }
}

function cannotRead(file: string, error: NodeJS.ErrnoException): BacklogError {
  if (error.code === 'ENOENT') return new BacklogError(`no backlog at ${file}`, { hint: 'create one with `tone-audit audit <samples> --backlog <file>`, or pass --backlog <file>' });
  return new BacklogError(`cannot read backlog ${file}: ${error.message}`);
}

function damagedLine(file: string, line: number, parsed: Extract<ParsedBacklogLine, { ok: false }>): Problem {
  return { location: { file, line }, path: parsed.path, message: parsed.message, ...(parsed.hint ? { hint: parsed.hint } : {}) };
}

function duplicateLine(file: string, line: number, id: string, earlier: number): Problem {
  return { location: { file, line }, path: 'id', message: `duplicate item ${id} (also on line ${earlier})`, hint: 'keep one of the two lines (e.g. after resolving a merge by hand)' };
}

function damagedBacklog(file: string, problems: Problem[]): BacklogError {
  return new BacklogError(`backlog ${file} has damaged lines; nothing was changed`, {
    problems,
    hint: 'fix the lines listed (or restore the file from git) and run again; tone-audit never drops a line it cannot read',
  });
}

/**
 * Writes the backlog atomically ({@link openBacklogWriter}): readers see the old or the new backlog,
 * never half of one.
 *
 * The format is one JSONL file, one item per line, sorted by id, keys in a fixed order, because the
 * backlog lives in the team's repository: a changed item is a one-line diff; ids are content hashes,
 * so new items land at scattered places and two branches that add items rarely touch the same lines,
 * and git merges them line-wise; a person can read, grep and hand-fix it; and it streams, so a
 * 100,000-item backlog never has to be one JSON document in memory as text. One file (not one file
 * per item) keeps reviews, stats and exports to a single read, and keeps the lock simple.
 */
export async function writeBacklog(file: string, items: readonly BacklogItem[]): Promise<void> {
  const sorted = [...items].sort(compareItemIds);
  const writer = await openBacklogWriter(file);
  try {
    for (const item of sorted) await writer.write(item);
  } catch (error) {
    await writer.discard();
    throw error;
  }
  await writer.commit();
}

/** A backlog being written item by item into a temp file; the caller writes the items in id order. */
export interface BacklogWriter {
  write(item: BacklogItem): Promise<void>;
  /** Renames the temp file over the backlog: the new backlog appears whole. */
  commit(): Promise<void>;
  /** Removes the temp file; the backlog stays as it was. */
  discard(): Promise<void>;
}

/** Lines gathered before one write: fewer syscalls, and no one string grows with the backlog. */
const WRITE_BATCH_CHARS = 64 * 1024;

/**
 * Opens the backlog for writing through {@link openAtomicFile} (temp file beside it, back-pressure,
 * rename on commit). Unlike a report, a missing folder is not created. Any failure removes the temp
 * file, leaves the old backlog as it was and is one {@link BacklogError}.
 */
export async function openBacklogWriter(file: string): Promise<BacklogWriter> {
  const cannotWrite = (error: unknown) => new BacklogError(`cannot write backlog ${file}: ${(error as Error).message}`, { hint: 'check that the folder exists and is writable' });
  let out: AtomicFile;
  try {
    out = await openAtomicFile(file, { createFolder: false });
  } catch (error) {
    throw cannotWrite(error);
  }
  const failed = async (error: unknown) => {
    await out.discard();
    return cannotWrite(error);
  };
  let pending = '';
  const flush = async () => {
    const chunk = pending;
    pending = '';
    if (chunk !== '') await out.write(chunk);
  };
  return {
    write: async (item) => {
      pending += `${serializeBacklogItem(item)}\n`;
      if (pending.length < WRITE_BATCH_CHARS) return;
      try {
        await flush();
      } catch (error) {
        throw await failed(error);
      }
    },
    commit: async () => {
      try {
        await flush();
        await out.commit();
      } catch (error) {
        throw await failed(error);
      }
    },
    // Also safe after a failed write or commit (already discarded) and after a commit (nothing to drop).
    discard: () => out.discard(),
  };
}

export interface BacklogLockOptions {
  /** Give up after waiting this long for another run's lock. Default 30 s. */
  timeoutMs?: number;
  /** A lock older than this is stale whatever its pid (the holder hung or the disk is shared). Default 10 min. */
  staleMs?: number;
  /** Milliseconds since the epoch; the lock's only clock. */
  now?: () => number;
}

interface LockRecord {
  pid: number;
  host: string;
  /** ISO 8601. */
  at: string;
  token: string;
}

/**
 * Runs `fn` holding `<file>.lock`, so concurrent runs serialise their read-modify-write instead of
 * losing each other's items. The lock is created with `wx` (exclusive create) and records pid, host
 * and time; a busy lock is retried with exponential backoff (25 ms doubling to 1 s, with jitter) until
 * `timeoutMs`. A lock whose process is gone (same host) or that is older than `staleMs` is taken over.
 */
export async function withBacklogLock<T>(file: string, fn: () => Promise<T>, options: BacklogLockOptions = {}): Promise<T> {
  const lockFile = `${file}.lock`;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const mine: LockRecord = { pid: process.pid, host: hostname(), at: new Date(now()).toISOString(), token: randomBytes(8).toString('hex') };
  const started = now();
  let delay = 25;
  for (;;) {
    try {
      await writeFile(lockFile, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new BacklogError(`cannot create lock ${lockFile}: ${(error as Error).message}`);
    }
    const holder = await readLock(lockFile);
    if (holder && (await isStale(holder, staleMs, now))) {
      await breakStaleLock(lockFile, holder);
      continue;
    }
    if (now() - started >= timeoutMs) {
      const who = holder?.record ? `pid ${holder.record.pid} on ${holder.record.host} since ${holder.record.at}` : 'another run';
      throw new BacklogError(`backlog ${file} is locked by ${who}`, {
        hint: `wait for the other tone-audit run to finish; if none is running, delete ${lockFile}`,
      });
    }
    await sleep(delay / 2 + Math.random() * (delay / 2));
    delay = Math.min(delay * 2, 1000);
  }
  try {
    return await fn();
  } finally {
    const holder = await readLock(lockFile);
    // Only remove our own lock: if it was (wrongly) taken over, the new holder keeps theirs.
    if (holder?.record?.token === mine.token) await rm(lockFile, { force: true });
  }
}

interface LockState {
  /** Undefined when the file is empty or unreadable (its creator may be mid-write). */
  record?: LockRecord;
  raw: string;
  mtimeMs: number;
}

async function readLock(lockFile: string): Promise<LockState | undefined> {
  try {
    const [raw, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    let record: LockRecord | undefined;
    try {
      const value = JSON.parse(raw) as Partial<LockRecord>;
      if (typeof value.pid === 'number' && typeof value.at === 'string' && typeof value.token === 'string') record = value as LockRecord;
    } catch {
      record = undefined;
    }
    return { ...(record ? { record } : {}), raw, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function isStale(state: LockState, staleMs: number, now: () => number): Promise<boolean> {
  const since = state.record ? Date.parse(state.record.at) : state.mtimeMs;
  if (!Number.isFinite(since) || now() - since > staleMs) return true;
  if (!state.record || state.record.host !== hostname()) return false;
  return !isProcessAlive(state.record.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside (rename is atomic: of two runs breaking it at once, one wins) and checks
 * that what was moved is the lock judged stale; if a fresh lock was moved by mistake, it is put back.
 */
async function breakStaleLock(lockFile: string, judged: LockState): Promise<void> {
  const aside = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => judged.raw);
  if (moved !== judged.raw) await link(aside, lockFile).catch(() => undefined);
  await rm(aside, { force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

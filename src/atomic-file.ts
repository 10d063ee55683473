import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { trackTempFile } from './temp-files.js';

/** A file being written atomically: nothing appears under its name until `commit`. */
export interface AtomicFile {
  /** Appends text; resolves once the stream can take more (back-pressure), so memory stays flat. */
  write(chunk: string): Promise<void>;
  /** Finishes the file and renames it into place. */
  commit(): Promise<void>;
  /** Drops the temp file; nothing is left behind and any file already at the name is untouched. */
  discard(): Promise<void>;
}

/** How {@link openAtomicFile} treats the file's folder. */
export interface AtomicFileOptions {
  /**
   * Create the folder when it is missing (the default: reports, the cache and batch folders are
   * tone-audit's own). The backlog store passes `false`: its folder is the team's repository, so a
   * missing one is a mistyped path to report, not a folder to make.
   */
  createFolder?: boolean;
}

/**
 * The one way tone-audit writes a file it may be interrupted writing (reports, the backlog, the
 * result cache, batch results): into `<file>.<random>.tmp` beside it (same folder, so the rename
 * cannot cross file systems), renamed over `file` on commit. A reader, or a run killed midway, sees
 * the old file or the new one, never half of one; a temp file is registered so an abrupt exit can
 * still remove it. There is no fsync: the rename protects against a crashed or killed run, not a
 * power cut. Errors are the file system's own: callers word them for their users.
 */
export async function openAtomicFile(file: string, options: AtomicFileOptions = {}): Promise<AtomicFile> {
  if (options.createFolder ?? true) await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const untrack = trackTempFile(temp);
  let stream: WriteStream;
  try {
    stream = createWriteStream(temp, { flags: 'wx' });
    // Opened before anything can fail: a stream still opening would create the file after a cleanup.
    await once(stream, 'open');
  } catch (error) {
    untrack();
    throw error;
  }
  // One persistent listener: one per write would leak listeners on a long file, and an error between
  // writes would otherwise be unhandled.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  let done = false;
  return {
    write: async (chunk) => {
      if (failure) throw failure;
      // events.once rejects on 'error', so a disk that fails mid-write cannot leave the wait hanging.
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    commit: async () => {
      if (failure) throw failure;
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (failure) throw failure;
      await rename(temp, file);
      done = true;
      untrack();
    },
    discard: async () => {
      if (done) return;
      stream.destroy();
      await rm(temp, { force: true });
      untrack();
    },
  };
}

/** Writes `text` to `file` atomically (see {@link openAtomicFile}); a failed write leaves no temp file. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const out = await openAtomicFile(file);
  try {
    await out.write(text);
    await out.commit();
  } catch (error) {
    await out.discard();
    throw error;
  }
}

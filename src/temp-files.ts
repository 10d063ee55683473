import { rmSync } from 'node:fs';

/** Temp files being written right now (absolute or cwd-relative paths), until renamed into place or removed. */
const live = new Set<string>();

/**
 * Registers a temp file that an atomic write is filling, so an exit that cannot wait for the write
 * to finish (a second Ctrl-C, SIGTERM while nothing handles it) can still remove it. Returns the
 * function that forgets it, to call once it is renamed or removed.
 */
export function trackTempFile(file: string): () => void {
  live.add(file);
  return () => {
    live.delete(file);
  };
}

/** Removes every temp file still being written; synchronous, for process exit paths. Returns how many. */
export function removeTempFilesSync(): number {
  let removed = 0;
  for (const file of live) {
    try {
      rmSync(file, { force: true });
      removed += 1;
    } catch {
      // An exit path must not throw: a file that cannot be removed is left as it is.
    }
  }
  live.clear();
  return removed;
}

import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { trackTempFile } from '../../temp-files.js';

/**
 * Writes `value` as two-space-indented JSON (with a final newline) to `file` atomically: into a
 * uniquely named temp file beside it (same folder, so the rename cannot cross file systems), then
 * renamed over `file`. A reader, or a run killed midway, sees the old file or the new one, never half
 * of one; a failed write leaves no temp file behind. Creates the folder when it is missing.
 */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  const untrack = trackTempFile(temp);
  try {
    await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    untrack();
  }
}

import { writeFileAtomically } from '../../atomic-file.js';

/**
 * Writes `value` as two-space-indented JSON (with a final newline) to `file` atomically, creating
 * the folder when it is missing (see {@link writeFileAtomically}).
 */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`);
}

import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Bytes of the inputs that are plain files; undefined when any is stdin, a glob or not a file (its size is unknown). */
export async function totalFileBytes(inputs: string[], cwd: string): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-') return undefined;
    try {
      const info = await stat(path.resolve(cwd, input));
      if (!info.isFile()) return undefined;
      total += info.size;
    } catch {
      return undefined;
    }
  }
  return total;
}

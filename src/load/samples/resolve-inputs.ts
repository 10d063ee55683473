import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../../errors.js';

/** One input to read: stdin, or a file with the name to show for it. */
export type SampleInput = { kind: 'stdin' } | { kind: 'file'; path: string; file: string };

/**
 * Expands the inputs a user gave into files to read, in order: `-` is stdin, a glob expands
 * to its matches sorted by path (a glob matching nothing is an {@link InputError}), anything
 * else is a path. A file named twice (say by a path and a glob) is read once, at its first place.
 */
export async function resolveInputs(inputs: readonly string[], cwd: string): Promise<SampleInput[]> {
  const resolved: SampleInput[] = [];
  const seen = new Set<string>();
  let stdinSeen = false;
  const add = (file: string): void => {
    const path = resolve(cwd, file);
    if (seen.has(path)) return;
    seen.add(path);
    resolved.push({ kind: 'file', path, file });
  };
  for (const input of inputs) {
    if (input === '-') {
      if (!stdinSeen) resolved.push({ kind: 'stdin' });
      stdinSeen = true;
    } else if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) {
        throw new InputError(`no files match ${input}`, { hint: `the pattern is resolved from ${cwd}` });
      }
      const absolute = input.startsWith('/');
      for (const match of matches.sort(compareCodeUnits)) add(absolute ? resolve(cwd, match) : relative(cwd, resolve(cwd, match)) || match);
    } else {
      add(input);
    }
  }
  return resolved;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

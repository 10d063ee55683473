import path from 'node:path';

/** A file as stderr messages name it: relative to where the command ran, as given when that is the folder itself. */
export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file) || file;
}

import { readFile } from 'node:fs/promises';
import { ConfigError } from '../../errors.js';
import type { StyleGuide } from '../../types.js';
import { parseStyleGuide } from './parse-style-guide.js';

const GUIDE_HINT = 'pass the guide with `--guide <path>` (the bundled one is styleguide/northwind.yaml)';

/**
 * Reads a style guide file and parses it; see {@link parseStyleGuide}. Throws {@link ConfigError} for
 * any problem. `displayAs` is how messages and `source.file` name the file (e.g. relative to where the
 * command ran); it defaults to `path`.
 */
export async function readStyleGuide(path: string, displayAs: string = path): Promise<StyleGuide> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ConfigError(`cannot read style guide ${displayAs}: ${reason}`, {
      problems: [{ location: { file: displayAs, line: 1 }, path: '', message: `cannot read the style guide: ${reason}` }],
      hint: GUIDE_HINT,
      cause: error,
    });
  }

  let text: string;
  try {
    // Keep a BOM so the hash in `source.hash` is the hash of the file's bytes.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new ConfigError(`style guide ${displayAs} is not UTF-8 text`, {
      problems: [{ location: { file: displayAs, line: 1 }, path: '', message: 'the style guide is not valid UTF-8 text' }],
      hint: 'save the file as UTF-8 (YAML requires it)',
      cause: error,
    });
  }
  return parseStyleGuide(text, displayAs);
}

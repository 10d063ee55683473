import { readFileSync } from 'node:fs';
import { packageFile } from '../../package-root.js';

/** `data/common-words.txt` of the package: SUBTLEX-US's 20,000 commonest words (scripts/write-common-words.js). */
export const COMMON_WORDS_FILE = packageFile('data', 'common-words.txt');

let common: ReadonlySet<string> | undefined;

/** The everyday words, read once per process (a plain list: a few milliseconds). */
export function readCommonWords(): ReadonlySet<string> {
  common ??= new Set(readFileSync(COMMON_WORDS_FILE, 'utf8').split('\n').filter((word) => word !== ''));
  return common;
}

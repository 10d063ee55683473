// Times the bundled guide's `/regex/flags` patterns over the replies and customer messages of a
// samples file, on V8's backtracking engine (what ran before) and on the linear-time engine the
// audit uses now (LinearRegExp: RE2JS behind a native literal prefilter). Prints JSON.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { LinearRegExp } from '../dist/text/linear-regex.js';
import { parseRegexLiteral } from '../dist/text/safe-regex.js';

const [guideFile, samplesFile] = process.argv.slice(2);
const patterns = [];
JSON.stringify(parse(readFileSync(guideFile, 'utf8')), (_key, value) => {
  const literal = typeof value === 'string' ? parseRegexLiteral(value) : undefined;
  if (literal) patterns.push(literal);
  return value;
});
const texts = readFileSync(samplesFile, 'utf8').trim().split('\n').flatMap((line) => {
  const record = JSON.parse(line);
  return [String(record.response ?? ''), String(record.customer ?? '')];
});

function time(make) {
  const compiled = patterns.map(({ source, flags }) => make(source, `${flags}g`));
  let matches = 0;
  const started = performance.now();
  for (const text of texts) {
    for (const re of compiled) {
      re.lastIndex = 0;
      while (re.exec(text) !== null) matches++;
    }
  }
  return { ms: performance.now() - started, matches };
}

time((s, f) => new LinearRegExp(s, f)); // warm-up
const native = time((s, f) => new RegExp(s, f));
const linear = time((s, f) => new LinearRegExp(s, f));
process.stdout.write(JSON.stringify({ patterns: patterns.length, texts: texts.length, native, linear }));

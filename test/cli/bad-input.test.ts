import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.join(root, 'test/fixtures/bad-input');
const guide = path.join(root, 'styleguide/northwind.yaml');
const OLD_REPORT = '{"an":"earlier report"}\n';

interface Case {
  name: string;
  /** Fixture copied into the run's folder (or made by `make`). */
  input?: string;
  make?: (dir: string) => void;
  args?: string[];
  stdin?: string;
  /** The documented exit code: 0 passed, 1 gate failed, 2 could not run. */
  code: 0 | 1 | 2;
  /** What stderr must say, with the location. */
  message: RegExp;
  /** Records in the input: each must be judged or counted as skipped (runs that ran). */
  records?: number;
  /** stdout must not start a line with a workflow command. */
  safeStdout?: boolean;
}

const cases: Case[] = [
  { name: 'CSV with an unbalanced quote: reported at its line, never merged', input: 'unbalanced-quote.csv', code: 1, message: /unbalanced-quote\.csv:3 invalid CSV row: unbalanced quote .*reading resumes at line 4 \(record skipped\)/, records: 4 },
  { name: 'CSV with an unbalanced quote, --strict', input: 'unbalanced-quote.csv', args: ['--strict'], code: 2, message: /error: unbalanced-quote\.csv:3 invalid CSV row: unbalanced quote/ },
  { name: 'invalid UTF-8: warned at its line, the record kept', input: 'invalid-utf8.jsonl', code: 0, message: /invalid-utf8\.jsonl:2 bytes that are not valid UTF-8, read as U\+FFFD/, records: 3 },
  { name: 'invalid UTF-8, --strict', input: 'invalid-utf8.jsonl', args: ['--strict'], code: 2, message: /error: invalid-utf8\.jsonl:2 bytes that are not valid UTF-8/ },
  { name: 'an empty file', input: 'empty.jsonl', code: 2, message: /error: no samples could be read from empty\.jsonl/ },
  { name: 'a header-only CSV', input: 'header-only.csv', code: 2, message: /error: no samples could be read from header-only\.csv/ },
  { name: 'empty stdin', args: ['-', '--input-format', 'jsonl'], stdin: '', code: 2, message: /error: no samples could be read from -/ },
  { name: '8 of 12 records broken: the gate fails on skipped records', input: 'mostly-broken.jsonl', code: 1, message: /mostly-broken\.jsonl:2 response: missing field `response`.*\(record skipped\)[\s\S]*gate failed:[\s\S]*8 input record\(s\) could not be read/, records: 12 },
  { name: '8 of 12 records broken, allowed by --max-skipped 8', input: 'mostly-broken.jsonl', args: ['--max-skipped', '8'], code: 0, message: /mostly-broken\.jsonl:12 response: field `response` \(`response`\) must be a string, got number \(record skipped\)/, records: 12 },
  {
    name: 'a 50 MB reply: skipped at its line by the size limit',
    input: 'huge.jsonl',
    make: (dir) => writeFileSync(path.join(dir, 'huge.jsonl'), `${JSON.stringify({ id: 'ok', customer: 'Hi', response: 'Invoices are under Billing.' })}\n${JSON.stringify({ id: 'huge', customer: 'Hi', response: 'log line '.repeat(5_600_000) })}\n`),
    code: 1,
    message: /huge\.jsonl:2 response: the record holds 50,400 kB of text .* over the 100 kB limit per record; skipped/,
    records: 2,
  },
  { name: 'bot and customer text that spells workflow commands', input: 'workflow-commands.jsonl', args: ['--format', 'github,json', '--output', 'out/tone-audit.json'], code: 1, message: /wrote out\/tone-audit\.json/, records: 2, safeStdout: true },
  { name: 'guide regexes that backtrack for ever run in linear time (30,000-character texts)', input: 'hostile.jsonl', make: (dir) => writeFileSync(path.join(dir, 'hostile.jsonl'), `${JSON.stringify({ id: 'h1', customer: 'a'.repeat(30_000), response: 'b'.repeat(30_000) })}\n`), args: ['--guide', path.join(corpus, 'hostile-regex-guide.yaml')], code: 0, message: /^(?![\s\S]*error)/, records: 1 },
  { name: 'a guide regex the linear engine cannot run', input: 'invalid-utf8.jsonl', args: ['--guide', path.join(corpus, 'lookahead-guide.yaml')], code: 2, message: /error: .*lookahead-guide\.yaml:14:16 rules\[0\]\.patterns\[0\]: regex \/refund\(\?= now\)\/: lookahead/ },
];

describe('the bad-input corpus', () => {
  for (const c of cases) {
    it(c.name, { timeout: 120_000 }, async () => {
      const dir = tempDir();
      const out = path.join(dir, 'out');
      mkdirSync(out);
      writeFileSync(path.join(out, 'tone-audit.json'), OLD_REPORT);
      if (c.make) c.make(dir);
      else if (c.input) copyFileSync(path.join(corpus, c.input), path.join(dir, c.input));
      const inputs = c.input ? [c.input] : [];
      const output = c.args?.includes('--output') ? [] : ['--format', 'json', '--output-dir', 'out'];
      const run = await runCli(['audit', ...inputs, '--guide', guide, '--grader', 'none', ...output, ...(c.args ?? [])], { cwd: dir, ...(c.stdin !== undefined ? { stdin: c.stdin } : {}) });

      expect(run.code, run.stderr).toBe(c.code);
      expect(run.stderr).toMatch(c.message);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      // No partial file, on any exit.
      expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const report = readFileSync(path.join(out, 'tone-audit.json'), 'utf8');
      if (c.code === 2) {
        // A run that could not run replaces nothing.
        expect(report).toBe(OLD_REPORT);
        return;
      }
      // No record lost: each one judged, or skipped and counted.
      const result = JSON.parse(report);
      expect(result.summary.samples + result.summary.skippedRecords).toBe(c.records);
      if (c.safeStdout) {
        expect(run.stdout).toMatch(/^::error title=tone-audit gate::/m);
        for (const line of run.stdout.split(/\r?\n|\r/)) {
          if (!line.startsWith('::')) continue;
          // Only tone-audit's own annotations start a line; the texts' commands never do.
          expect(line).toMatch(/^::(error|warning|notice) (file=|title=tone-audit)/);
          expect(line).not.toMatch(/add-mask|stop-commands|::owned/);
        }
      }
    });
  }
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type LoadEvent, readSamples } from '../../../src/load/samples/index.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const guide = path.join(root, 'styleguide/northwind.yaml');

async function load(file: string): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const event of readSamples([file], { cwd: fixtures })) events.push(event);
  return events;
}

const brief = (events: LoadEvent[]) =>
  events.map((e) => (e.type === 'sample' ? `${e.sample.id}@${e.sample.source.line}` : `${e.severity} ${e.problem.location.file}:${e.problem.location.line} ${e.problem.message}`));

describe('an unbalanced quote in a CSV row', () => {
  // Row 2 (line 3) opens a quote it never closes; row 4's quoted field would close it, merging rows 2–4.
  it('is reported at its line, and the other rows are read, not merged into it', async () => {
    const events = await load('unbalanced-quote.csv');
    expect(brief(events)).toEqual([
      'r1@2',
      'error unbalanced-quote.csv:3 invalid CSV row: unbalanced quote — a quoted field opened in this row is not closed before the next row (line 4); row skipped, reading resumes at line 4',
      'r3@4',
      'r4@5',
      'r5@6',
    ]);
    const r4 = events.find((e) => e.type === 'sample' && e.sample.id === 'r4');
    expect(r4).toMatchObject({ sample: { customer: 'Help', response: 'Sure, I can help' } });
  });

  it('is recovered from when the quote is never closed at all, or the row ends with a stray quote', async () => {
    const dir = tempDir({
      'eof.csv': 'id,customer,response\nr1,Hi,Hello\nr2,"Where is my order,We shipped it\nr3,Thanks,Welcome\nr4,Help,Sure\n',
      'stray.csv': 'id,customer,response\nr1,Hi,Hello\nr2,"Where is my order,We shipped it\nr3,Thanks,Welcome\nr4,Help,Sure thing"\nr5,Bye,Bye\n',
    });
    expect(brief(await load(path.join(dir, 'eof.csv'))).filter((s) => !s.startsWith('error'))).toEqual(['r1@2', 'r3@4', 'r4@5']);
    // Row 4's stray closing quote is kept as text (relaxed quoting, as with `5" monitor`).
    expect(brief(await load(path.join(dir, 'stray.csv')))).toEqual([
      'r1@2',
      expect.stringMatching(/^error .*stray\.csv:3 invalid CSV row: unbalanced quote/),
      'r3@4',
      'r4@5',
      'r5@6',
    ]);
  });

  it('leaves a genuine multi-line quoted field alone, even one whose lines look like rows', async () => {
    const dir = tempDir({ 'multi.csv': 'id,customer,response\nr1,Hi,"Step 1, open settings\nStep 2, save, done"\nr2,Bye,"a 5"" monitor"\n' });
    const events = await load(path.join(dir, 'multi.csv'));
    expect(brief(events)).toEqual(['r1@2', 'r2@4']);
  });

  it('exits 2 with --strict, naming the line', async () => {
    const run = await runCli(['audit', path.join(fixtures, 'unbalanced-quote.csv'), '--guide', guide, '--grader', 'none', '--strict'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unbalanced-quote\.csv:3 invalid CSV row: unbalanced quote/);
  });

  it('is a skipped record without --strict: counted, and the rest audited', async () => {
    const run = await runCli(['audit', path.join(fixtures, 'unbalanced-quote.csv'), '--guide', guide, '--grader', 'none', '--format', 'json'], { cwd: root });
    const result = JSON.parse(run.stdout);
    expect(result.summary.samples).toBe(4);
    expect(result.summary.skippedRecords).toBe(1);
  });
});

describe('bytes that are not valid UTF-8', () => {
  it.each([
    ['invalid-utf8.jsonl', 2, ['u1@1', 'u2@2', 'u3@3']],
    ['invalid-utf8.csv', 3, ['u1@2', 'u2@3', 'u3@4']],
    ['invalid-utf8.json', 3, ['u1@2', 'u2@3']],
  ])('in %s give a warning at line %i and the record is kept with U+FFFD', async (file, line, ids) => {
    const events = await load(file);
    const warnings = events.filter((e) => e.type === 'problem');
    expect(warnings.map((e) => e.type === 'problem' && `${e.severity} ${e.problem.location.file}:${e.problem.location.line}`)).toEqual([`warning ${file}:${line}`]);
    expect(warnings[0]).toMatchObject({ problem: { message: expect.stringMatching(/not valid UTF-8, read as U\+FFFD/) } });
    expect(brief(events.filter((e) => e.type === 'sample'))).toEqual(ids);
    const bad = events.find((e) => e.type === 'sample' && e.sample.id === 'u2');
    expect(bad).toMatchObject({ sample: { response: 'Bad \uFFFD( byte' } });
  });

  it('are found on stdin too, where chunks may split a character', async () => {
    const bytes = readFileSync(path.join(fixtures, 'invalid-utf8.jsonl'));
    // Split inside the valid "é" (C3 A9) of line 1 and right after the invalid C3 of line 2.
    const cut1 = bytes.indexOf(0xa9);
    const cut2 = bytes.indexOf(0x28, bytes.indexOf(Buffer.from('Bad '))) ;
    const stdin = Readable.from([bytes.subarray(0, cut1), bytes.subarray(cut1, cut2), bytes.subarray(cut2)]);
    const events: LoadEvent[] = [];
    for await (const event of readSamples(['-'], { stdin, format: 'jsonl' })) events.push(event);
    expect(brief(events)).toEqual(['u1@1', expect.stringMatching(/^warning -:2 bytes that are not valid UTF-8/), 'u2@2', 'u3@3']);
    expect(events[0]).toMatchObject({ sample: { response: 'Café opens at nine' } });
  });
});

describe('a run that could not run', () => {
  it.each([
    ['empty.jsonl', ''],
    ['header-only.csv', 'id,customer,response\n'],
  ])('leaves the existing reports alone (%s)', async (input, content) => {
    const dir = tempDir({ [input]: content, 'out/tone-audit.json': '{"previous":true}\n', 'report.json': '{"previous":true}\n' });
    const intoDir = await runCli(['audit', input, '--guide', guide, '--grader', 'none', '--format', 'json', '--output-dir', 'out'], { cwd: dir });
    expect(intoDir.code).toBe(2);
    expect(readFileSync(path.join(dir, 'out/tone-audit.json'), 'utf8')).toBe('{"previous":true}\n');
    const intoFile = await runCli(['audit', input, '--guide', guide, '--grader', 'none', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(intoFile.code).toBe(2);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('{"previous":true}\n');
  });

  it('leaves the existing report alone on empty stdin', async () => {
    const dir = tempDir({ 'report.json': '{"previous":true}\n' });
    const run = await runCli(['audit', '-', '--guide', guide, '--grader', 'none', '--format', 'json', '--output', 'report.json'], { cwd: dir, stdin: '' });
    expect(run.code).toBe(2);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('{"previous":true}\n');
    writeFileSync(path.join(dir, 'a.jsonl'), '{"id":"x","customer":"hi","response":"Hello, glad to help."}\n');
    const ok = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'none', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(ok.code).not.toBe(2);
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.samples).toBe(1);
  });
});

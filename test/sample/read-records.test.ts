import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readRecords } from '../../src/sample/read-records.js';
import { collect, problemCollector, scratchDir } from './fixtures.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

async function* chunksOf(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

describe('readRecords: JSONL', () => {
  const file = scratch.write(
    'logs.jsonl',
    '\uFEFF{"id":"a", "n":1}\r\n\n{not json}\n[1,2]\n{"id":"b","text":"caf\u00e9 \\u00e9"}\n   \n"str"\n{"id":"c"}',
  );

  it('reads objects, keeps each raw line, skips blank lines, and reports bad lines at file:line', async () => {
    const { problems, onProblem } = problemCollector();
    const { records, stats } = readRecords([file], { onProblem });
    const read = await collect(records);
    expect(read.map((r) => r.value['id'])).toEqual(['a', 'b', 'c']);
    expect(read.map((r) => r.line)).toEqual([1, 5, 8]);
    expect(read[0]!.text).toBe('{"id":"a", "n":1}');
    expect(read[1]!.text).toBe('{"id":"b","text":"caf\u00e9 \\u00e9"}');
    // The same reader and messages as the audit: the place is in the location, not the message.
    expect(problems.map((p) => [p.location.line, p.location.col, p.message])).toEqual([
      [3, 2, "invalid JSON: Expected property name or '}'"],
      [4, undefined, 'expected a JSON object, got an array'],
      [7, undefined, 'expected a JSON object, got a string'],
    ]);
    expect(problems[0]!.location.file).toBe(file);
    expect(stats).toMatchObject({ read: 3, kept: 3, skipped: 3, formats: ['jsonl'] });
  });

  it('throws an InputError naming the line under strict', async () => {
    const { records } = readRecords([file], { strict: true });
    const error = await collect(records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]!.location).toMatchObject({ file, line: 3 });
  });

  it('splits lines across chunk boundaries, including inside a multi-byte character', async () => {
    const bytes = Buffer.from('{"t":"é"}\n{"t":"ü"}\n');
    async function* byteChunks(): AsyncGenerator<Uint8Array> {
      yield bytes.subarray(0, 7);
      yield bytes.subarray(7, 13);
      yield bytes.subarray(13);
    }
    const read = await collect(readRecords(['-'], { stdin: byteChunks() }).records);
    expect(read.map((r) => r.value['t'])).toEqual(['é', 'ü']);
    expect(read.map(({ file, line }) => ({ file, line }))).toEqual([{ file: '-', line: 1 }, { file: '-', line: 2 }]);
  });
});

describe('readRecords: CSV', () => {
  it('reads rows keyed by the header, keeps the header, and reports bad rows at the line they start on', async () => {
    const file = scratch.write(
      'logs.csv',
      'id,channel,response\n1,chat,"Hi,\nthere"\n2,email\n3,voice,"ok"\n\n5,chat,a 5" screen\n6,chat,"never closed\n7,chat,lost\n',
    );
    const { problems, onProblem } = problemCollector();
    const { records, stats } = readRecords([file], { onProblem });
    const read = await collect(records);
    expect(read.map((r) => r.value)).toEqual([
      { id: '1', channel: 'chat', response: 'Hi,\nthere' },
      { id: '3', channel: 'voice', response: 'ok' },
      { id: '5', channel: 'chat', response: 'a 5" screen' },
      // The row after a never-closed quote is read again, not swallowed (the hardening issue).
      { id: '7', channel: 'chat', response: 'lost' },
    ]);
    expect(read.map((r) => r.line)).toEqual([2, 5, 7, 9]);
    expect(read[0]!.columns).toEqual(['id', 'channel', 'response']);
    expect(problems.map((p) => p.location.line)).toEqual([4, 8]);
    expect(problems.map((p) => p.message)).toEqual([
      'invalid CSV row: row has 2 fields but the header has 3 columns',
      'invalid CSV row: unbalanced quote — a quoted field opened in this row is not closed before the next row (line 9); row skipped, reading resumes at line 9',
    ]);
    expect(stats).toMatchObject({ read: 4, skipped: 2, formats: ['csv'] });
  });
});

describe('readRecords: JSON array', () => {
  it('reads objects with the line each starts on and reports non-objects', async () => {
    const file = scratch.write('logs.json', '[\n  {"id": "a",\n   "s": "[{,"},\n  7,\n  {"id": "b"}\n]\n');
    const { problems, onProblem } = problemCollector();
    const read = await collect(readRecords([file], { onProblem }).records);
    expect(read.map((r) => [r.value['id'], r.line])).toEqual([['a', 2], ['b', 5]]);
    expect(problems).toEqual([{ location: { file, line: 4 }, path: '[1]', message: 'expected a JSON object' }]);
  });

  it('streams the array, skipping a broken element as a problem at the place it starts, or stopping on it under strict', async () => {
    const broken = scratch.write('broken.json', '[{"id": 1},\n {"id": }, {"id": 3},\n {"id": 4}');
    const { problems, onProblem } = problemCollector();
    const read = await collect(readRecords([broken], { onProblem }).records);
    expect(read.map((r) => [r.value['id'], r.line])).toEqual([[1, 1], [3, 2]]);
    expect(problems).toEqual([
      { location: { file: broken, line: 2, col: 2 }, path: '', message: `invalid JSON: Unexpected token '}', "{"id": }" is not valid JSON` },
      { location: { file: broken, line: 3, col: 2 }, path: '', message: 'invalid JSON: the file ends inside this record (truncated?)' },
    ]);
    const error = await collect(readRecords([broken], { strict: true }).records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]!.location).toEqual({ file: broken, line: 2, col: 2 });
  });

  it('throws an InputError for text that is not a JSON array', async () => {
    const object = scratch.write('object.json', '{"id": 1}');
    const error = await collect(readRecords([object]).records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      { location: { file: object, line: 1, col: 1 }, path: '', message: 'expected a JSON array of records, found an object' },
    ]);
  });
});

describe('readRecords: inputs', () => {
  it('throws an InputError for a missing file or a directory', async () => {
    const missing = `${scratch.write('x.jsonl', '')}-missing.jsonl`;
    const error = await collect(readRecords([missing]).records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`cannot read samples file ${missing}: no such file`);
    expect((error as InputError).hint).toBe('check the path; use - to read from stdin');
    const directory = await collect(readRecords([scratch.dir]).records).catch((e: unknown) => e);
    expect((directory as InputError).message).toBe(`cannot read samples file ${scratch.dir}: it is a directory`);
  });

  it('resolves paths and globs from cwd, in sorted order, reading a file named twice once', async () => {
    scratch.write('glob-b.jsonl', '{"id":"b"}\n');
    scratch.write('glob-a.jsonl', '{"id":"a"}\n');
    const { records, stats } = readRecords(['glob-*.jsonl', 'glob-b.jsonl'], { cwd: scratch.dir });
    const read = await collect(records);
    expect(read.map((r) => [r.value['id'], r.file])).toEqual([['a', 'glob-a.jsonl'], ['b', 'glob-b.jsonl']]);
    expect(stats.formats).toEqual(['jsonl', 'jsonl']);
  });

  it('sniffs the format of stdin and of files with other extensions', async () => {
    const csv = await collect(readRecords(['-'], { stdin: chunksOf('', 'id,x\n1,2\n') }).records);
    expect(csv.map((r) => [r.format, r.value])).toEqual([['csv', { id: '1', x: '2' }]]);
    const json = await collect(readRecords(['-'], { stdin: chunksOf(' \n', '[{"id":1}]') }).records);
    expect(json.map((r) => r.format)).toEqual(['json']);
    const log = scratch.write('app.log', '{"id":1}\n{"id":2}\n');
    const { records, stats } = readRecords([log]);
    expect((await collect(records)).map((r) => r.value['id'])).toEqual([1, 2]);
    expect(stats.formats).toEqual(['jsonl']);
  });

  it('goes by the extension before sniffing (.jsonlines is JSON Lines), and reads blank stdin as no records', async () => {
    const lines = scratch.write('x.jsonlines', '[1]\n{"id":1}\n');
    const { problems, onProblem } = problemCollector();
    const { records, stats } = readRecords([lines], { onProblem });
    expect((await collect(records)).map((r) => r.value['id'])).toEqual([1]);
    expect(stats.formats).toEqual(['jsonl']);
    expect(problems.map((p) => p.location.line)).toEqual([1]);
    const blank = readRecords(['-'], { stdin: chunksOf(' \n', '\uFEFF\n') });
    expect(await collect(blank.records)).toEqual([]);
    expect(blank.stats.formats).toEqual(['jsonl']);
  });

  it('reads several inputs in order', async () => {
    const a = scratch.write('a.jsonl', '{"id":1}\n');
    const b = scratch.write('b.csv', 'id\n2\n');
    expect((await collect(readRecords([a, b]).records)).map((r) => r.value['id'])).toEqual([1, '2']);
  });
});

describe('readRecords: since/until', () => {
  const file = scratch.write(
    'times.jsonl',
    [
      '{"id":1,"timestamp":"2024-04-30T23:59:59Z"}',
      '{"id":2,"timestamp":"2024-05-01T00:00:00Z"}',
      '{"id":3,"timestamp":1714608000}',
      '{"id":4,"timestamp":"2024-05-02T12:00:00+02:00"}',
      '{"id":5,"timestamp":1714694400000}',
      '{"id":6}',
      '{"id":7,"timestamp":"last tuesday"}',
      '{"id":8,"meta":{"at":"2024-05-01T10:00:00Z"}}',
    ].join('\n'),
  );
  const since = Date.UTC(2024, 4, 1);
  const until = Date.UTC(2024, 4, 3);

  it('keeps records in [since, until) and counts those without a readable timestamp', async () => {
    const { records, stats } = readRecords([file], { since, until });
    expect((await collect(records)).map((r) => r.value['id'])).toEqual([2, 3, 4]);
    expect(stats).toMatchObject({ read: 8, kept: 3, outsideWindow: 2, missingTimestamp: 3, firstMissingTimestamp: { file, line: 6 } });
  });

  it('reads the timestamp from a dotted path, and does not filter at all without a window', async () => {
    const { records } = readRecords([file], { since, timestampField: 'meta.at' });
    expect((await collect(records)).map((r) => r.value['id'])).toEqual([8]);
    const all = readRecords([file]);
    expect(await collect(all.records)).toHaveLength(8);
    expect(all.stats.missingTimestamp).toBe(0);
  });
});

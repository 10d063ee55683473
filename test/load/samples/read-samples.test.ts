import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { type LoadEvent, type ReadSamplesOptions, readSamples } from '../../../src/load/samples/index.js';
import type { Problem, Sample } from '../../../src/types.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tone-audit-samples-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string): Promise<string> {
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), content);
  return name;
}

async function load(inputs: string[], options: ReadSamplesOptions = {}): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const event of readSamples(inputs, { cwd: dir, ...options })) events.push(event);
  return events;
}

function samples(events: LoadEvent[]): Sample[] {
  return events.flatMap((event) => (event.type === 'sample' ? [event.sample] : []));
}

function problems(events: LoadEvent[]): Problem[] {
  return events.flatMap((event) => (event.type === 'problem' ? [event.problem] : []));
}

/** `file:line[:col] path: message`, to compare problems at a glance. */
function brief(problem: Problem): string {
  const { file, line, col } = problem.location;
  return `${file}:${line}${col === undefined ? '' : `:${col}`} ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

async function loadError(inputs: string[], options: ReadSamplesOptions = {}): Promise<InputError> {
  try {
    await load(inputs, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected readSamples to throw');
}

describe('readSamples: JSONL', () => {
  it('streams records with their physical lines, skipping blank lines and a BOM', async () => {
    const file = await write(
      'basic.jsonl',
      '\uFEFF{"id":"nw-1","customer":"hi","response":"hello","channel":"chat"}\r\n\r\n   \n{"id":2,"reply":"second"}\n',
    );
    const events = await load([file]);
    expect(events).toEqual([
      {
        type: 'sample',
        sample: {
          id: 'nw-1',
          customer: 'hi',
          response: 'hello',
          metadata: { channel: 'chat' },
          source: { file: 'basic.jsonl', line: 1 },
        },
      },
      {
        type: 'sample',
        sample: { id: '2', customer: '', response: 'second', metadata: {}, source: { file: 'basic.jsonl', line: 4 } },
      },
    ]);
  });

  it('reports every kind of broken record at its line and carries on', async () => {
    const file = await write(
      'broken/malformed.jsonl',
      [
        '{"id":"ok-1","customer":"a","response":"fine"}',
        '{"id":"bad-json", "response": "x",}',
        '{"id":"no-response","customer":"where is my invoice?"}',
        '{"id":"number","response":42}',
        '',
        '{"id":"empty","response":"   "}',
        '{"id":"transcript","transcript":{"role":"user","text":"hi"}}',
        '{"id":"truncated","customer":"My site is down","respo',
        '["not","an","object"]',
        '{"id":"bad-flag","response":"ok","escalated":"sometimes"}',
        '{"id":"ok-2","customer":"b","response":"also fine"}',
      ].join('\n'),
    );
    const events = await load([file]);
    expect(samples(events).map((s) => `${s.id}@${s.source.line}`)).toEqual(['ok-1@1', 'ok-2@11']);
    expect(problems(events).map(brief)).toEqual([
      'broken/malformed.jsonl:2:35 invalid JSON: Expected double-quoted property name',
      'broken/malformed.jsonl:3 response: missing field `response` (looked for: response, reply, bot_reply, answer, output, assistant); map it with --field response=<name>',
      'broken/malformed.jsonl:4 response: field `response` (`response`) must be a string, got number',
      'broken/malformed.jsonl:6 response: field `response` (`response`) is empty',
      'broken/malformed.jsonl:7 transcript: field `transcript` must be a list of turns ({role, text}), got object',
      'broken/malformed.jsonl:8:54 invalid JSON: Unterminated string',
      'broken/malformed.jsonl:9 record must be a JSON object, got array',
      'broken/malformed.jsonl:10 escalated: field `escalated` must be true or false (also yes/no, 1/0), got `sometimes`',
    ]);
    expect(events.filter((e) => e.type === 'problem').every((e) => e.type === 'problem' && e.severity === 'error')).toBe(true);
  });

  it('applies --field mappings, dotted paths included', async () => {
    const file = await write(
      'nested.jsonl',
      '{"ticket":{"id":"T-9"},"output":{"text":"Done.","score":0.9},"input":{"text":"Can you?"},"created":"2026-10-03"}\n',
    );
    const [sample] = samples(
      await load([file], {
        fields: { id: 'ticket.id', response: 'output.text', customer: 'input.text', timestamp: 'created' },
      }),
    );
    expect(sample).toMatchObject({ id: 'T-9', response: 'Done.', customer: 'Can you?', metadata: { timestamp: '2026-10-03' } });
  });

  it('reads transcripts and takes the reply from a final bot turn', async () => {
    const file = await write(
      'chat.jsonl',
      `${JSON.stringify({
        id: 'c1',
        messages: [
          { role: 'user', content: 'SSO is broken' },
          { role: 'assistant', content: 'Which IdP?' },
          { role: 'user', content: 'Okta' },
          { role: 'assistant', content: 'Check the ACS URL.' },
        ],
      })}\n`,
    );
    const [first, last] = samples(await load([file]));
    // Each bot turn is a sample judged in the context before it.
    expect(first).toMatchObject({ id: 'c1#0', customer: 'SSO is broken', response: 'Which IdP?', metadata: { conversation_id: 'c1', turn: 0 } });
    expect(first?.transcript).toHaveLength(1);
    expect(last).toMatchObject({ id: 'c1#1', customer: 'Okta', response: 'Check the ACS URL.', metadata: { conversation_id: 'c1', turn: 1 } });
    expect(last?.transcript).toHaveLength(3);
  });

  it('with turns: last, reads only the final reply of a conversation', async () => {
    const file = await write(
      'chat-last.jsonl',
      `${JSON.stringify({ id: 'c2', messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }, { role: 'user', content: 'Is the API down?' }, { role: 'assistant', content: 'No, all green.' }] })}\n`,
    );
    const read = samples(await load([file], { turns: 'last' }));
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ id: 'c2', response: 'No, all green.' });
  });

  it('warns about duplicate ids but keeps both records, even across files', async () => {
    await write('dupes/a.jsonl', '{"id":"x","response":"one"}\n{"id":"y","response":"two"}\n');
    await write('dupes/b.jsonl', '\n{"id":"x","response":"three"}\n');
    const events = await load(['dupes/a.jsonl', 'dupes/b.jsonl']);
    expect(samples(events).map((s) => s.response)).toEqual(['one', 'two', 'three']);
    const warnings = events.filter((e) => e.type === 'problem');
    expect(warnings).toEqual([
      {
        type: 'problem',
        severity: 'warning',
        problem: {
          location: { file: 'dupes/b.jsonl', line: 2 },
          path: 'id',
          message: 'duplicate id `x` (first seen at dupes/a.jsonl:1); both records are kept',
        },
      },
    ]);
  });

  it('skips the duplicate check when asked to', async () => {
    const events = await load(['dupes/a.jsonl', 'dupes/b.jsonl'], { checkDuplicateIds: false });
    expect(events.map((e) => e.type)).toEqual(['sample', 'sample', 'sample']);
  });
});

describe('readSamples: CSV', () => {
  it('reads aliased columns, quoted multi-line fields and a BOM, with the line each row starts on', async () => {
    const file = await write(
      'replies.csv',
      [
        '\uFEFFticket_id,customer_message,bot_reply,channel,escalated',
        'T-1,"My invoice, the one from October, is wrong","Sorry about that.',
        '',
        'I have asked billing to reissue it.",email,yes',
        '',
        'T-2,Short one,"He said ""hi""",chat,',
        'T-3,"multi',
        'line',
        'question",answer,slack,false',
      ].join('\r\n'),
    );
    const events = await load([file], { fields: { id: 'ticket_id' } });
    expect(problems(events)).toEqual([]);
    expect(samples(events)).toEqual([
      {
        id: 'T-1',
        customer: 'My invoice, the one from October, is wrong',
        // CRLF inside quoted fields comes out as LF.
        response: 'Sorry about that.\n\nI have asked billing to reissue it.',
        escalated: true,
        metadata: { channel: 'email' },
        source: { file: 'replies.csv', line: 2 },
      },
      {
        id: 'T-2',
        customer: 'Short one',
        response: 'He said "hi"',
        metadata: { channel: 'chat' },
        source: { file: 'replies.csv', line: 6 },
      },
      {
        id: 'T-3',
        customer: 'multi\nline\nquestion',
        response: 'answer',
        escalated: false,
        metadata: { channel: 'slack' },
        source: { file: 'replies.csv', line: 7 },
      },
    ]);
  });

  it('reports bad rows as problems at their first line and keeps reading', async () => {
    const file = await write(
      'bad.csv',
      [
        'id,customer,response',
        '1,"spans',
        'two lines",ok',
        '2,too,many,fields',
        '3,,',
        '4,"fine",fine',
        '5,"never closed,oops',
        '6,lost,lost',
      ].join('\n'),
    );
    const events = await load([file]);
    // Row 5's quote is never closed; row 6 is a row of its own, so it is read rather than swallowed.
    expect(samples(events).map((s) => `${s.id}@${s.source.line}`)).toEqual(['1@2', '4@6', '6@8']);
    expect(problems(events).map(brief)).toEqual([
      'bad.csv:4 invalid CSV row: row has 4 fields but the header has 3 columns',
      'bad.csv:5 response: field `response` (`response`) is empty',
      'bad.csv:7 invalid CSV row: unbalanced quote — a quoted field opened in this row is not closed before the next row (line 8); row skipped, reading resumes at line 8',
    ]);
  });

  it('keeps line numbers right when a CRLF is split across chunks', async () => {
    const stdin = Readable.from(['id,response\r', '\nx,"a\r', '\nb"\r\n', 'y,c\r', '\n']);
    const events = await load(['-'], { stdin, format: 'csv' });
    expect(samples(events).map((s) => `${s.id}@${s.source.line}:${JSON.stringify(s.response)}`)).toEqual([
      'x@2:"a\\nb"',
      'y@4:"c"',
    ]);
  });

  it('reads a transcript column holding JSON text', async () => {
    const transcript = JSON.stringify([
      { role: 'customer', text: 'Backups failed' },
      { role: 'bot', text: 'Restoring from the 02:00 snapshot now.' },
    ]).replaceAll('"', '""');
    const file = await write('transcripts.csv', `id,transcript\nx,"${transcript}"\n`);
    const [sample] = samples(await load([file]));
    expect(sample).toMatchObject({ customer: 'Backups failed', response: 'Restoring from the 02:00 snapshot now.' });
  });
});

describe('readSamples: JSON arrays', () => {
  it('streams elements with the line each starts on, and reports broken ones', async () => {
    const file = await write(
      'export.json',
      [
        '[',
        '  {"id": "a", "response": "first"},',
        '  {',
        '    "id": "b",',
        '    "response": "second"',
        '  },',
        '  {"id": "c", "response": 7},',
        '  {"id": "d",',
        '   "response": "x" "oops"},',
        '  {"id": "e", "response": "last"}',
        ']',
      ].join('\n'),
    );
    const events = await load([file]);
    expect(samples(events).map((s) => `${s.id}@${s.source.line}`)).toEqual(['a@2', 'b@3', 'e@10']);
    expect(problems(events).map(brief)).toEqual([
      'export.json:7 response: field `response` (`response`) must be a string, got number',
      "export.json:8:3 invalid JSON: Expected ',' or '}' after property value (at 9:20)",
    ]);
  });

  it('refuses a file that is not an array', async () => {
    const file = await write('object.json', '\n{"id": 1, "response": "x"}\n');
    const error = await loadError([file]);
    expect(error.message).toBe('object.json:2:1 expected a JSON array of records, found an object');
    expect(error.problems).toEqual([
      { location: { file: 'object.json', line: 2, col: 1 }, path: '', message: 'expected a JSON array of records, found an object' },
    ]);
    // The samples flag is --input-format; --format picks the report format.
    expect(error.hint).toContain('--input-format jsonl');
    expect(error.hint).not.toContain('(--format');
  });
});

describe('readSamples: inputs', () => {
  it('reads stdin for `-`, sniffing the format from the first character', async () => {
    const utf8 = Buffer.from('  [{"customer":"Grüße","response":"Hallo 👋"}]', 'utf8');
    // Split inside the multi-byte characters to prove decoding is stream-safe.
    const chunks = [utf8.subarray(0, 27), utf8.subarray(27, 45), utf8.subarray(45)];
    expect(samples(await load(['-'], { stdin: Readable.from(chunks) }))).toMatchObject([
      { customer: 'Grüße', response: 'Hallo 👋', source: { file: '-', line: 1 } },
    ]);
    const jsonl = Readable.from(['\n{"response":"a"}\n{"response":"b"}\n']);
    expect(samples(await load(['-'], { stdin: jsonl })).map((s) => `${s.response}@${s.source.line}`)).toEqual(['a@2', 'b@3']);
    const csv = Readable.from(['customer,response\nq,a\n']);
    expect(samples(await load(['-'], { stdin: csv }))).toMatchObject([{ customer: 'q', response: 'a' }]);
  });

  it('uses the format option over sniffing and extensions', async () => {
    const stdin = Readable.from(['{"response":"looks like jsonl"}\n']);
    expect(problems(await load(['-'], { stdin, format: 'csv' })).map(brief)).toEqual([]);
    const file = await write('replies.txt', 'response\nfrom a txt file\n');
    expect(samples(await load([file], { format: 'csv' })).map((s) => s.response)).toEqual(['from a txt file']);
    expect(samples(await load([file])).map((s) => s.response)).toEqual(['from a txt file']);
  });

  it.each([
    ['jsonl', '{"response":"ok"}\n'],
    ['csv', 'response\nok\n'],
    ['json', '[{"response":"ok"},'],
  ] as const)('turns a read error mid-stream into an input error (%s)', async (format, head) => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from(head);
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const error = await loadError(['-'], { stdin: Readable.from(failing()), format });
    expect(error.message).toBe('cannot read samples from stdin: EIO: i/o error, read');
  });

  it.each(['jsonl', 'csv', 'json'] as const)('lets a consumer stop early without errors (%s)', async (format) => {
    const body = Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, response: `reply ${i}` }));
    const text =
      format === 'csv'
        ? `id,response\n${body.map((r) => `${r.id},${r.response}`).join('\n')}\n`
        : format === 'json'
          ? JSON.stringify(body, null, 1)
          : body.map((r) => JSON.stringify(r)).join('\n');
    const file = await write(`early/big.${format}`, text);
    const seen: string[] = [];
    for await (const event of readSamples([file], { cwd: dir })) {
      if (event.type === 'sample') seen.push(event.sample.id);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['r0', 'r1', 'r2']);
  });

  it('needs a stdin stream for `-`', async () => {
    expect((await loadError(['-'])).message).toMatch(/no stdin stream/);
  });

  it('expands globs in sorted order and reads a file named twice once', async () => {
    await write('glob/b.jsonl', '{"id":"b","response":"b"}\n');
    await write('glob/a.jsonl', '{"id":"a","response":"a"}\n');
    await write('glob/sub/c.csv', 'id,response\nc,c\n');
    const events = await load(['glob/b.jsonl', 'glob/**/*.{jsonl,csv}']);
    expect(samples(events).map((s) => `${s.source.file}:${s.id}`)).toEqual([
      'glob/b.jsonl:b',
      'glob/a.jsonl:a',
      'glob/sub/c.csv:c',
    ]);
    expect(problems(events)).toEqual([]);
  });

  it('treats a glob that matches nothing as an input error', async () => {
    const error = await loadError(['glob/*.parquet']);
    expect(error.message).toBe('no files match glob/*.parquet');
  });

  it('names a missing file or a directory in the error', async () => {
    expect((await loadError(['nope.jsonl'])).message).toBe('cannot read samples file nope.jsonl: no such file');
    expect((await loadError(['glob'])).message).toBe('cannot read samples file glob: it is a directory');
    expect((await loadError([])).message).toBe('no samples given');
  });
});

describe('readSamples: strict mode', () => {
  it('throws at the first broken record with its place', async () => {
    const file = await write('strict.jsonl', '{"response":"ok"}\n\n{"customer":"no reply"}\n{"response":1}\n');
    const seen: LoadEvent[] = [];
    let error: unknown;
    try {
      for await (const event of readSamples([file], { cwd: dir, strict: true })) seen.push(event);
    } catch (caught) {
      error = caught;
    }
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.message).toBe(
      'strict.jsonl:3 response: missing field `response` (looked for: response, reply, bot_reply, answer, output, assistant); map it with --field response=<name>',
    );
    expect(inputError.problems).toEqual([
      { location: { file: 'strict.jsonl', line: 3 }, path: 'response', message: expect.stringMatching(/^missing field/) },
    ]);
  });

  it('does not throw for duplicate ids, which are warnings', async () => {
    const file = await write('strict-dupes.jsonl', '{"id":1,"response":"a"}\n{"id":1,"response":"b"}\n');
    expect(samples(await load([file], { strict: true }))).toHaveLength(2);
  });
});

describe('duplicate-id check memory cap', () => {
  it('stops tracking ids past maxTrackedIds with one warning, and keeps every record', async () => {
    const { readSamples } = await import('../../../src/load/samples/index.js');
    const { PassThrough } = await import('node:stream');
    const stdin = new PassThrough();
    const lines = Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `r${i % 4}`, response: `reply ${i}` }));
    stdin.end(lines.join('\n'));
    const events = [];
    for await (const event of readSamples(['-'], { stdin, format: 'jsonl', maxTrackedIds: 3 })) events.push(event);
    const warnings = events.filter((e) => e.type === 'problem');
    expect(events.filter((e) => e.type === 'sample')).toHaveLength(6);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.type === 'problem' && warnings[0]!.problem.message).toMatch(/stopped checking for duplicate ids after 3 records/);
  });
});

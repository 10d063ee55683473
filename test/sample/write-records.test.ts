import { afterAll, describe, expect, it } from 'vitest';
import type { InputRecord } from '../../src/sample/input-record.js';
import { readRecords } from '../../src/sample/read-records.js';
import { formatCsv, formatJsonArray, formatJsonl, formatRecords } from '../../src/sample/write-records.js';
import { collect, scratchDir } from './fixtures.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const record = (value: Record<string, unknown>, overrides: Partial<InputRecord> = {}): InputRecord => ({
  ok: true,
  value,
  line: 1,
  file: 'x.json',
  format: 'json',
  ...overrides,
});

describe('formatJsonl', () => {
  it('writes JSONL input back byte-for-byte', async () => {
    const lines = ['{ "b":1,  "a" : "caf\\u00e9" }', '{"id":"x","n":1.50,"nested":{"z":[1, 2]}}'];
    const file = scratch.write('in.jsonl', `${lines.join('\r\n')}\r\n`);
    const records = await collect(readRecords([file]).records);
    expect(formatJsonl(records)).toBe(`${lines.join('\n')}\n`);
  });

  it('serialises records read from other formats', () => {
    expect(formatJsonl([record({ id: 1 }), record({ id: '2' })])).toBe('{"id":1}\n{"id":"2"}\n');
    expect(formatJsonl([])).toBe('');
  });
});

describe('formatCsv', () => {
  it("uses the first file's header, appends columns met later, and writes nested values as JSON", () => {
    const csv = formatCsv([
      record({ id: '1', response: 'Hi, "there"' }, { format: 'csv', columns: ['id', 'response'] }),
      record({ id: '2', response: 'ok', channel: 'chat', meta: { a: 1 }, none: null }),
    ]);
    expect(csv).toBe('id,response,channel,meta,none\n1,"Hi, ""there""",,,\n2,ok,chat,"{""a"":1}",\n');
  });

  it('round-trips through the CSV reader', async () => {
    const file = scratch.write('in.csv', 'id,response\n1,"multi\nline"\n2,"comma, here"\n');
    const records = await collect(readRecords([file]).records);
    const again = await collect(readRecords([scratch.write('out.csv', formatCsv(records))]).records);
    expect(again.map((r) => r.value)).toEqual(records.map((r) => r.value));
  });

  it('writes nothing for no records', () => {
    expect(formatCsv([])).toBe('');
  });
});

describe('formatJsonArray and formatRecords', () => {
  it('writes an indented array that reads back', async () => {
    const text = formatJsonArray([record({ id: 1 }), record({ id: 2, tags: ['a'] })]);
    expect(JSON.parse(text)).toEqual([{ id: 1 }, { id: 2, tags: ['a'] }]);
    expect(text.endsWith(']\n')).toBe(true);
    expect(formatJsonArray([])).toBe('[]\n');
  });

  it('dispatches on the format', () => {
    const records = [record({ id: 1 })];
    expect(formatRecords(records, 'jsonl')).toBe(formatJsonl(records));
    expect(formatRecords(records, 'csv')).toBe(formatCsv(records));
    expect(formatRecords(records, 'json')).toBe(formatJsonArray(records));
  });
});

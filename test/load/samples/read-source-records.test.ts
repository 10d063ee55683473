import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../../src/load/samples/raw-record.js';
import type { SampleSource } from '../../../src/load/samples/read-sample-source.js';
import { readSourceRecords } from '../../../src/load/samples/read-source-records.js';
import type { InputFormat } from '../../../src/types.js';

async function read(format: InputFormat, ...chunks: string[]): Promise<RawRecord[]> {
  async function* stream(): AsyncGenerator<string> {
    yield* chunks;
  }
  const source: SampleSource = { file: 'in', format, chunks: stream(), invalidUtf8Lines: [] };
  const records: RawRecord[] = [];
  for await (const record of readSourceRecords(source)) records.push(record);
  return records;
}

describe('readSourceRecords', () => {
  it("keeps each JSONL line's exact text, without its terminator or a leading BOM", async () => {
    const records = await read('jsonl', '\uFEFF{ "b":1,  "a" : "caf\\u00e9" }\r\n\n{"n":1.50', '}\n{bad\n');
    expect(records).toEqual([
      { ok: true, value: { b: 1, a: 'café' }, line: 1, text: '{ "b":1,  "a" : "caf\\u00e9" }' },
      { ok: true, value: { n: 1.5 }, line: 3, text: '{"n":1.50}' },
      { ok: false, line: 4, col: 2, message: "invalid JSON: Expected property name or '}'" },
    ]);
  });

  it('gives every CSV record the header, BOM dropped, as one shared array', async () => {
    const records = await read('csv', '\uFEFFid,response\n1,"a\n', 'b"\n2,c\n');
    expect(records).toEqual([
      { ok: true, value: { id: '1', response: 'a\nb' }, line: 2, columns: ['id', 'response'] },
      { ok: true, value: { id: '2', response: 'c' }, line: 4, columns: ['id', 'response'] },
    ]);
    const [first, second] = records as Extract<RawRecord, { ok: true }>[];
    expect(first!.columns).toBe(second!.columns);
  });

  it('reads JSON arrays element by element, with neither text nor columns', async () => {
    expect(await read('json', '[{"id":1},\n {"id":', '2}]')).toEqual([
      { ok: true, value: { id: 1 }, line: 1 },
      { ok: true, value: { id: 2 }, line: 2 },
    ]);
  });
});

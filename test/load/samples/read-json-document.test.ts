import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../../src/load/samples/raw-record.js';
import { readJsonDocumentRecords } from '../../../src/load/samples/read-json-document.js';

async function read(...chunks: string[]): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const record of readJsonDocumentRecords(source(), 'x.json')) records.push(record);
  return records;
}

describe('readJsonDocumentRecords', () => {
  it('streams JSON Lines when the first line is JSON on its own', async () => {
    expect(await read('{"a":1}\n{"a', '":2}\n')).toEqual([
      { ok: true, value: { a: 1 }, line: 1, text: '{"a":1}' },
      { ok: true, value: { a: 2 }, line: 2, text: '{"a":2}' },
    ]);
  });

  it('streams an array element by element', async () => {
    expect((await read('  [{"a":1},\n', '{"a":2}]')).map((r) => r.ok && r.value)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reads a pretty-printed object as one record, across chunks', async () => {
    expect(await read('{\n  "comments": [\n', '    {"id": 1}\n  ]\n}\n')).toEqual([{ ok: true, value: { comments: [{ id: 1 }] }, line: 1 }]);
  });

  it('reports a broken document as one failed record (located where JSON.parse says, else at its start)', async () => {
    const records = await read('{\n  "a": 1,\n  "b": oops\n}\n');
    expect(records).toEqual([{ ok: false, line: expect.any(Number), message: expect.stringMatching(/^invalid JSON: Unexpected token/) }].map((r) => expect.objectContaining(r)));
    expect(records).toHaveLength(1);
  });
});

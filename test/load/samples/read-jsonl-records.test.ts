import { describe, expect, it } from 'vitest';
import { readJsonlRecords } from '../../../src/load/samples/read-jsonl-records.js';

async function* chunked(...parts: string[]): AsyncIterable<string> {
  yield* parts;
}

async function lines(...parts: string[]): Promise<{ line: number; text?: string; ok: boolean }[]> {
  const out = [];
  for await (const record of readJsonlRecords(chunked(...parts))) out.push({ line: record.line, ok: record.ok, ...(record.ok ? { text: record.text } : {}) });
  return out;
}

describe('readJsonlRecords line splitting', () => {
  it('treats CRLF split across chunks as one line break, and a lone CR as a break', async () => {
    expect(await lines('{"a":1}\r', '\n{"a":2}\r{"a":3}')).toEqual([
      { line: 1, ok: true, text: '{"a":1}' },
      { line: 2, ok: true, text: '{"a":2}' },
      { line: 3, ok: true, text: '{"a":3}' },
    ]);
  });

  it('counts blank lines, drops a BOM, keeps a last line without a newline, and survives lines split anywhere', async () => {
    const text = '\ufeff{"a":1}\n\n{"b":\n{"c":3}\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await lines(text.slice(0, cut), text.slice(cut))).toEqual([
        { line: 1, ok: true, text: '{"a":1}' },
        { line: 3, ok: false },
        { line: 4, ok: true, text: '{"c":3}' },
      ]);
    }
  });
});

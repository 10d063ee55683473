import path from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readParquetRecords } from '../../../src/load/samples/read-parquet-records.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { load, where } from '../importers/import-helpers.js';

function writeReplies(dir: string, rowGroupSize: number): string {
  const file = path.join(dir, 'replies.parquet');
  parquetWriteFile({
    filename: file,
    rowGroupSize,
    columnData: [
      { name: 'id', data: ['p1', 'p2', 'p3', 'p4', 'p5'], type: 'STRING' },
      { name: 'customer', data: ['Where is my refund?', 'How do I export?', 'Hi', 'Thanks!', 'Is the API down?'], type: 'STRING' },
      { name: 'response', data: ['Per our policy, refunds take 10 days.', 'Open Billing, then Export.', null, 'Glad to help.', 'It is up now: the outage ended at 09:40.'], type: 'STRING' },
      { name: 'tokens', data: [12n, 7n, 1n, 3n, 9n], type: 'INT64' },
      { name: 'created', data: [1, 2, 3, 4, 5].map((d) => new Date(Date.UTC(2026, 10, d))), type: 'TIMESTAMP' },
    ],
  });
  return file;
}

describe('Parquet input', () => {
  it('streams rows one row group at a time, in order, as plain records (64-bit integers as numbers, timestamps as ISO text)', async () => {
    const dir = tempDir();
    const file = writeReplies(dir, 2);
    const rows = [];
    for await (const row of readParquetRecords(file, 'replies.parquet')) rows.push(row);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]).toEqual({ ok: true, line: 1, value: { id: 'p1', customer: 'Where is my refund?', response: 'Per our policy, refunds take 10 days.', tokens: 12, created: '2026-11-01T00:00:00.000Z' } });
  });

  it('audits rows like JSONL records, by extension, with file:row problems for a row missing its reply', async () => {
    const dir = tempDir();
    writeReplies(dir, 2);
    const { samples, errors } = await load(['replies.parquet'], { cwd: dir });
    expect(samples.map((s) => s.id)).toEqual(['p1', 'p2', 'p4', 'p5']);
    expect(samples[0]?.metadata).toEqual({ tokens: 12, created: '2026-11-01T00:00:00.000Z' });
    expect(errors.map(where)).toEqual(['replies.parquet:3 response: field `response` (`response`) is empty']);
  });

  it('runs platform rows through their importer (Salesforce entries detected from the columns)', async () => {
    const dir = tempDir();
    parquetWriteFile({
      filename: path.join(dir, 'entries.parquet'),
      columnData: [
        { name: 'ConversationId', data: ['A', 'A'], type: 'STRING' },
        { name: 'ActorType', data: ['EndUser', 'Bot'], type: 'STRING' },
        { name: 'Message', data: ['Where is my order?', 'It ships today.'], type: 'STRING' },
        { name: 'EntryTime', data: ['2026-11-06T08:00:00.000+0000', '2026-11-06T08:00:02.000+0000'], type: 'STRING' },
      ],
    });
    const { samples } = await load(['entries.parquet'], { cwd: dir });
    expect(samples.map((s) => [s.id, s.customer, s.response, s.metadata.import_format])).toEqual([['A', 'Where is my order?', 'It ships today.', 'salesforce']]);
  });

  it('refuses Parquet on stdin and a file that is not Parquet, naming the file', async () => {
    const dir = tempDir({ 'fake.parquet': 'id,response\n1,hi\n' });
    await expect(load(['-'], { cwd: dir, format: 'parquet', stdin: process.stdin })).rejects.toThrow(/cannot read Parquet from stdin/);
    await expect(load(['fake.parquet'], { cwd: dir })).rejects.toThrow(InputError);
    await expect(load(['fake.parquet'], { cwd: dir })).rejects.toThrow(/cannot read Parquet file fake\.parquet/);
  });
});

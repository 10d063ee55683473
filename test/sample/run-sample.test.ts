import { afterAll, describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { runSample } from '../../src/sample/run-sample.js';
import { formatRecords } from '../../src/sample/write-records.js';
import { collect, logLines, scratchDir } from './fixtures.js';
import { readRecords } from '../../src/sample/read-records.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const logs5000 = scratch.write('logs.jsonl', logLines(5000));
const ids = (records: { value: Record<string, unknown> }[]) => records.map((r) => r.value['id']);

describe('runSample: size', () => {
  it('samples --size records in input order, and explains the margin they give', async () => {
    const { records, stats } = await runSample({ inputs: [logs5000], size: 400, seed: 'may-audit' });
    expect(records).toHaveLength(400);
    const positions = records.map((r) => r.line);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(stats).toMatchObject({ seen: 5000, read: 5000, size: 400, sizeSource: 'size', format: 'jsonl', seed: 'may-audit', warnings: [] });
    expect(stats.peakHeld).toBe(400);
    // 1.959964 · √(0.25/400) · √(4600/4999) = 0.04700
    expect(stats.margin).toBeCloseTo(0.047, 4);
    expect(stats.explanation).toBe('n = 400 (--size) gives ±4.7% at 95% confidence for a drift rate near 50%, out of 5,000 records');
  });

  it('is reproducible: same seed → identical output; another seed → a different sample', async () => {
    const run = async (seed: string | number) => formatRecords((await runSample({ inputs: [logs5000], size: 50, seed })).records, 'jsonl');
    const first = await run('s');
    expect(await run('s')).toBe(first);
    expect(await run(7)).toBe(await run('7'));
    expect(await run('t')).not.toBe(first);
  });

  it('takes everything when the population is smaller than the size', async () => {
    const small = scratch.write('small.jsonl', logLines(30));
    const { records, stats } = await runSample({ inputs: [small], size: 400, seed: 1 });
    expect(records).toHaveLength(30);
    expect(stats.margin).toBe(0);
    expect(stats.explanation).toBe('all 30 records taken (fewer than the 400 asked for): the sample is the whole population, so there is no sampling error');
  });
});

describe('runSample: margin', () => {
  it('computes the size from the margin with the finite population correction', async () => {
    const { records, stats } = await runSample({ inputs: [logs5000], margin: 0.03, seed: 'fpc' });
    expect(records).toHaveLength(880);
    expect(stats.sizeSource).toBe('margin');
    expect(stats.peakHeld).toBeLessThanOrEqual(1068);
    expect(stats.explanation).toBe('n = 880 gives ±3.0% at 95% confidence for a drift rate near 50%, out of 5,000 records');
  });

  it('honours confidence and expected proportion', async () => {
    const { stats } = await runSample({ inputs: [logs5000], margin: 0.05, confidence: 0.99, proportion: 0.2, seed: 1 });
    // n0 = 2.575829² · 0.16 / 0.0025 = 424.63; 424.63 / (1 + 423.63/5000) = 391.46 → 392.
    expect(stats.size).toBe(392);
    expect(stats.explanation).toMatch(/^n = 392 gives ±5\.0% at 99% confidence for a drift rate near 20%/);
  });
});

describe('runSample: stratified', () => {
  it('stratifies by a field with proportional allocation', async () => {
    const file = scratch.write('strata.jsonl', logLines(1000, ['chat', 'chat', 'chat', 'email', 'voice']));
    const { records, stats } = await runSample({ inputs: [file], size: 50, seed: 's', stratifyBy: 'channel' });
    expect(stats.strata).toEqual([
      { key: 'chat', population: 600, allocated: 30 },
      { key: 'email', population: 200, allocated: 10 },
      { key: 'voice', population: 200, allocated: 10 },
    ]);
    expect(records.filter((r) => r.value['channel'] === 'chat')).toHaveLength(30);
    expect(stats.explanation).toMatch(/; stratified by `channel` \(proportional\) over 3 strata$/);
  });

  it('puts records without the field in a (missing) stratum and supports equal allocation', async () => {
    const file = scratch.write('missing.jsonl', `${logLines(100)}{"id":"orphan"}\n`);
    const { records, stats } = await runSample({ inputs: [file], size: 13, seed: 1, stratifyBy: 'channel', allocation: 'equal' });
    expect(stats.strata?.map((s) => [s.key, s.allocated])).toEqual([['(missing)', 1], ['chat', 4], ['email', 4], ['voice', 4]]);
    expect(ids(records)).toContain('orphan');
  });
});

describe('runSample: time window and bad input', () => {
  it('filters by --since/--until and warns about records without a timestamp', async () => {
    const file = scratch.write('window.jsonl', `${logLines(100)}{"id":"no-time"}\n`);
    // Records are hourly from 2024-05-01T00:00Z: 24 fall on 2 May.
    const { records, stats } = await runSample({ inputs: [file], size: 100, seed: 1, since: '2024-05-02', until: '2024-05-03' });
    expect(records).toHaveLength(24);
    expect(records.every((r) => String(r.value['timestamp']).startsWith('2024-05-02'))).toBe(true);
    expect(stats).toMatchObject({ read: 101, seen: 24, outsideWindow: 76, missingTimestamp: 1 });
    expect(stats.warnings).toEqual([`1 record without a readable \`timestamp\` left out of the --since/--until window (first at ${file}:101)`]);
  });

  it('skips bad lines with a warning, or stops on them under strict', async () => {
    const file = scratch.write('bad.jsonl', `${logLines(10)}oops\n`);
    const seen: number[] = [];
    const { records, stats } = await runSample({ inputs: [file], size: 5, seed: 1, onProblem: (p) => seen.push(p.location.line) });
    expect(records).toHaveLength(5);
    expect(seen).toEqual([11]);
    expect(stats).toMatchObject({ skipped: 1, warnings: ['1 bad record was skipped'] });
    expect(stats.problems[0]?.location).toEqual({ file, line: 11 });
    await expect(runSample({ inputs: [file], size: 5, seed: 1, strict: true })).rejects.toThrow(InputError);
  });

  it('keeps the input format for output, so the sample reads back as the same records', async () => {
    const csv = scratch.write('logs.csv', `id,channel,response\n${Array.from({ length: 40 }, (_, i) => `${i},chat,"reply, ${i}"`).join('\n')}\n`);
    const { records, stats } = await runSample({ inputs: [csv], size: 10, seed: 'csv' });
    expect(stats.format).toBe('csv');
    const again = await collect(readRecords([scratch.write('sample.csv', formatRecords(records, stats.format))]).records);
    expect(again.map((r) => r.value)).toEqual(records.map((r) => r.value));
  });

  it('reads stdin', async () => {
    async function* stdin(): AsyncGenerator<string> {
      yield logLines(20);
    }
    const { records, stats } = await runSample({ inputs: ['-'], size: 5, seed: 1 }, { stdin: stdin() });
    expect(records).toHaveLength(5);
    expect(records[0]!.file).toBe('-');
    expect(stats.format).toBe('jsonl');
  });
});

describe('runSample: options', () => {
  it.each([
    [{ size: 10, margin: 0.03 }, /not both/],
    [{}, /--size N or --margin/],
    [{ size: 0 }, /positive whole number/],
    [{ size: 2.5 }, /positive whole number/],
    [{ margin: 3 }, /--margin must be a fraction/],
    [{ size: 5, confidence: 95 }, /--confidence must be a fraction/],
    [{ size: 5, since: 'last week' }, /--since must be an ISO 8601/],
    [{ size: 5, since: '2024-05-02', until: '2024-05-01' }, /--since must be before --until/],
  ])('rejects %j', async (options, message) => {
    await expect(runSample({ inputs: [logs5000], seed: 1, ...options })).rejects.toThrow(message);
    await expect(runSample({ inputs: [logs5000], seed: 1, ...options })).rejects.toBeInstanceOf(UsageError);
  });

  it('needs an input', async () => {
    await expect(runSample({ inputs: [], size: 1, seed: 1 })).rejects.toBeInstanceOf(UsageError);
  });
});

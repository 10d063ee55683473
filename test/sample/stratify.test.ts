import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/sample/random.js';
import { stratifiedSample } from '../../src/sample/stratify.js';
import { subsample } from '../../src/sample/subsample.js';
import { inclusionChiSquare } from './chi-square.js';

interface Item {
  id: number;
  channel: string;
}

/** 600 chat, 300 email, 100 voice, interleaved so strata are not contiguous. */
function population(): Item[] {
  return Array.from({ length: 1000 }, (_, id) => ({ id, channel: id % 10 < 6 ? 'chat' : id % 10 < 9 ? 'email' : 'voice' }));
}

const countBy = (items: Item[]) => items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [item.channel]: (acc[item.channel] ?? 0) + 1 }), {});

describe('stratifiedSample', () => {
  it('allocates proportionally and takes exactly that many from each stratum, in input order', async () => {
    const result = await stratifiedSample(population(), { size: 50, key: (i) => i.channel, allocation: 'proportional', random: createRandom('strata') });
    expect(result.strata).toEqual([
      { key: 'chat', population: 600, allocated: 30 },
      { key: 'email', population: 300, allocated: 15 },
      { key: 'voice', population: 100, allocated: 5 },
    ]);
    expect(countBy(result.sample)).toEqual({ chat: 30, email: 15, voice: 5 });
    expect(result.sample.map((i) => i.id)).toEqual(result.sample.map((i) => i.id).sort((a, b) => a - b));
    expect(result.seen).toBe(1000);
  });

  it('with equal allocation, takes all of a tiny stratum and spreads the rest', async () => {
    const items = [...population().filter((i) => i.channel !== 'voice'), { id: 5000, channel: 'voice' }, { id: 5001, channel: 'voice' }];
    const result = await stratifiedSample(items, { size: 30, key: (i) => i.channel, allocation: 'equal', random: createRandom('equal') });
    expect(countBy(result.sample)).toEqual({ chat: 14, email: 14, voice: 2 });
    expect(result.strata.find((s) => s.key === 'voice')).toEqual({ key: 'voice', population: 2, allocated: 2 });
  });

  it('holds at most `size` items per stratum', async () => {
    const result = await stratifiedSample(population(), { size: 20, key: (i) => i.channel, allocation: 'proportional', random: createRandom(3) });
    expect(result.peakHeld).toBe(20);
  });

  it('shrinks to a final size that depends on the population', async () => {
    const result = await stratifiedSample(population(), {
      size: 100,
      key: (i) => i.channel,
      allocation: 'proportional',
      random: createRandom(3),
      finalSize: (n) => n / 20,
    });
    expect(result.sample).toHaveLength(50);
  });

  it('is reproducible for a seed and differs across seeds', async () => {
    const run = async (seed: string) =>
      (await stratifiedSample(population(), { size: 40, key: (i) => i.channel, allocation: 'proportional', random: createRandom(seed) })).sample.map((i) => i.id);
    expect(await run('x')).toEqual(await run('x'));
    expect(await run('x')).not.toEqual(await run('y'));
  });

  it('samples uniformly within a stratum', async () => {
    const counts = new Array<number>(100).fill(0);
    for (let rep = 0; rep < 2000; rep++) {
      const result = await stratifiedSample(population(), { size: 50, key: (i) => i.channel, allocation: 'proportional', random: createRandom(`within:${rep}`) });
      for (const item of result.sample) if (item.channel === 'voice') counts[(item.id - 9) / 10]! += 1;
    }
    expect(inclusionChiSquare(counts, 5, 2000).pValue).toBeGreaterThan(0.001);
  });
});

describe('subsample', () => {
  it('draws a uniform subset, in sequence order', () => {
    const items = Array.from({ length: 20 }, (_, seq) => ({ seq, item: seq }));
    const counts = new Array<number>(20).fill(0);
    for (let rep = 0; rep < 20_000; rep++) {
      const chosen = subsample(items, 3, createRandom(`sub:${rep}`));
      expect(chosen.map((e) => e.seq)).toEqual(chosen.map((e) => e.seq).sort((a, b) => a - b));
      for (const { item } of chosen) counts[item]! += 1;
    }
    expect(inclusionChiSquare(counts, 3, 20_000).pValue).toBeGreaterThan(0.001);
    expect(subsample(items, 25, createRandom(1))).toHaveLength(20);
    expect(subsample(items, 0, createRandom(1))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { shareTicks } from '../../src/report/html/svg-frame.js';

describe('shareTicks', () => {
  it('puts round labels on the gridlines they name, with the decimals the step needs', () => {
    expect(shareTicks(0.1).ticks.map((t) => t.label)).toEqual(['0%', '2%', '4%', '6%', '8%', '10%']);
    expect(shareTicks(0.18).ticks.map((t) => t.label)).toEqual(['0%', '5%', '10%', '15%', '20%']);
    expect(shareTicks(0.52)).toEqual({ max: 0.6, ticks: [0, 0.2, 0.4, 0.6].map((share) => ({ share, label: `${share * 100}%` })) });
    expect(shareTicks(0.004).ticks.map((t) => t.label)).toEqual(['0.0%', '0.1%', '0.2%', '0.3%', '0.4%']);
  });

  it('always reaches the largest value and labels every tick exactly', () => {
    for (const max of [0.0001, 0.013, 0.0667, 0.095, 0.33, 0.99, 1]) {
      const { max: top, ticks } = shareTicks(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      for (const t of ticks) expect(Number(t.label.replace('%', '')) / 100).toBeCloseTo(t.share, 10);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/sample/parse-timestamp.js';

const MAY_1_0930_UTC = Date.UTC(2024, 4, 1, 9, 30);

describe('parseTimestamp', () => {
  it.each<[unknown, number]>([
    ['2024-05-01T09:30:00Z', MAY_1_0930_UTC],
    ['2024-05-01T09:30:00.250Z', MAY_1_0930_UTC + 250],
    ['2024-05-01T11:30:00+02:00', MAY_1_0930_UTC],
    ['2024-05-01T04:30:00-0500', MAY_1_0930_UTC],
    ['2024-05-01 09:30', MAY_1_0930_UTC],
    ['2024-05-01T09:30:00', MAY_1_0930_UTC],
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    [MAY_1_0930_UTC / 1000, MAY_1_0930_UTC],
    [MAY_1_0930_UTC, MAY_1_0930_UTC],
    [String(MAY_1_0930_UTC / 1000), MAY_1_0930_UTC],
    ['1714555800.5', MAY_1_0930_UTC + 500],
  ])('reads %j', (value, expected) => {
    expect(parseTimestamp(value)).toBe(expected);
  });

  it.each<unknown>(['2024-02-30', '2024-13-01', '2024-05-01T24:00:00Z', 'May 1 2024', 'yesterday', '', null, undefined, true, {}, Number.NaN])(
    'rejects %j',
    (value) => {
      expect(parseTimestamp(value)).toBeUndefined();
    },
  );

  it('accepts 29 February only in leap years', () => {
    expect(parseTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2023-02-29')).toBeUndefined();
  });
});

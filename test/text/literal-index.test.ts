import { describe, expect, it } from 'vitest';
import { LiteralIndex } from '../../src/text/literal-index.js';

describe('LiteralIndex', () => {
  it('finds every registered literal a text contains, overlapping and nested ones included', () => {
    const index = new LiteralIndex();
    const ids = ['he', 'she', 'his', 'hers', 'refund', 'fund'].map((l) => index.register(l));
    const found = index.scan('ushers get refunds');
    expect(ids.filter((id) => found[id] === 1).map((id) => ['he', 'she', 'his', 'hers', 'refund', 'fund'][id])).toEqual(['he', 'she', 'hers', 'refund', 'fund']);
  });

  it('gives one id per distinct literal and rescans after a new registration', () => {
    const index = new LiteralIndex();
    expect(index.register('team')).toBe(index.register('team'));
    expect(index.scan('our billing team')[0]).toBe(1);
    const later = index.register('billing');
    expect(index.scan('our billing team')[later]).toBe(1);
  });

  it('agrees with a substring search on random texts', () => {
    const literals = ['ab', 'abc', 'bca', 'caa', 'a', 'cc', 'bab'];
    const index = new LiteralIndex();
    for (const l of literals) index.register(l);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => 'abcd'[Math.floor(random() * 4)]).join('');
      const found = index.scan(text);
      expect(literals.map((l, id) => found[id] === 1)).toEqual(literals.map((l) => text.includes(l)));
    }
  });

  it('builds once per burst of registrations, on the next scan', () => {
    const index = new LiteralIndex();
    for (const l of ['refund', 'invoice', 'team']) index.register(l);
    expect(index.builds).toBe(0);
    index.scan('a refund');
    index.scan('an invoice');
    expect(index.builds).toBe(1);
    index.register('team');
    index.scan('the team');
    expect(index.builds).toBe(1);
    index.register('manager');
    expect(index.scan('a manager, née Zoë — 🚀 refund')[index.register('refund')]).toBe(1);
    expect(index.builds).toBe(2);
  });
});

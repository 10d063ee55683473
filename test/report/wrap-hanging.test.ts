import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { wrapHanging } from '../../src/report/terminal/wrap-hanging.js';

describe('wrapHanging on plain text', () => {
  it('wraps single-spaced plain text exactly as wrap-ansi does (greedy, hard breaks for long words)', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const vocabulary = ['a', 'to', 'the', 'reply', 'customer', 'escalation', 'Settings', 'API', 'keys,', '—', 'don’t', 'é', 'supercalifragilisticexpialidocious', '12:30', '(ok)'];
    for (let n = 0; n < 400; n++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 40) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
      const text = words.join(' ');
      const width = 16 + Math.floor(random() * 70);
      expect(wrapHanging('', text, width), `${width}: ${text}`).toBe(wrapAnsi(text, width, { hard: true }));
    }
  });

  it('leaves text that fits unchanged, inner double spaces included, as wrap-ansi does', () => {
    for (const text of ['check  pass', 'a  b   c', 'rule  error  3', 'x']) {
      expect(wrapHanging('', text, 40)).toBe(wrapAnsi(text, 40, { hard: true }));
      expect(wrapHanging('', text, 40)).toBe(text);
    }
  });
});

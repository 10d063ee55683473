import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/reporter.js';
import { createTerminalReporter } from '../../src/report/terminal.js';
import { wrapHanging } from '../../src/report/terminal/wrap-hanging.js';
import { CTX, reportAudit } from './report-fixtures.js';

const render = (ctx: Partial<typeof CTX> = {}) => renderReport(createTerminalReporter(), reportAudit(), { ...CTX, ...ctx });

function widest(text: string): number {
  return Math.max(...stripAnsi(text).split('\n').map((line) => stringWidth(line)));
}

describe('terminal reporter', () => {
  it('renders drifting and ungraded replies, then the tables, the headline and the gate last (snapshot)', () => {
    const out = render();
    expect(out).toMatchSnapshot();
    expect(out.trimEnd().split('\n').at(-3)).toBe('gate: FAILED');
  });

  it('wraps to 60 columns with words kept whole (snapshot)', () => {
    const out = render({ width: 60 });
    expect(out).toMatchSnapshot();
    expect(widest(out)).toBeLessThanOrEqual(60);
  });

  it('keeps colour codes out of the width count and never runs past the width, at any width', () => {
    for (const width of [40, 60, 80, 120]) expect(widest(render({ width, colorLevel: 3 }))).toBeLessThanOrEqual(width);
  });

  it('lists at most showLimit replies and says how many more there are and how to see them', () => {
    const out = render({ showLimit: 2 });
    expect(out.match(/^\S+ {2}replies\.jsonl:\d+ {2}(drift|ungraded)$/gm)).toHaveLength(2);
    expect(out).toContain('… 3 more replies not shown (the first 2 are above, in input order): --show all lists every one');
  });

  it('lists no reply with quiet, only the summary and the gate', () => {
    const out = render({ quiet: true });
    expect(out).not.toContain('reply:');
    expect(out).toContain('5 replies not listed (--quiet)');
    expect(out).toContain('gate: FAILED');
  });
});

describe('wrapHanging', () => {
  it('moves whole words to a line indented under the text', () => {
    expect(wrapHanging('  reply:    ', 'one two three four five six seven', 30)).toBe('  reply:    one two three four\n            five six seven');
  });

  it('indents continuation lines by `hanging` when asked, and keeps line breaks of the text', () => {
    expect(wrapHanging('    warning  rule-id  ', 'aaa bbb ccc ddd eee fff', 40, 6)).toBe('    warning  rule-id  aaa bbb ccc ddd\n      eee fff');
    expect(wrapHanging('> ', 'a\nb', undefined)).toBe('> a\n  b');
  });

  it('puts a prefix that leaves too little room on a line of its own', () => {
    expect(wrapHanging('    a-very-long-label-here   ', 'text that wraps', 34, 6)).toBe('    a-very-long-label-here\n      text that wraps');
  });

  it('breaks only a word longer than a whole line', () => {
    const out = wrapHanging('', `short ${'x'.repeat(30)} end`, 20);
    expect(widest(out)).toBeLessThanOrEqual(20);
    expect(out.replace(/\n/g, '')).toBe(`short ${'x'.repeat(30)} end`);
  });
});

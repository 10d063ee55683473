import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml } from '../../src/report/escape.js';

describe('escapeHtml', () => {
  it('escapes markup and shows control characters instead of passing them through', () => {
    expect(escapeHtml('<script>"a" & \'b\'</script>')).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
    expect(escapeHtml('\u001b[31mred\u0007 \u0000 \u009b')).toBe('\\x1b[31mred\\x07 \\x00 \\x9b');
  });

  it('keeps tabs, newlines and carriage returns', () => {
    expect(escapeHtml('a\tb\r\nc')).toBe('a\tb\r\nc');
  });
});

describe('escapeXml', () => {
  it('drops characters XML 1.0 forbids and escapes markup', () => {
    expect(escapeXml('\u001b[31m<b>\u0000')).toBe('[31m&lt;b&gt;');
  });
});

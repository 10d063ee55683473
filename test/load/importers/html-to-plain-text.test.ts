import { describe, expect, it } from 'vitest';
import { htmlToPlainText, looksLikeHtml } from '../../../src/load/importers/html-to-plain-text.js';

describe('htmlToPlainText', () => {
  it.each([
    ['<p>Per our policy, no.</p>', 'Per our policy, no.'],
    ['<div><p>First.</p><p>Second &amp; last.</p></div>', 'First.\n\nSecond & last.'],
    ['Line one<br>Line two', 'Line one\nLine two'],
    ['<h2>Refunds</h2><p>Here is how.</p>', 'Refunds\n\nHere is how.'],
    ['See <a href="https://example.com/help?token=abc">our guide</a>.', 'See our guide.'],
    ['<p>Logo <img src="x.png" alt="logo"> here</p>', 'Logo here'],
    ['<ul><li>one</li><li>two</li></ul>', '* one\n * two'],
    ['<p>unclosed <b>bold', 'unclosed bold'],
    ['Plain text, no tags:  kept as is.', 'Plain text, no tags:  kept as is.'],
  ])('%j → %j', (html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });
});

describe('looksLikeHtml', () => {
  it.each([
    ['<p>Per our policy, no.</p>', true],
    ['Line<br/>break', true],
    ['<div class="x">hi</div>', true],
    ['a < b and c > d', false],
    ['I <3 this', false],
    ['Use <your-api-key> in the header', false],
  ])('%j → %s', (text, html) => {
    expect(looksLikeHtml(text)).toBe(html);
  });
});

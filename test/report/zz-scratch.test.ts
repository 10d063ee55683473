import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseStyleGuide } from '../../src/load/styleguide/index.js';
import { renderGuideMarkdown, renderGuideHtml } from '../../src/report/guide/index.js';
it('x', () => {
  const g = parseStyleGuide(readFileSync('styleguide/northwind.yaml', 'utf8'), 'styleguide/northwind.yaml');
  writeFileSync('/tmp/ra/guide.md', renderGuideMarkdown(g));
  writeFileSync('/tmp/ra/guide.html', renderGuideHtml(g));
});

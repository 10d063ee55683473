import { describe, expect, it } from 'vitest';
import { isReportFormat, REPORTERS } from '../../src/report/registry.js';

describe('report registry', () => {
  it('offers the Markdown, JUnit and GitHub formats', () => {
    for (const name of ['markdown', 'junit', 'github']) expect(isReportFormat(name)).toBe(true);
    expect(REPORTERS.markdown.extension).toBe('md');
    expect(REPORTERS.junit.extension).toBe('xml');
    expect(REPORTERS.github.extension).toBe('txt');
  });
});

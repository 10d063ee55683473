import { describe, expect, it } from 'vitest';
import { calibrate, type LabelRecord } from '../../../src/calibrate/index.js';
import { CALIBRATION_REPORTERS, renderCalibrationHtml, renderCalibrationJson, renderCalibrationMarkdown, renderCalibrationTerminal } from '../../../src/report/calibration/index.js';
import { makeAudit, makeGrade, makeSample } from '../../helpers/audit-factory.js';

const evil = '<script>alert(1)</script>\u001b[31m|x|';
const ids = Array.from({ length: 24 }, (_, i) => `s${i + 1}`);
const samples = ids.map((id, i) => makeSample({ id, grade: makeGrade({ [evil]: i % 2 ? 4 : 2, clarity: i % 3 ? 4 : 3 }), verdict: i % 2 ? 'pass' : 'drift' }));
const audit = makeAudit({ samples, dimensions: [{ id: evil, min: 3 }, { id: 'clarity', min: 3 }], guide: { brand: evil, version: '1', hash: 'a'.repeat(64), file: 'g.yaml' } });
const records: LabelRecord[] = ids.map((id, i) => ({ id, verdict: i % 2 ? 'ok' : 'drift', scores: { [evil]: i % 2 ? 4 : 1, clarity: 4 }, location: { file: 'l', line: i + 1 } }));
const report = calibrate(audit, { file: `labels-${evil}.jsonl`, sha256: 'c'.repeat(64), records, warnings: [] }, { resamples: 50 });

describe('calibration reporters', () => {
  it('registers the four formats', () => {
    expect(Object.keys(CALIBRATION_REPORTERS)).toEqual(['terminal', 'json', 'markdown', 'html']);
  });

  it('terminal: shows verdict, dimension and threshold sections and neutralises control characters', () => {
    const text = renderCalibrationTerminal(report, { colorLevel: 0 });
    expect(text).toContain('Drift verdict (n=24)');
    expect(text).toContain('κ quadratic (95% CI)');
    expect(text).toContain('held-out check half');
    expect(text).toContain('fit half (in-sample');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\x1b[31m');
  });

  it('json: the report under a kind and version, deterministic', () => {
    const parsed = JSON.parse(renderCalibrationJson(report));
    expect(parsed.kind).toBe('tone-audit-calibration-report');
    expect(parsed.version).toBe(1);
    expect(parsed.dimensions[1].confusion).toHaveLength(5);
    expect(renderCalibrationJson(report)).toBe(renderCalibrationJson(calibrate(audit, { file: `labels-${evil}.jsonl`, sha256: 'c'.repeat(64), records, warnings: [] }, { resamples: 50 })));
  });

  it('markdown: escapes text in prose and table cells', () => {
    const md = renderCalibrationMarkdown(report);
    expect(md).toContain('### Suggested minimums');
    expect(md).not.toContain('<script>');
    // In table cells `|` is escaped so it cannot split a cell; in prose it is plain text.
    expect(md.split('\n').filter((line) => line.startsWith('|')).join('\n')).not.toMatch(/[^\\]\|x/);
    expect(md).toContain('\\|x\\|');
    expect(md).not.toContain('\u001b');
  });

  it('html: self-contained, escaped, with heatmaps', () => {
    const html = renderCalibrationHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<link|src=|href=/);
    expect(html).toContain('class="heat"');
    expect(html).toMatch(/background: rgba\(43, 76, 126, 1\.000\)/);
  });
});

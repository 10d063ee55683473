import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const guideText = readFileSync(path.join(root, 'styleguide/northwind.yaml'), 'utf8');
const sampleLines = readFileSync(path.join(root, 'samples/support-replies.jsonl'), 'utf8').trim().split('\n').slice(0, 40);
const styles = new Map(
  readFileSync(path.join(root, 'samples/support-replies.labels.jsonl'), 'utf8').trim().split('\n').map((line) => {
    const { id, style } = JSON.parse(line) as { id: string; style: string };
    return [id, style];
  }),
);
const ids = sampleLines.map((line) => (JSON.parse(line) as { id: string }).id);
/** Labels from the bundled samples' generation styles, with a made-up empathy score so dimension figures exist. */
const labelsJsonl = ids.map((id) => {
  const ok = styles.get(id) === 'on-brand';
  return JSON.stringify({ id, label: ok ? 'ok' : 'drift', reviewer: 'qa', scores: { empathy: ok ? 4 : 2 } });
}).join('\n') + '\n';

function project(extra: Record<string, string> = {}): string {
  return tempDir({ 'guide.yaml': guideText, 'samples.jsonl': sampleLines.join('\n') + '\n', 'labels.jsonl': labelsJsonl, ...extra });
}

describe('tone-audit calibrate', () => {
  it('audits samples in-process and writes a JSON report with every section', async () => {
    const dir = project();
    const run = await runCli(['calibrate', '--labels', 'labels.jsonl', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'heuristic', '--format', 'json', '--resamples', '200'], { cwd: dir });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.kind).toBe('tone-audit-calibration-report');
    expect(report.grader.kind).toBe('heuristic');
    expect(report.labels).toMatchObject({ file: 'labels.jsonl', count: 40, samples: 40, matched: 40 });
    expect(report.bootstrap).toEqual({ resamples: 200, seed: 'tone-audit-calibrate' });
    const empathy = report.dimensions.find((d: { id: string }) => d.id === 'empathy');
    expect(empathy.n).toBe(40);
    expect(empathy.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(40);
    expect(typeof empathy.kappa.estimate).toBe('number');
    expect(report.verdict.n + report.verdict.ungraded).toBe(40);
    expect(report.verdict.baselines.alwaysOk.kappa).toBe(0);
    expect(report.split.rule).toMatch(/sha256/);
    expect(Object.keys(report.thresholds.suggested)).toEqual(['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice']);
    expect(report.thresholds.check.suggested.n).toBe(report.split.check);
    // Calibrate measures the raw judge: it never says the judge is uncalibrated.
    expect(run.stderr).not.toContain('uncalibrated');
  });

  it('reads an audit JSON with --audit and prints the terminal report', async () => {
    const dir = project();
    const audit = await runCli(['audit', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'heuristic', '--format', 'json', '--output', 'audit.json'], { cwd: dir });
    expect(audit.code).toBeLessThan(2);
    const run = await runCli(['calibrate', '--labels', 'labels.jsonl', '--audit', 'audit.json', '--resamples', '50'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Drift verdict (n=');
    expect(run.stdout).toContain('reported on the held-out check half');
  });

  it('--write saves a record that audit --calibration applies and names; a changed guide makes it stale', async () => {
    const dir = project();
    const write = await runCli(['calibrate', '--labels', 'labels.jsonl', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'heuristic', '--write', 'cal.json', '--resamples', '20'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('wrote calibration record cal.json');
    const record = JSON.parse(readFileSync(path.join(dir, 'cal.json'), 'utf8'));
    expect(record).toMatchObject({ kind: 'tone-audit-calibration', version: 1, createdAt: '2026-11-23T12:00:00.000Z', grader: { kind: 'heuristic' }, labels: { file: 'labels.jsonl', count: 40 } });
    expect(record.guide.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.labels.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(record.dimensions)).toHaveLength(5);
    expect(record.heldOut.n).toBeGreaterThan(0);

    // Make the effect unmistakable: every minimum 5.0 (a heuristic score below 5 drifts, policy permitting) vs 1.0 (never).
    const strict = { ...record, dimensions: Object.fromEntries(Object.keys(record.dimensions).map((id) => [id, { min: 5 }])) };
    const lenient = { ...record, dimensions: Object.fromEntries(Object.keys(record.dimensions).map((id) => [id, { min: 1 }])) };
    writeFileSync(path.join(dir, 'strict.json'), JSON.stringify(strict));
    writeFileSync(path.join(dir, 'lenient.json'), JSON.stringify(lenient));
    const args = ['audit', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'heuristic', '--format', 'json'];
    const strictRun = await runCli([...args, '--calibration', 'strict.json'], { cwd: dir });
    const lenientRun = await runCli([...args, '--calibration', 'lenient.json'], { cwd: dir });
    const strictResult = JSON.parse(strictRun.stdout);
    const lenientResult = JSON.parse(lenientRun.stdout);
    expect(strictResult.summary.dimensions.map((d: { min: number }) => d.min)).toEqual([5, 5, 5, 5, 5]);
    expect(strictResult.calibration).toMatchObject({ file: 'strict.json', createdAt: '2026-11-23T12:00:00.000Z', stale: false });
    expect(strictResult.calibration.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(strictResult.summary.drifting).toBeGreaterThan(lenientResult.summary.drifting);
    expect(lenientResult.samples.every((s: { grade: { drift: string } }) => s.grade.drift === 'on-brand')).toBe(true);
    expect(strictRun.stderr).not.toContain('uncalibrated');
    expect(strictRun.stderr).not.toContain('stale');

    // Through the config file too (path relative to the config file).
    writeFileSync(path.join(dir, '.toneauditrc.yaml'), 'calibration: strict.json\n');
    const fromConfig = JSON.parse((await runCli(args, { cwd: dir })).stdout);
    expect(fromConfig.calibration.file).toBe('strict.json');

    writeFileSync(path.join(dir, 'guide.yaml'), `${guideText}\n# edited\n`);
    const stale = await runCli([...args, '--calibration', 'strict.json'], { cwd: dir });
    expect(stale.stderr).toContain('warning: calibration strict.json is stale: the style guide changed since it was measured');
    expect(JSON.parse(stale.stdout).calibration.stale).toBe(true);
  });

  it('audit says once that the judge is uncalibrated when a grader runs without a calibration', async () => {
    const dir = project();
    const run = await runCli(['audit', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'heuristic', '--format', 'json'], { cwd: dir });
    expect(run.stderr.match(/uncalibrated/g)).toHaveLength(1);
    expect(run.stderr).toContain('tone-audit calibrate');
    expect(JSON.parse(run.stdout).calibration).toBeUndefined();
  });

  it('exits 2 when no labelled id matches an audited sample', async () => {
    const dir = project({ 'other.jsonl': '{"id":"zz-1","label":"ok"}\n{"id":"zz-2","label":"drift"}\n' });
    const run = await runCli(['calibrate', '--labels', 'other.jsonl', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'none'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: none of the 2 labelled sample id(s) in other.jsonl match the 40 audited sample(s)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns with a count and examples when some labelled ids are unknown', async () => {
    const dir = project({ 'some.jsonl': `${labelsJsonl}{"id":"zz-1","label":"ok"}\n` });
    const run = await runCli(['calibrate', '--labels', 'some.jsonl', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'none', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: 1 labelled id(s) match no audited sample and are left out (e.g. zz-1)');
  });

  it('exits 2 with file:line and field for bad labels, a missing label file, or an empty one', async () => {
    const dir = project({ 'bad.jsonl': '{"id":"nw-000100","label":"maybe"}\n', 'empty.jsonl': '' });
    const bad = await runCli(['calibrate', '--labels', 'bad.jsonl', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'none'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: bad.jsonl:1 label: expected ok or drift, got "maybe"');
    const missing = await runCli(['calibrate', '--labels', 'nope.jsonl', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'none'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: cannot read label file nope.jsonl: no such file');
    const empty = await runCli(['calibrate', '--labels', 'empty.jsonl', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'none'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('error: label file empty.jsonl has no labels');
  });

  it('exits 2 for an unknown dimension, a missing calibration record, and conflicting inputs', async () => {
    const dir = project({ 'dim.csv': 'id,label,empaty\nnw-000100,ok,4\n' });
    const dim = await runCli(['calibrate', '--labels', 'dim.csv', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'none'], { cwd: dir });
    expect(dim.code).toBe(2);
    expect(dim.stderr).toContain('error: dim.csv:2 empaty: unknown dimension "empaty" (did you mean empathy?)');
    const noRecord = await runCli(['audit', 'samples.jsonl', '--guide', 'guide.yaml', '--grader', 'none', '--calibration', 'missing.json'], { cwd: dir });
    expect(noRecord.code).toBe(2);
    expect(noRecord.stderr).toContain('error: cannot read the calibration record missing.json: no such file');
    const both = await runCli(['calibrate', '--labels', 'labels.jsonl', '--audit', 'a.json', 'samples.jsonl'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
  });

  it('has --help with examples', async () => {
    const run = await runCli(['calibrate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tone-audit calibrate --labels labels.jsonl --audit audit.json');
  });
});

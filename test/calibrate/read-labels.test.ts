import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabels } from '../../src/calibrate/index.js';
import { InputError, formatProblem } from '../../src/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

const DIMENSIONS = ['empathy', 'tone-match', 'clarity'];

async function read(name: string, content: string, dimensions: string[] | null = DIMENSIONS) {
  const dir = tempDir({ [name]: content });
  return readLabels(path.join(dir, name), name, dimensions ?? undefined);
}

async function problemsOf(name: string, content: string): Promise<string[]> {
  const error = await read(name, content).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems.map(formatProblem);
}

describe('readLabels', () => {
  it('reads JSONL with id aliases, pass as ok, reviewers and scores, and hashes the bytes', async () => {
    const text = [
      '{"id": "a", "label": "ok", "scores": {"empathy": 4, "clarity": 5}}',
      '',
      '{"sample_id": "b", "verdict": "drift", "reviewer": "kim", "scores": {"tone-match": 1}}',
      '{"sampleId": 7, "label": "PASS"}',
    ].join('\n');
    const labels = await read('labels.jsonl', text);
    expect(labels.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(labels.records.map(({ id, verdict, reviewer, scores }) => ({ id, verdict, reviewer, scores }))).toEqual([
      { id: 'a', verdict: 'ok', reviewer: undefined, scores: { empathy: 4, clarity: 5 } },
      { id: 'b', verdict: 'drift', reviewer: 'kim', scores: { 'tone-match': 1 } },
      { id: '7', verdict: 'ok', reviewer: undefined, scores: {} },
    ]);
    expect(labels.records[1]!.location).toEqual({ file: 'labels.jsonl', line: 3 });
  });

  it('reads CSV with dimension columns and score.<dim> columns; empty cells are unscored', async () => {
    const labels = await read('labels.csv', 'id,label,reviewer,empathy,score.clarity,note\na,ok,kim,4,,fine\na,drift,lee,2,3,"cold, curt"\n');
    expect(labels.records.map(({ id, verdict, reviewer, scores, location }) => ({ id, verdict, reviewer, scores, line: location.line }))).toEqual([
      { id: 'a', verdict: 'ok', reviewer: 'kim', scores: { empathy: 4 }, line: 2 },
      { id: 'a', verdict: 'drift', reviewer: 'lee', scores: { empathy: 2, clarity: 3 }, line: 3 },
    ]);
  });

  it('keeps several reviewers per sample and warns when one reviewer labels a sample twice', async () => {
    const labels = await read('l.jsonl', '{"id":"a","label":"ok","reviewer":"kim"}\n{"id":"a","label":"drift","reviewer":"lee"}\n{"id":"a","label":"drift","reviewer":"kim"}\n');
    expect(labels.records.map((r) => r.reviewer)).toEqual(['kim', 'lee']);
    expect(labels.warnings).toEqual(['l.jsonl:3: reviewer "kim" already labelled a; this row is ignored']);
  });

  it('reports a bad verdict as file:line label: expected ok or drift', async () => {
    expect(await problemsOf('l.jsonl', '{"id":"a","label":"ok"}\n{"id":"b","label":"maybe"}\n')).toEqual(['l.jsonl:2 label: expected ok or drift, got "maybe"']);
  });

  it('reports scores that are not whole numbers 1–5, and a missing verdict or id, all at once', async () => {
    const problems = await problemsOf('l.jsonl', '{"id":"a","label":"ok","scores":{"empathy":4.5}}\n{"id":"b","label":"ok","scores":{"clarity":6}}\n{"id":"c"}\n{"label":"ok"}\n');
    expect(problems).toEqual([
      'l.jsonl:1 scores.empathy: expected a whole number from 1 to 5, got 4.5',
      'l.jsonl:2 scores.clarity: expected a whole number from 1 to 5, got 6',
      'l.jsonl:3 label: missing; expected ok or drift',
      'l.jsonl:4 id: missing; expected the sample id (id, sample_id or sampleId)',
    ]);
  });

  it('reports an unknown dimension with a did-you-mean, in JSONL and in CSV', async () => {
    expect(await problemsOf('l.jsonl', '{"id":"a","label":"ok","scores":{"empaty":4}}\n')).toEqual(['l.jsonl:1 scores.empaty: unknown dimension "empaty" (did you mean empathy?)']);
    expect(await problemsOf('l.csv', 'id,label,claritty\na,ok,4\n')).toEqual(['l.csv:2 claritty: unknown dimension "claritty" (did you mean clarity?)']);
    expect(await problemsOf('l.csv', 'id,label,score.warmth\na,ok,4\n')).toEqual(['l.csv:2 score.warmth: unknown dimension "warmth"']);
  });

  it('reports broken JSON lines with their line', async () => {
    const problems = await problemsOf('l.jsonl', '{"id":"a","label":"ok"}\n{oops\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^l\.jsonl:2:2 +invalid JSON/);
  });

  it('rejects an empty file and a missing file', async () => {
    await expect(read('l.jsonl', '\n\n')).rejects.toThrow('label file l.jsonl has no labels');
    await expect(readLabels('/nonexistent/labels.jsonl', 'labels.jsonl', DIMENSIONS)).rejects.toThrow('cannot read label file labels.jsonl: no such file');
  });

  it('does not check score names when the judge has no dimensions', async () => {
    const labels = await read('l.jsonl', '{"id":"a","label":"ok","scores":{"anything":3}}\n', null);
    expect(labels.records[0]!.scores).toEqual({ anything: 3 });
  });
});

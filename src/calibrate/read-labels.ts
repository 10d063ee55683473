import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { formatFromExtension, sniffFormat } from '../load/samples/detect-format.js';
import type { RawRecord } from '../load/samples/raw-record.js';
import { readCsvRecords } from '../load/samples/read-csv-records.js';
import { readJsonRecords } from '../load/samples/read-json-records.js';
import { readJsonlRecords } from '../load/samples/read-jsonl-records.js';
import type { InputFormat, Problem } from '../types.js';
import type { LabelSet } from './label-record.js';
import { parseLabelRecord } from './parse-label-record.js';

/**
 * Reads reviewers' labels from JSONL (or a JSON array) or CSV, streamed; the format comes from the
 * extension, else from the first character. Every problem in the file is collected and reported
 * at once (file:line and field) as an {@link InputError}: a missing file, broken JSON, a bad
 * verdict or score, a dimension the guide does not have, or a file with no labels.
 * `dimensions` are the guide's dimension ids, against which score fields are checked (undefined:
 * not checked, see {@link parseLabelRecord}).
 */
export async function readLabels(path: string, file: string, dimensions: readonly string[] | undefined): Promise<LabelSet> {
  try {
    if ((await stat(path)).isDirectory()) throw new InputError(`cannot read label file ${file}: it is a directory`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read label file ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message)}`, {
      hint: 'pass reviewers\' labels with --labels <file.jsonl|file.csv>',
    });
  }
  const hash = createHash('sha256');
  const chunks = hashedChunks(path, hash);
  const { format, replayed } = await detectFormat(path, chunks);
  const records = [];
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for await (const raw of readRecords(format, replayed, file)) {
    if (!raw.ok) {
      problems.push({ location: { file, line: raw.line, ...(raw.col ? { col: raw.col } : {}) }, path: '', message: raw.message });
      continue;
    }
    const parsed = parseLabelRecord(raw.value, { file, line: raw.line }, dimensions, raw.columns);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const label = parsed.label;
    if (label.reviewer !== undefined) {
      const key = `${label.id}\u0000${label.reviewer}`;
      if (seen.has(key)) {
        warnings.push(`${file}:${raw.line}: reviewer "${label.reviewer}" already labelled ${label.id}; this row is ignored`);
        continue;
      }
      seen.add(key);
    }
    records.push(label);
  }
  if (problems.length > 0) {
    throw new InputError(`invalid label file ${file}`, { problems, hint: 'each label needs an id, a label (ok or drift) and optional whole-number scores 1–5 per dimension' });
  }
  if (records.length === 0) {
    throw new InputError(`label file ${file} has no labels`, { hint: 'one label per line, e.g. {"id": "nw-000100", "label": "drift", "scores": {"empathy": 2}}' });
  }
  return { file, sha256: hash.digest('hex'), records, warnings };
}

function readRecords(format: InputFormat, chunks: AsyncIterable<string>, file: string): AsyncGenerator<RawRecord> {
  if (format === 'csv') return readCsvRecords(chunks);
  if (format === 'json') return readJsonRecords(chunks, file);
  return readJsonlRecords(chunks);
}

/** UTF-8 text of the file in chunks, feeding every byte to `hash` as it passes. */
async function* hashedChunks(path: string, hash: ReturnType<typeof createHash>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function detectFormat(path: string, chunks: AsyncGenerator<string>): Promise<{ format: InputFormat; replayed: AsyncIterable<string> }> {
  const fromExtension = formatFromExtension(path);
  if (fromExtension) return { format: fromExtension, replayed: chunks };
  const head: string[] = [];
  let sniffed: InputFormat | undefined;
  while (sniffed === undefined) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    sniffed = sniffFormat(head.join(''));
  }
  async function* replay(): AsyncGenerator<string> {
    yield* head;
    yield* chunks;
  }
  return { format: sniffed ?? 'jsonl', replayed: replay() };
}

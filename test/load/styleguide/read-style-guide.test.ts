import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { readStyleGuide } from '../../../src/load/styleguide/index.js';
import { guideText } from './guide-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tone-audit-guide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(path: string): Promise<ConfigError> {
  const error: unknown = await readStyleGuide(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

describe('readStyleGuide', () => {
  it('reads and parses the bundled guide', async () => {
    const guide = await readStyleGuide('styleguide/northwind.yaml');
    expect(guide.source.file).toBe('styleguide/northwind.yaml');
    expect(guide.source.hash).toBe(createHash('sha256').update(readFileSync('styleguide/northwind.yaml')).digest('hex'));
  });

  it('hashes the bytes, BOM included, and still parses a file saved with a BOM', async () => {
    const path = join(dir, 'bom.yaml');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(guideText())]);
    writeFileSync(path, bytes);
    const guide = await readStyleGuide(path);
    expect(guide.brand).toBe('Acme Support');
    expect(guide.positions.brand).toEqual({ file: path, line: 1, col: 8 });
    expect(guide.source.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('a missing file names the path and points at --guide', async () => {
    const path = join(dir, 'nope.yaml');
    const error = await rejection(path);
    expect(error.message).toBe(`cannot read style guide ${path}: no such file`);
    expect(error.hint).toContain('--guide');
    expect(error.problems).toEqual([{ location: { file: path, line: 1 }, path: '', message: 'cannot read the style guide: no such file' }]);
  });

  it('a directory is not a guide', async () => {
    expect((await rejection(dir)).message).toBe(`cannot read style guide ${dir}: it is a directory, not a file`);
  });

  it('rejects bytes that are not UTF-8', async () => {
    const path = join(dir, 'latin1.yaml');
    writeFileSync(path, Buffer.from('brand: Caf\xe9\n', 'latin1'));
    const error = await rejection(path);
    expect(error.message).toBe(`style guide ${path} is not UTF-8 text`);
    expect(error.hint).toBe('save the file as UTF-8 (YAML requires it)');
  });

  it('passes parse problems through with the real path', async () => {
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, guideText({ brand: null }));
    const error = await rejection(path);
    expect(error.problems.map((p) => [p.location, p.message])).toEqual([[{ file: path, line: 1, col: 1 }, 'missing required key `brand`']]);
  });
});

import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomicFile, writeFileAtomically } from '../src/atomic-file.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'atomic-file-'));

describe('openAtomicFile', () => {
  it('shows nothing under the name until commit, then the whole text', async () => {
    const dir = await scratch();
    const file = path.join(dir, 'nested', 'out.jsonl');
    const out = await openAtomicFile(file);
    for (let i = 0; i < 2000; i++) await out.write(`${'x'.repeat(100)}${i}\n`);
    expect(await readdir(path.dirname(file))).toEqual([expect.stringMatching(/^out\.jsonl\.[0-9a-f]{8}\.tmp$/)]);
    await out.commit();
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')).toHaveLength(2001);
    expect(await readdir(path.dirname(file))).toEqual(['out.jsonl']);
  });

  it('discard keeps the file that was there and leaves no temp file', async () => {
    const dir = await scratch();
    const file = path.join(dir, 'report.md');
    await writeFile(file, 'old\n');
    const out = await openAtomicFile(file);
    await out.write('half of a new report');
    await out.discard();
    expect(await readFile(file, 'utf8')).toBe('old\n');
    expect(await readdir(dir)).toEqual(['report.md']);
  });

  it('fails with the file system error when the folder cannot be made', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'blocker'), '');
    await expect(openAtomicFile(path.join(dir, 'blocker', 'out.json'))).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('leaves a missing folder missing when asked not to create it', async () => {
    const dir = await scratch();
    await expect(openAtomicFile(path.join(dir, 'missing', 'backlog.jsonl'), { createFolder: false })).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writeFileAtomically', () => {
  it('replaces the file whole', async () => {
    const dir = await scratch();
    const file = path.join(dir, 'cache.json');
    await writeFileAtomically(file, 'one\n');
    await writeFileAtomically(file, 'two\n');
    expect(await readFile(file, 'utf8')).toBe('two\n');
    expect(await readdir(dir)).toEqual(['cache.json']);
  });
});

import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeJsonFile } from '../../../src/grader/llm/write-json-file.js';

describe('writeJsonFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-json-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes indented JSON with a final newline, creating missing folders and replacing an old file', async () => {
    const file = join(dir, 'a', 'b', 'state.json');
    await writeJsonFile(file, { round: 1 });
    await writeJsonFile(file, { round: 2, ids: ['x'] });
    expect(await readFile(file, 'utf8')).toBe('{\n  "round": 2,\n  "ids": [\n    "x"\n  ]\n}\n');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['state.json']);
  });

  // Regression: the batch state writer left its temp file behind when the rename failed.
  it('leaves no temp file behind when the write fails', async () => {
    const file = join(dir, 'taken');
    await mkdir(file);
    await expect(writeJsonFile(file, { round: 1 })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRareWords } from '../../../src/grader/heuristic/find-rare-words.js';
import { readCommonWords } from '../../../src/grader/heuristic/read-common-words.js';

// Replies written for this test, from several trades; none comes from an evaluation set.
describe('findRareWords', () => {
  const common = readCommonWords();

  it('finds trade words everyday English rarely uses', () => {
    const reply = 'The disbursement is pending reconveyance, after which the lienholder releases the title.';
    expect(findRareWords(reply, 'when do I get my car title?', common)).toEqual(['disbursement', 'reconveyance', 'lienholder']);
  });

  it('reads roots, prefixes and British spellings as the everyday words they are', () => {
    const reply = 'I rebooked your visit, cancelling the old one; the authorisation is unaffected and your colour choice is saved.';
    expect(findRareWords(reply, 'can you move my appointment?', common)).toEqual([]);
  });

  it("skips the customer's own words, names and capitalised words, and contractions", () => {
    expect(findRareWords('Your wayleave request is with Openreach; it’s moving.', 'what happened to my wayleave?', common)).toEqual([]);
    expect(findRareWords('The tickets went to kaz.m@gmial.com, so I resent them to the fixed address.', 'no tickets yet', common)).toEqual([]);
  });
});

describe('data/common-words.txt', () => {
  it('is what scripts/write-common-words.js writes from the word-frequency package', () => {
    const script = path.resolve(import.meta.dirname, '../../../scripts/write-common-words.js');
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readCommonWords().size).toBe(20000);
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BacklogError, readBacklog, serializeBacklogItem, updateBacklogFromAudit, writeBacklog, type BacklogItem } from '../../src/backlog/index.js';
import { createOrderedWrites } from '../../src/backlog/ordered-writes.js';
import { makeAudit } from '../helpers/audit-factory.js';
import { tempDir } from '../helpers/temp-dir.js';
import { driftingSample, makeItem, passingSample, rulesCheck } from './backlog-fixtures.js';

/** 300 items with every status; `every` of them are also in the audit below (drifting or passing again). */
function backlogItems(): BacklogItem[] {
  const statuses = ['needs-review', 'ready', 'accepted', 'rejected', 'resolved'] as const;
  return Array.from({ length: 300 }, (_, i) => makeItem({ original: `Per our policy, answer number ${i}.`, status: statuses[i % statuses.length]!, sampleIds: [`old-${i}`] }));
}

/** Replies already in the backlog (drifting again and passing now), replies seen twice, and new ones. */
function auditOfMixedSightings() {
  const samples = [];
  for (let i = 0; i < 300; i += 7) samples.push(driftingSample(`again-${i}`, `Per our policy, answer number ${i}.`, 'Per our policy', { rewrite: `Here is answer ${i}.` }));
  for (let i = 3; i < 300; i += 11) samples.push(passingSample(`passes-${i}`, `Per our policy, answer number ${i}.`));
  for (let i = 0; i < 40; i += 1) samples.push(driftingSample(`new-${i}`, `Per our policy, new reply ${i}.`, 'Per our policy', i % 2 ? { rewrite: `Unfortunately, new reply ${i}.` } : { rewrite: `New reply ${i}.` }));
  samples.push(driftingSample('twice-a', 'Per our policy, said twice.', 'Per our policy', { rewrite: 'Said twice.' }));
  samples.push(driftingSample('twice-b', 'Per our policy, said twice.', 'Per our policy', { rewrite: 'Said twice.' }));
  samples.push(passingSample('twice-c', 'Per our policy, said twice.'));
  return makeAudit({ samples });
}

const options = { auditLabel: 'a2', now: '2026-11-24T12:00:00.000Z', checkRewrite: rulesCheck() };

describe('updateBacklogFromAudit on an existing backlog (the streaming merge)', () => {
  it('gives the same file and summary as the merge in memory, which a file out of id order gets', async () => {
    const dir = tempDir();
    const sorted = path.join(dir, 'sorted.jsonl');
    await writeBacklog(sorted, backlogItems());
    // The same items, shuffled: not in id order, so it is merged in memory.
    const shuffled = path.join(dir, 'shuffled.jsonl');
    const lines = readFileSync(sorted, 'utf8').trimEnd().split('\n');
    writeFileSync(shuffled, `${[...lines.slice(150), ...lines.slice(0, 150)].join('\n')}\n`);

    const streamed = await updateBacklogFromAudit(sorted, auditOfMixedSightings(), options);
    const inMemory = await updateBacklogFromAudit(shuffled, auditOfMixedSightings(), options);
    expect(streamed).toEqual(inMemory);
    expect(streamed).toMatchObject({ added: 41, total: 341 });
    expect(streamed.updated).toBeGreaterThan(0);
    expect(streamed.resolved).toBeGreaterThan(0);
    expect(readFileSync(sorted, 'utf8')).toBe(readFileSync(shuffled, 'utf8'));
    // Nothing lost, nothing twice, in id order.
    const ids = (await readBacklog(sorted)).map((item) => item.id);
    expect(new Set(ids).size).toBe(341);
    expect(readFileSync(sorted, 'utf8').trimEnd().split('\n').map((line) => (JSON.parse(line) as BacklogItem).id)).toEqual(ids);
    expect(readdirSync(dir).sort()).toEqual(['shuffled.jsonl', 'sorted.jsonl']);
  });

  it('leaves a sorted backlog byte-identical and unrewritten when the audit changes nothing', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    await writeBacklog(file, backlogItems());
    await updateBacklogFromAudit(file, auditOfMixedSightings(), options);
    const before = readFileSync(file, 'utf8');
    const again = await updateBacklogFromAudit(file, auditOfMixedSightings(), options);
    expect(again).toMatchObject({ added: 0, updated: 0, resolved: 0, total: 341 });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(file))).toEqual(['b.jsonl']);
  });

  it('reports a damaged line and an adjacent duplicate with their lines, and changes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.jsonl');
    await writeBacklog(file, backlogItems());
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    lines.splice(200, 0, lines[199]!);
    lines.splice(250, 0, '{"id": "oops"');
    const damaged = `${lines.join('\n')}\n`;
    writeFileSync(file, damaged);
    const error = await updateBacklogFromAudit(file, auditOfMixedSightings(), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BacklogError);
    expect((error as BacklogError).problems.map((p) => `${p.location.line} ${p.message}`)).toEqual([
      expect.stringMatching(/^201 duplicate item [0-9a-f]{16} \(also on line 200\)$/),
      expect.stringMatching(/^251 not valid JSON/),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    expect(readdirSync(dir)).toEqual(['b.jsonl']);
  });

  it('writes items it already had verbatim in the fixed key order', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    const items = backlogItems();
    await writeBacklog(file, items);
    await updateBacklogFromAudit(file, makeAudit({ samples: [driftingSample('n', 'Per our policy, one new reply.', 'Per our policy', { rewrite: 'One new reply.' })] }), options);
    const text = readFileSync(file, 'utf8');
    for (const item of items) expect(text).toContain(`${serializeBacklogItem(item)}\n`);
  });
});

describe('createOrderedWrites', () => {
  const deferred = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };

  it('writes in push order while later computations finish first, up to the concurrency', async () => {
    const written: string[] = [];
    const writes = createOrderedWrites<string>(async (value) => void written.push(value), 2);
    const slow = deferred<string>();
    const fast = deferred<string>();
    await writes.push('a');
    await writes.push(slow.promise);
    await writes.push('b');
    expect(written).toEqual(['a']);
    fast.resolve('fast');
    const third = writes.push(fast.promise); // the second computation: waits for the head
    slow.resolve('slow');
    await third;
    await writes.flush();
    expect(written).toEqual(['a', 'slow', 'b', 'fast']);
  });

  it('passes a failed computation on to the writer of its turn, without an unhandled rejection', async () => {
    const writes = createOrderedWrites<string>(async () => undefined, 4);
    const failing = deferred<string>();
    await writes.push(failing.promise);
    failing.reject(new Error('check failed'));
    await expect(writes.flush()).rejects.toThrow('check failed');
  });
});

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'rolldown';
import { beforeAll, describe, expect, it } from 'vitest';
import { BacklogError, readBacklog, serializeBacklogItem, updateBacklogFromAudit, withBacklogLock, writeBacklog } from '../../src/backlog/index.js';
import { makeAudit } from '../helpers/audit-factory.js';
import { tempDir } from '../helpers/temp-dir.js';
import { driftingSample, makeItem, rulesCheck } from './backlog-fixtures.js';

const run = promisify(execFile);

function items() {
  return [
    makeItem({ original: 'Per our policy, no.' }),
    makeItem({ customer: 'Hi', original: 'Per our policy, hello.', transcript: [{ role: 'customer', text: 'Hi' }], scores: { tone: 2, clarity: 4 }, review: { reason: 'x', by: 'ana' } }),
  ];
}

describe('readBacklog / writeBacklog', () => {
  it('round-trips items, one sorted line each, stable key order', async () => {
    const file = path.join(tempDir(), 'backlog.jsonl');
    const written = items();
    await writeBacklog(file, [...written].reverse());
    const text = readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toEqual([...lines].sort());
    expect(text.endsWith('\n')).toBe(true);
    expect(lines.some((l) => l.includes('"scores":{"clarity":4,"tone":2}'))).toBe(true);
    expect(lines.some((l) => l.includes('"review":{"by":"ana","reason":"x"}'))).toBe(true);
    const read = await readBacklog(file);
    expect(read.map(serializeBacklogItem)).toEqual(lines);
  });

  it('does not create a missing folder: one BacklogError, nothing written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'missing', 'backlog.jsonl');
    const error = await writeBacklog(file, items()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BacklogError);
    expect((error as Error).message.startsWith(`cannot write backlog ${file}: ENOENT`)).toBe(true);
    expect((error as BacklogError).hint).toBe('check that the folder exists and is writable');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed replace keeps the old backlog and leaves no temp file', async () => {
    const dir = tempDir();
    // A folder in the backlog's place: the temp file fills, then cannot be renamed over it.
    const file = path.join(dir, 'backlog.jsonl');
    mkdirSync(path.join(file, 'old'), { recursive: true });
    const error = await writeBacklog(file, items()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BacklogError);
    expect((error as Error).message).toMatch(/^cannot write backlog .*backlog\.jsonl: E(ISDIR|NOTEMPTY|EXIST)/);
    expect(readdirSync(dir)).toEqual(['backlog.jsonl']);
    expect(readdirSync(file)).toEqual(['old']);
  });

  it('treats a missing file as empty only when asked', async () => {
    const file = path.join(tempDir(), 'none.jsonl');
    await expect(readBacklog(file, { missingOk: true })).resolves.toEqual([]);
    await expect(readBacklog(file)).rejects.toThrow(/no backlog at/);
  });

  it('reports every damaged line with file:line and never drops one', async () => {
    const [a, b] = items().map(serializeBacklogItem);
    const text = [a, '{"id": "oops"', '<<<<<<< HEAD', b, JSON.stringify({ ...JSON.parse(b!), status: 'done' }), a, ''].join('\n');
    const file = path.join(tempDir({ 'b.jsonl': text }), 'b.jsonl');
    const error = await readBacklog(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BacklogError);
    const problems = (error as BacklogError).problems.map((p) => `${p.location.line} ${p.path}: ${p.message}`);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^2 : not valid JSON/);
    expect(problems[1]).toBe('3 : git merge conflict marker');
    expect(problems[2]).toMatch(/^5 status: /);
    expect(problems[3]).toMatch(/^6 id: duplicate item [0-9a-f]{16} \(also on line 1\)/);
    expect((error as BacklogError).problems.every((p) => p.location.file === file)).toBe(true);
  });

  it('rejects unknown keys rather than losing them on the next write', async () => {
    const line = JSON.stringify({ ...JSON.parse(serializeBacklogItem(items()[0]!)), reviewer: 'bob' });
    const file = path.join(tempDir({ 'b.jsonl': `${line}\n` }), 'b.jsonl');
    await expect(readBacklog(file)).rejects.toMatchObject({ problems: [{ location: { line: 1 }, message: expect.stringMatching(/reviewer/) }] });
  });

  it('leaves a damaged backlog untouched when an audit is merged into it', async () => {
    const damaged = `${serializeBacklogItem(items()[0]!)}\nnot json\n`;
    const file = path.join(tempDir({ 'b.jsonl': damaged }), 'b.jsonl');
    const audit = makeAudit({ samples: [driftingSample('s9', 'New reply per our policy.', 'per our policy', { rewrite: 'New reply.' })] });
    await expect(updateBacklogFromAudit(file, audit, { auditLabel: 'a1', checkRewrite: rulesCheck() })).rejects.toMatchObject({
      problems: [{ location: { file, line: 2 } }],
    });
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('withBacklogLock', () => {
  it('serialises holders: the second waits until the first releases', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    const events: string[] = [];
    const hold = (name: string, ms: number) =>
      withBacklogLock(file, async () => {
        events.push(`${name} in`);
        await new Promise((r) => setTimeout(r, ms));
        events.push(`${name} out`);
      });
    await Promise.all([hold('a', 80), hold('b', 10)]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('gives up after the timeout on a live lock, naming its holder', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.jsonl');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), at: new Date().toISOString(), token: 'other' }));
    const error = await withBacklogLock(file, async () => 'ran', { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BacklogError);
    expect((error as Error).message).toMatch(new RegExp(`locked by pid ${process.pid}`));
    expect((error as BacklogError).hint).toMatch(/delete .*b\.jsonl\.lock/);
    // Someone else's lock is never removed.
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).token).toBe('other');
  });

  it('takes over a lock whose process is gone', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    const { stdout } = await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: Number(stdout), host: (await import('node:os')).hostname(), at: new Date().toISOString(), token: 'dead' }));
    await expect(withBacklogLock(file, async () => 'ran', { timeoutMs: 2000 })).resolves.toBe('ran');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock older than the stale limit, even from a live pid', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: 'elsewhere', at: '2026-11-23T11:00:00.000Z', token: 'old' }));
    const now = () => Date.parse('2026-11-23T12:00:00.000Z');
    await expect(withBacklogLock(file, async () => 'ran', { staleMs: 10 * 60_000, timeoutMs: 1000, now })).resolves.toBe('ran');
  });

  it('does not take over a young lock from another host', async () => {
    const file = path.join(tempDir(), 'b.jsonl');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 999_999_999, host: 'elsewhere', at: new Date().toISOString(), token: 'remote' }));
    await expect(withBacklogLock(file, async () => 'ran', { timeoutMs: 100 })).rejects.toThrow(/locked by pid 999999999 on elsewhere/);
  });
});

describe('concurrent writers', () => {
  let script = '';
  beforeAll(async () => {
    // Children are plain node processes: bundle the TypeScript writer (and its dependencies) into one file.
    script = path.join(tempDir(), 'writer.mjs');
    const input = fileURLToPath(new URL('./fixtures/concurrent-writer.ts', import.meta.url));
    await build({ input, platform: 'node', logLevel: 'silent', resolve: { extensionAlias: { '.js': ['.ts', '.js'] } }, output: { file: script, format: 'esm' } });
  });

  it('four processes updating one backlog at once lose nothing', async () => {
    const file = path.join(tempDir(), 'shared.jsonl');
    const workers = [1, 2, 3, 4];
    const outputs = await Promise.all(workers.map((w) => run(process.execPath, [script, file, String(w), '30'])));
    const summaries = outputs.map((o) => JSON.parse(o.stdout) as { added: number; updated: number });
    const final = await readBacklog(file);
    expect(final).toHaveLength(4 * 30 + 1);
    const shared = final.find((item) => item.original === 'Shared reply, per our policy.')!;
    expect(shared.timesSeen).toBe(4);
    expect([...shared.audits].sort()).toEqual(['worker-1', 'worker-2', 'worker-3', 'worker-4']);
    expect(shared.sampleIds).toEqual(['shared-1', 'shared-2', 'shared-3', 'shared-4']);
    expect(summaries.reduce((n, s) => n + s.added, 0)).toBe(121);
    expect(summaries.reduce((n, s) => n + s.updated, 0)).toBe(3);
    expect(existsSync(`${file}.lock`)).toBe(false);
    // No temp or stale-lock files left behind.
    expect(readdirSync(path.dirname(file))).toEqual(['shared.jsonl']);
  });
});

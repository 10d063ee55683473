import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStyleGuideCached } from '../../src/load/styleguide/cached-style-guide.js';
import { readStyleGuide } from '../../src/load/styleguide/read-style-guide.js';
import { tempDir } from '../helpers/temp-dir.js';

const bundled = readFileSync(path.resolve(import.meta.dirname, '../../styleguide/northwind.yaml'), 'utf8');

describe('the validated-guide cache', () => {
  it('returns the same guide as a full read, from the cache on the second call', async () => {
    const dir = tempDir({ 'guide.yaml': bundled });
    const file = path.join(dir, 'guide.yaml');
    const cache = path.join(dir, 'cache');
    const full = await readStyleGuide(file, 'guide.yaml');
    expect(await readStyleGuideCached(file, 'guide.yaml', cache)).toEqual(full);
    const [entry] = readdirSync(path.join(cache, 'guides'));
    // Prove the second read comes from the entry: a marked entry is what is returned.
    const cached = JSON.parse(readFileSync(path.join(cache, 'guides', entry!), 'utf8'));
    writeFileSync(path.join(cache, 'guides', entry!), JSON.stringify({ ...cached, brand: 'from the cache' }));
    expect((await readStyleGuideCached(file, 'guide.yaml', cache)).brand).toBe('from the cache');
  });

  it('misses when the guide bytes or its display name change', async () => {
    const dir = tempDir({ 'guide.yaml': bundled });
    const file = path.join(dir, 'guide.yaml');
    const cache = path.join(dir, 'cache');
    await readStyleGuideCached(file, 'guide.yaml', cache);
    writeFileSync(file, bundled.replace(/^brand: .*$/m, 'brand: Edited Brand'));
    expect((await readStyleGuideCached(file, 'guide.yaml', cache)).brand).toBe('Edited Brand');
    expect((await readStyleGuideCached(file, 'elsewhere/guide.yaml', cache)).source.file).toBe('elsewhere/guide.yaml');
    expect(readdirSync(path.join(cache, 'guides'))).toHaveLength(3);
  });

  it('falls back to a full read when an entry is corrupt, and never caches an invalid guide', async () => {
    const dir = tempDir({ 'guide.yaml': bundled, 'bad.yaml': 'brand: [unclosed\n' });
    const cache = path.join(dir, 'cache');
    await readStyleGuideCached(path.join(dir, 'guide.yaml'), 'guide.yaml', cache);
    const [entry] = readdirSync(path.join(cache, 'guides'));
    writeFileSync(path.join(cache, 'guides', entry!), '{ truncated');
    expect((await readStyleGuideCached(path.join(dir, 'guide.yaml'), 'guide.yaml', cache)).rules.length).toBeGreaterThan(0);
    await expect(readStyleGuideCached(path.join(dir, 'bad.yaml'), 'bad.yaml', cache)).rejects.toThrow(/invalid style guide bad\.yaml/);
    expect(readdirSync(path.join(cache, 'guides'))).toHaveLength(1);
  });

  it('reads straight through with no cache folder (--no-cache)', async () => {
    const dir = tempDir({ 'guide.yaml': bundled });
    expect((await readStyleGuideCached(path.join(dir, 'guide.yaml'), 'guide.yaml', null)).brand).toMatch(/Northwind/);
    expect(readdirSync(dir)).toEqual(['guide.yaml']);
  });
});

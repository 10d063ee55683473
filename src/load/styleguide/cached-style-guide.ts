import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StyleGuide } from '../../types.js';
import { TOOL_VERSION } from '../../version.js';

/**
 * Reads a style guide through a cache of the validated guide, keyed by the sha256 of the file's
 * bytes: parsing YAML and validating it against the schema (and loading `yaml` and `zod` to do so)
 * is most of `tone-audit check`'s start-up, and the guide changes far less often than the prompt
 * engineer reruns `check`. A miss, or a cache that cannot be read or written, falls back to the
 * full read, so a broken cache can cost time but never change a result; an invalid guide is never
 * cached, so its errors are always reported in full.
 *
 * The key also covers how the guide is named in messages (`displayAs` is baked into positions), the
 * tool version and the loader build (a rebuilt loader may read the same bytes differently).
 */
export async function readStyleGuideCached(file: string, displayAs: string, cacheDir: string | null): Promise<StyleGuide> {
  if (cacheDir === null) return fullRead(file, displayAs);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return fullRead(file, displayAs); // reports the unreadable file as the loader does
  }
  const cacheFile = path.join(cacheDir, 'guides', `${await cacheKey(bytes, displayAs)}.json`);
  const cached = await readCachedGuide(cacheFile);
  if (cached) return cached;
  const guide = await fullRead(file, displayAs);
  try {
    const { writeJsonFile } = await import('../../grader/llm/write-json-file.js');
    await writeJsonFile(cacheFile, guide);
    await pruneOldest(path.dirname(cacheFile));
  } catch {
    // A read-only or full cache folder only costs the next run its parse.
  }
  return guide;
}

/** The loader with its YAML parser and schema, imported only on a miss: a hit must not pay for them. */
async function fullRead(file: string, displayAs: string): Promise<StyleGuide> {
  const { readStyleGuide } = await import('./read-style-guide.js');
  return readStyleGuide(file, displayAs);
}

/** Guides kept: each edit of a guide (and each build of the tool) adds one entry of ~100 kB. */
const GUIDES_KEPT = 16;

async function pruneOldest(folder: string): Promise<void> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
  if (names.length <= GUIDES_KEPT) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(folder, name))).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(GUIDES_KEPT).map(({ name }) => rm(path.join(folder, name), { force: true })));
}

async function readCachedGuide(cacheFile: string): Promise<StyleGuide | undefined> {
  try {
    const guide = JSON.parse(await readFile(cacheFile, 'utf8')) as StyleGuide;
    return typeof guide?.source?.hash === 'string' && Array.isArray(guide.rules) ? guide : undefined;
  } catch {
    return undefined;
  }
}

let loaderStamp: Promise<string> | undefined;

/** Identifies the loader build: this module's file (or the bundle chunk holding it) is rewritten by every build. */
function loaderBuild(): Promise<string> {
  loaderStamp ??= stat(fileURLToPath(import.meta.url))
    .then((s) => `${s.size}:${s.mtimeMs}`)
    .catch(() => 'unknown');
  return loaderStamp;
}

async function cacheKey(bytes: Buffer, displayAs: string): Promise<string> {
  return createHash('sha256')
    .update(bytes)
    .update('\0')
    .update(displayAs)
    .update('\0')
    .update(TOOL_VERSION)
    .update('\0')
    .update(await loaderBuild())
    .digest('hex');
}

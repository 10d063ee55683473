import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder (where package.json, styleguide/, data/ and schema/ live), found by
 * walking up from this module: the same answer from src/ under the tests, from dist/ and from the
 * CLI bundle in dist/cli-bundle/, whose chunks sit at a different depth than the modules they hold.
 */
export const PACKAGE_ROOT: string = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The package's package.json, read once. */
export const PACKAGE_JSON = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** A file shipped with the package, e.g. `packageFile('styleguide', 'northwind.yaml')`. */
export function packageFile(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tone-audit') return dir;
    if (path.dirname(dir) === dir) throw new Error(`tone-audit's package.json was not found above ${from}`);
  }
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { Problem, SourceLocation } from '../types.js';
import { didYouMean } from '../load/styleguide/did-you-mean.js';
import { formatPath } from '../load/styleguide/format-path.js';
import { configSchema, type ToneAuditConfig } from './config-schema.js';

export const CONFIG_SEARCH_PLACES = [
  'package.json',
  '.toneauditrc',
  '.toneauditrc.json',
  '.toneauditrc.yaml',
  '.toneauditrc.yml',
  'tone-audit.config.json',
  'tone-audit.config.yaml',
  'tone-audit.config.yml',
  'tone-audit.config.js',
  'tone-audit.config.mjs',
];

export interface LoadedConfig {
  config: ToneAuditConfig;
  /** The config file, or undefined when none was found. */
  file?: string;
  /**
   * Where a key of the config is written, e.g. `['maxRuleDriftRate', 'no-blame']` → its line:col
   * (YAML and JSON files; a JS config gives only the file).
   */
  locateKey?: (path: readonly string[]) => SourceLocation;
}

/**
 * Finds and validates the config file: `explicitPath` when given (`--config`), else cosmiconfig's
 * search from `cwd` up to the project root. Every problem is reported at once, with positions for
 * YAML/JSON files. Paths in the config are made absolute relative to the config file.
 */
export async function readConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  // cosmiconfig pulls in loaders for several formats: only load it when a command needs config.
  const loaded = await import('cosmiconfig');
  // A CommonJS package imported dynamically from the CLI bundle arrives as its `default` export.
  const { cosmiconfig } = loaded.default ?? loaded;
  const explorer = cosmiconfig('tone-audit', { searchPlaces: CONFIG_SEARCH_PLACES, searchStrategy: 'project' });
  let found;
  try {
    found = explicitPath ? await explorer.load(path.resolve(cwd, explicitPath)) : await explorer.search(cwd);
  } catch (error) {
    const { file, line, col, reason } = describeLoadError(error, explicitPath ? path.resolve(cwd, explicitPath) : 'config');
    throw new ConfigError(`could not read the config file ${file}: ${reason}`, {
      problems: [{ location: { file, line, ...(col ? { col } : {}) }, path: '', message: `could not read the config file: ${reason}` }],
    });
  }
  if (!found || found.isEmpty) return { config: {}, ...(found ? { file: found.filepath } : {}) };

  const file = found.filepath;
  // The YAML locator (and the yaml parser) load only when there is a config file: start-up of `check`.
  const { locateYamlKey, locateYamlPath } = await import('../load/styleguide/locate.js');
  const text = /\.(ya?ml|json|toneauditrc)$/.test(file) || path.basename(file) === '.toneauditrc' ? await readFile(file, 'utf8') : undefined;
  const keyPrefix = path.basename(file) === 'package.json' ? ['tone-audit'] : [];
  const locateKey = (keyPath: readonly string[]): SourceLocation => (text && locateYamlKey(text, file, [...keyPrefix, ...keyPath])) || { file, line: 1 };
  const parsed = configSchema.safeParse(found.config);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.flatMap((issue) => {
      const issuePath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // One problem per unknown key, at the key itself, with the nearest valid name.
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownKeyProblem(key, issuePath.map(String), locateKey));
      const location = (text && locateYamlPath(text, file, [...keyPrefix, ...issuePath])) || { file, line: 1 };
      return [{ location, path: formatPath(issuePath), message: issue.message }];
    });
    throw new ConfigError(`invalid config file ${file}`, { problems });
  }
  const config = parsed.data;
  const base = path.dirname(file);
  for (const key of ['guide', 'output', 'outputDir', 'baseline', 'suppressions', 'backlog', 'calibration', 'cacheDir'] as const) {
    const value = config[key];
    if (value !== undefined) config[key] = path.resolve(base, value);
  }
  return { config, file, locateKey };
}

function unknownKeyProblem(key: string, parent: string[], locateKey: (keyPath: readonly string[]) => SourceLocation): Problem {
  const valid = Object.keys(configSchema.shape);
  const suggestion = parent.length === 0 ? didYouMean(key, valid) : undefined;
  return {
    location: locateKey([...parent, key]),
    path: formatPath([...parent, key]),
    message: `unknown option \`${key}\``,
    hint: suggestion ? `did you mean \`${suggestion}\`?` : `valid options: ${valid.join(', ')}`,
  };
}

/**
 * Where and why cosmiconfig failed. Its YAML errors (js-yaml) carry the file, a 0-based `mark` and a
 * one-line `reason`; their message starts with a bare "YAML Error in <file>:" line, so the first
 * line alone says nothing.
 */
function describeLoadError(error: unknown, fallbackFile: string): { file: string; line: number; col?: number; reason: string } {
  const e = (error ?? {}) as { filepath?: unknown; mark?: { line?: unknown; column?: unknown }; reason?: unknown };
  const file = typeof e.filepath === 'string' ? e.filepath : fallbackFile;
  if (typeof e.reason === 'string' && typeof e.mark?.line === 'number') {
    return { file, line: e.mark.line + 1, ...(typeof e.mark.column === 'number' ? { col: e.mark.column + 1 } : {}), reason: `invalid YAML: ${e.reason}` };
  }
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((l) => l.trim()).filter(Boolean);
  const reason = lines[0]?.endsWith(':') && lines[1] ? `${lines[0]} ${lines[1]}` : (lines[0] ?? 'unknown error');
  return { file, line: 1, reason };
}

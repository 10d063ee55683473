import path from 'node:path';
import type { SourceLocation } from '../types.js';
import type { LoadedConfig } from './load-config.js';
import type { CliFlags, ResolvedOptions } from './resolve-options.js';

/** One resolved option and where its value came from. */
export interface OptionSource {
  key: string;
  value: unknown;
  /** `flag --max-drift-rate`, `.toneauditrc.yaml:3:1`, `env ANTHROPIC_BASE_URL`, `default`, or several joined by ` + ` for merged maps. */
  source: string;
}

const kebab = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
/** Flag names that are not the kebab form of their key. */
const FLAG_NAMES: Record<string, string> = { formats: '--format', fields: '--field', cache: '--no-cache', redact: '--no-redact', color: '--color/--no-color' };
/** Option keys that differ from their config key. */
const CONFIG_KEYS: Record<string, string> = { formats: 'format' };
/** Values taken from the environment when neither a flag nor the config gives them. */
const ENV_SOURCES: Record<string, string> = { baseUrl: 'ANTHROPIC_BASE_URL' };
/** Derived, not options a person sets. */
const HIDDEN = new Set(['guideIsBundled']);

/**
 * Each resolved option with where it came from (flags > config file > environment > defaults),
 * for `--print-config`. Pure: `env` is only asked whether a variable is set.
 */
export function describeOptionSources(options: ResolvedOptions, loaded: LoadedConfig, flags: CliFlags, env: Record<string, string | undefined>, cwd: string): OptionSource[] {
  const where = (location: SourceLocation) => {
    const file = path.relative(cwd, location.file) || location.file;
    return `${file}:${location.line}${location.col ? `:${location.col}` : ''}`;
  };
  const configLocation = (key: string) => where(loaded.locateKey?.([key]) ?? { file: loaded.file ?? 'config', line: 1 });
  return Object.entries(options)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => {
      const configKey = CONFIG_KEYS[key] ?? key;
      const fromFlag = (flags as Record<string, unknown>)[configKey] !== undefined;
      const fromConfig = (loaded.config as Record<string, unknown>)[configKey] !== undefined;
      const sources = [...(fromFlag ? [`flag ${FLAG_NAMES[key] ?? kebab(key)}`] : []), ...(fromConfig && (!fromFlag || isMergedMap(key)) ? [configLocation(configKey)] : [])];
      if (sources.length === 0 && ENV_SOURCES[key] && env[ENV_SOURCES[key]]) sources.push(`env ${ENV_SOURCES[key]}`);
      if (sources.length === 0) sources.push(key === 'guide' && options.guideIsBundled ? 'default (the bundled example guide)' : 'default');
      return { key, value, source: sources.join(' + ') };
    });
}

/** Per-id maps merge key by key, so a flag and the config can both contribute. */
function isMergedMap(key: string): boolean {
  return key === 'fields' || key === 'maxRuleDriftRate' || key === 'minDimensionMean';
}

/** The table `--print-config` prints: option, value (JSON), source. */
export function renderOptionSources(loaded: LoadedConfig, sources: readonly OptionSource[], cwd: string, apiKeySet: boolean): string {
  const file = loaded.file ? path.relative(cwd, loaded.file) || loaded.file : undefined;
  const rows = sources.map((s) => [s.key, JSON.stringify(s.value) ?? 'undefined', s.source] as const);
  const keyWidth = Math.max(...rows.map((r) => r[0].length)) + 2;
  const valueWidth = Math.min(48, Math.max(...rows.map((r) => r[1].length))) + 2;
  const lines = [
    `config file: ${file ?? 'none found (searched from the current folder up to the project root)'}`,
    `ANTHROPIC_API_KEY: ${apiKeySet ? 'set' : 'not set'} (grader auto = ${apiKeySet ? 'llm' : 'heuristic'})`,
    '',
    `${'option'.padEnd(keyWidth)}${'value'.padEnd(valueWidth)}source`,
    ...rows.map(([key, value, source]) => `${key.padEnd(keyWidth)}${value.padEnd(valueWidth)}${source}`),
  ];
  return `${lines.join('\n')}\n`;
}

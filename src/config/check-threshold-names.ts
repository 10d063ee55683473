import { ConfigError, UsageError } from '../errors.js';
import { didYouMean } from '../load/styleguide/did-you-mean.js';
import type { Problem, SourceLocation } from '../types.js';
import type { LoadedConfig } from './load-config.js';
import type { CliFlags } from './resolve-options.js';

/** The names a per-rule or per-dimension threshold may use. */
export interface ThresholdNames {
  /** Rule ids of the guide (its `rules:` and `escalation:` entries). */
  ruleIds: readonly string[];
  dimensionIds: readonly string[];
}

const THRESHOLDS = [
  { key: 'maxRuleDriftRate', flag: '--max-rule-drift-rate', what: 'rule', names: (n: ThresholdNames) => n.ruleIds },
  { key: 'minDimensionMean', flag: '--min-dimension-mean', what: 'dimension', names: (n: ThresholdNames) => n.dimensionIds },
] as const;

/**
 * Every `maxRuleDriftRate` / `minDimensionMean` name, from the config file or a flag, must exist in
 * the guide: a typo would otherwise turn into a gate that can never be checked (exit 1 on every
 * run) instead of the usage error it is (exit 2). All unknown names are reported at once, a config
 * name at its key's line:col. Grader rule ids (`heuristic/blame`, `llm/…`) are known only once a
 * reply has been graded, so names with a `/` are left to the gate.
 */
export function checkThresholdNames(loaded: LoadedConfig, flags: CliFlags, names: ThresholdNames): void {
  const problems: Problem[] = [];
  for (const threshold of THRESHOLDS) {
    const valid = threshold.names(names);
    const unknown = (id: string) => !id.includes('/') && !valid.includes(id);
    const describe = (id: string, location: SourceLocation, path: string, given: string): Problem => {
      const suggestion = didYouMean(id, valid);
      return {
        location,
        path,
        message: `${given}the guide has no ${threshold.what} \`${id}\``,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : `the guide's ${threshold.what}s: ${valid.join(', ')}`,
      };
    };
    // A flag has no file position: its problem is the whole message.
    for (const id of Object.keys(flags[threshold.key] ?? {}).filter(unknown)) {
      const { message, hint } = describe(id, { file: '', line: 0 }, '', `${threshold.flag} ${id}=…: `);
      throw new UsageError(message, { ...(hint ? { hint } : {}) });
    }
    for (const id of Object.keys(loaded.config[threshold.key] ?? {}).filter(unknown)) {
      const location = loaded.locateKey?.([threshold.key, id]) ?? { file: loaded.file ?? '<config>', line: 1 };
      problems.push(describe(id, location, `${threshold.key}.${id}`, ''));
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.length === 1 ? 'unknown threshold name' : 'unknown threshold names', { problems });
}

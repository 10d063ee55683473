import type { ResolvedOptions } from '../config/resolve-options.js';
import type { GateOptions } from '../findings/evaluate-gate.js';

/** The gate's thresholds out of the resolved options (same names as flags and config keys). */
export function gateOptionsFrom(options: ResolvedOptions): GateOptions {
  return {
    failOn: options.failOn,
    maxUngraded: options.maxUngraded,
    maxSkipped: options.maxSkipped,
    ...(options.maxDriftRate !== undefined ? { maxDriftRate: options.maxDriftRate } : {}),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
    ...(options.maxRuleDriftRate ? { maxRuleDriftRate: options.maxRuleDriftRate } : {}),
    ...(options.minDimensionMean ? { minDimensionMean: options.minDimensionMean } : {}),
    ...(options.maxNewlyDrifting !== undefined ? { maxNewlyDrifting: options.maxNewlyDrifting } : {}),
    ...(options.maxNewlyDriftingConversations !== undefined ? { maxNewlyDriftingConversations: options.maxNewlyDriftingConversations } : {}),
    onlySignificantRegressions: options.onlySignificantRegressions,
  };
}

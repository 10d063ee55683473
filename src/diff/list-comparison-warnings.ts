import type { AuditResult } from '../types.js';
import type { ComparisonWarning } from './audit-comparison.js';

/** Every way the two audits' setups differ that can move results on its own. */
export function listComparisonWarnings(base: AuditResult, head: AuditResult): ComparisonWarning[] {
  const warnings: ComparisonWarning[] = [];
  if (base.guide.version !== head.guide.version) {
    warnings.push({
      code: 'guide-version',
      message: `The style guide changed from version ${base.guide.version} to ${head.guide.version}; some differences may come from the guide, not the bot.`,
    });
  } else if (base.guide.hash !== head.guide.hash) {
    warnings.push({
      code: 'guide-hash',
      message: `Both audits say style guide version ${head.guide.version}, but the guide files differ (sha256 ${short(base.guide.hash)} vs ${short(head.guide.hash)}); bump the version when the guide changes.`,
    });
  }
  if (base.grader.kind !== head.grader.kind) {
    warnings.push({
      code: 'grader-kind',
      message: `The grader changed from ${base.grader.kind} to ${head.grader.kind}, so scores and drift verdicts are not directly comparable.`,
    });
  } else {
    if ((base.grader.model ?? '') !== (head.grader.model ?? '')) {
      warnings.push({
        code: 'grader-model',
        message: `The grader model changed from ${base.grader.model ?? 'none'} to ${head.grader.model ?? 'none'}, so scores may shift for that reason alone.`,
      });
    }
    if ((base.grader.promptHash ?? '') !== (head.grader.promptHash ?? '')) {
      warnings.push({
        code: 'grader-prompt',
        message: `The grader prompt changed (hash ${short(base.grader.promptHash)} vs ${short(head.grader.promptHash)}), so scores may shift for that reason alone.`,
      });
    }
  }
  if (base.schemaVersion !== head.schemaVersion) {
    warnings.push({
      code: 'schema-version',
      message: `The audits use different result schema versions (${String(base.schemaVersion)} vs ${String(head.schemaVersion)}); fields may be missing or mean different things.`,
    });
  }
  if (base.tool.version !== head.tool.version) {
    warnings.push({
      code: 'tool-version',
      message: `The audits were made by different tone-audit versions (${base.tool.version} vs ${head.tool.version}); rule behaviour may differ.`,
    });
  }
  return warnings;
}

function short(hash: string | undefined): string {
  return hash === undefined || hash === '' ? 'none' : hash.slice(0, 12);
}

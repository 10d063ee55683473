// The programmatic API (package.json `main`/`exports`): the stages the CLI wires together, each
// usable on its own. Graders are reached through `selectGrader`, which imports them lazily, so
// importing this module loads neither the Anthropic SDK nor the NLP model.

export { auditSample, buildAuditHeader, streamAudit } from './audit.js';
export type { AuditEngine, AuditHeader, AuditSink, StreamAuditOptions } from './audit.js';
export { oneSample, runAudit } from './engine/run-audit.js';
export type { AuditDeps, AuditPlan, AuditRun } from './engine/run-audit.js';

export { parseStyleGuide, readStyleGuide, styleGuideJsonSchema } from './load/styleguide/index.js';
export { readSamples } from './load/samples/index.js';
export type { LoadEvent, ReadSamplesOptions } from './load/samples/index.js';

export { compileRules, lintExamples, runRules } from './rules/index.js';
export type { CompiledRule, CompiledRules, ExampleLintResult } from './rules/index.js';

export { selectGrader } from './grader/select-grader.js';
export type { GraderSelection, SelectedGrader } from './grader/select-grader.js';
export type { Grader } from './grader/grader.js';

export { countsAsDrift, decideVerdict, WARNING_PILE_UP } from './findings/decide-verdict.js';
export { evaluateGate } from './findings/evaluate-gate.js';
export type { GateComparison, GateEvaluation, GateInput, GateOptions } from './findings/evaluate-gate.js';
export { applySuppressions, parseSuppressions } from './findings/suppressions.js';
export type { Suppression } from './findings/suppressions.js';

export { calibrate, readLabels, readCalibrationRecord, applyCalibration, halfOf } from './calibrate/index.js';
export type { CalibrationReport, CalibrationRecord, LabelSet } from './calibrate/index.js';

export * as detect from './detect/index.js';
export { createRedactionSession, findPii, redactSample, restore, PII_TYPES } from './redact/index.js';
export type { PiiType, RedactionCounts, RedactionSession } from './redact/index.js';

export { compareAudits, trend } from './diff/index.js';
export type { AuditComparison, CompareOptions, TrendPoint } from './diff/index.js';

export { REPORTERS, isReportFormat } from './report/registry.js';
export type { ReportFormat } from './report/registry.js';
export { renderReport } from './report/reporter.js';
export type { AuditFooter, ReportContext, Reporter } from './report/reporter.js';

export { ConfigError, formatProblem, GraderConfigError, InputError, UsageError, UserError } from './errors.js';
export { TOOL_VERSION } from './version.js';
export * from './types.js';

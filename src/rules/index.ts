export { compileRules, type CompiledRule, type CompiledRules } from './compile-rules.js';
export { runRules, RuleCrashError, fillPlaceholders, compareFindings } from './run-rules.js';
export { lintExamples, type ExampleLintResult } from './lint-examples.js';
export { RULE_MODULES, GUIDE_RULE_KINDS, type RuleKind } from './registry.js';
export { MAX_CHECKED_CHARS } from '../text/cap-text.js';
export { RuleCompileError, type RuleModule, type RuleProblem, type RuleContext, type CompiledCheck } from './rule-module.js';

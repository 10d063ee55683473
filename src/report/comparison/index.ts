export { renderComparisonMarkdown } from './render-comparison-markdown.js';
export type { ComparisonMarkdownOptions } from './render-comparison-markdown.js';
export { renderComparisonBrief, renderComparisonTerminal } from './render-comparison-terminal.js';
export type { ComparisonTerminalOptions } from './render-comparison-terminal.js';
export { renderTrendMarkdown } from './render-trend-markdown.js';
export { renderTrendTerminal } from './render-trend-terminal.js';
export { classifyChange, describeOutcome, formatRate } from './describe-change.js';
export type { ChangeOutcome } from './describe-change.js';

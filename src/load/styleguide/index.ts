export { parseStyleGuide } from './parse-style-guide.js';
export { readStyleGuide } from './read-style-guide.js';
export { styleGuideJsonSchema } from './style-guide-json-schema.js';
export { RULE_KINDS, RULE_KIND_OPTIONS, LIMIT_COUNTS } from './rule-kinds.js';
export type { RuleKind } from './rule-kinds.js';
export { formatPath, locateYamlKey, locateYamlPath } from './locate.js';
export type { PathSegment } from './locate.js';

import type { XmlElement } from './parse-xml.js';

/**
 * A structural check faithful to the common JUnit schema, Jenkins xunit's `junit-10.xsd` (which the
 * Ant JUnit format and most CI readers accept): which elements may appear where, which attributes
 * each may carry, which are required, and the `SUREFIRE_TIME` pattern of `time`. Returns every
 * violation found (empty when valid).
 */
interface ElementRule {
  required: string[];
  optional: string[];
  children: string[];
  /** `mixed` or simple content may hold text; element-only content may hold whitespace only. */
  text: boolean;
}

const OUTCOME: ElementRule = { required: [], optional: ['type', 'message'], children: [], text: true };
const RERUN: ElementRule = { required: ['type'], optional: ['message'], children: ['stackTrace', 'system-out', 'system-err'], text: true };
const STRING: ElementRule = { required: [], optional: [], children: [], text: true };

const RULES: Record<string, ElementRule> = {
  testsuites: { required: [], optional: ['name', 'time', 'tests', 'failures', 'errors'], children: ['testsuite'], text: false },
  testsuite: {
    required: ['name', 'tests', 'failures', 'errors'],
    optional: ['group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
    text: false,
  },
  properties: { required: [], optional: [], children: ['property'], text: false },
  property: { required: ['name', 'value'], optional: [], children: [], text: false },
  testcase: {
    required: ['name'],
    optional: ['time', 'classname', 'group'],
    children: ['skipped', 'error', 'failure', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError', 'system-out', 'system-err'],
    text: false,
  },
  failure: OUTCOME,
  error: OUTCOME,
  skipped: OUTCOME,
  rerunFailure: RERUN,
  rerunError: RERUN,
  flakyFailure: RERUN,
  flakyError: RERUN,
  stackTrace: STRING,
  'system-out': STRING,
  'system-err': STRING,
};

const SUREFIRE_TIME = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$/;
const TIMED = new Set(['testsuites', 'testsuite']);

export function validateJunit(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== 'testsuites' && root.name !== 'testsuite') problems.push(`root element <${root.name}> is neither <testsuites> nor <testsuite>`);
  const visit = (element: XmlElement, path: string) => {
    const rule = RULES[element.name];
    if (!rule) {
      problems.push(`${path}: element <${element.name}> is not in the schema`);
      return;
    }
    for (const name of rule.required) if (!Object.hasOwn(element.attrs, name)) problems.push(`${path}: missing required attribute ${name}`);
    for (const name of Object.keys(element.attrs)) {
      if (!rule.required.includes(name) && !rule.optional.includes(name)) problems.push(`${path}: attribute ${name} is not allowed`);
    }
    if (TIMED.has(element.name) && element.attrs.time !== undefined && !SUREFIRE_TIME.test(element.attrs.time)) problems.push(`${path}: time "${element.attrs.time}" does not match SUREFIRE_TIME`);
    if (!rule.text && element.text.trim() !== '') problems.push(`${path}: text in element-only content`);
    for (const [i, child] of element.children.entries()) {
      const childPath = `${path}/${child.name}[${i}]`;
      if (!rule.children.includes(child.name)) problems.push(`${childPath}: <${child.name}> may not appear in <${element.name}>`);
      visit(child, childPath);
    }
  };
  visit(root, root.name);
  return problems;
}

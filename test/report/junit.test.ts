import { describe, expect, it } from 'vitest';
import { countJunitCases, junit, prepareJunitCase, renderJunitCase, renderJunitHead, renderJunitTail, type JunitCase } from '../../src/report/junit.js';
import { renderReport } from '../../src/report/reporter.js';
import type { AuditResult } from '../../src/types.js';
import { findingAt, makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSample } from '../helpers/audit-factory.js';
import { validateJunit } from './junit-schema.js';
import { findAll, parseXml, type XmlElement } from './parse-xml.js';
import { CTX, reportAudit } from './report-fixtures.js';

const PLAIN = { colorLevel: 0 as const, showPassing: false };

function suite(root: XmlElement, name: string): XmlElement {
  const found = root.children.find((s) => s.attrs.name === name);
  if (!found) throw new Error(`no suite ${name}`);
  return found;
}

function outcomeOf(testcase: XmlElement): string {
  return testcase.children.find((c) => ['failure', 'error', 'skipped'].includes(c.name))?.name ?? 'pass';
}

/** Parses, validates against the schema, and checks every count against the testcases it counts. */
function checkedJunit(xml: string): XmlElement {
  const root = parseXml(xml);
  expect(validateJunit(root)).toEqual([]);
  const totals = { tests: 0, failures: 0, errors: 0 };
  for (const s of root.children) {
    const cases = s.children.filter((c) => c.name === 'testcase');
    const count = (tag: string) => cases.filter((c) => outcomeOf(c) === tag).length;
    expect(s.attrs, s.attrs.name).toMatchObject({ tests: String(cases.length), failures: String(count('failure')), errors: String(count('error')), skipped: String(count('skipped')) });
    expect(s.attrs.time, s.attrs.name).toMatch(/^\d+\.\d{3}$/);
    for (const c of cases) expect(c.attrs.time).toMatch(/^\d+\.\d{3}$/);
    totals.tests += cases.length;
    totals.failures += count('failure');
    totals.errors += count('error');
  }
  expect(root.attrs).toMatchObject({ tests: String(totals.tests), failures: String(totals.failures), errors: String(totals.errors) });
  return root;
}

/** A gate that passes on warnings: two replies with warnings only, one of them piling up to drift. */
function warningsOnlyAudit(): AuditResult {
  const stiff = 'Kindly restart the agent at this time.';
  return makeAudit({
    samples: [
      makeSample({ id: 'one-warning', findings: [findingAt(stiff, 'Kindly', { ruleId: 'plain-words', severity: 'warning' })], response: stiff, grade: makeGrade({ clarity: 3 }) }),
      makeSample({
        id: 'pile-up',
        response: stiff,
        findings: [findingAt(stiff, 'Kindly', { ruleId: 'plain-words', severity: 'warning' }), findingAt(stiff, 'at this time', { ruleId: 'plain-words', severity: 'warning' })],
        grade: makeGrade({ clarity: 3 }),
        verdict: 'drift',
      }),
      makeSample({ id: 'clean', grade: makeGrade({ clarity: 3 }) }),
    ],
    rules: [{ ruleId: 'plain-words', kind: 'prefer', severity: 'warning' }],
    dimensions: [{ id: 'clarity', min: 4 }],
    gate: { passed: true, reasons: [] },
  });
}

describe('junit reporter', () => {
  const xml = renderReport(junit, reportAudit(), CTX);
  const root = checkedJunit(xml);

  it('is valid against the JUnit schema, with counts and times on every suite (snapshot)', () => {
    expect(root.name).toBe('testsuites');
    expect(root.children.map((s) => s.attrs.name)).toEqual(['tone-audit: gate', 'tone-audit: samples', 'tone-audit: rules', 'tone-audit: dimensions']);
    expect(suite(root, 'tone-audit: samples').attrs).toEqual({ name: 'tone-audit: samples', tests: '8', failures: '4', errors: '1', skipped: '1', time: '0.000' });
    expect(xml).toMatchSnapshot();
  });

  it('when the gate fails: drift is a <failure>, ungraded an <error>, a skipped record <skipped>', () => {
    const byName = new Map(findAll(suite(root, 'tone-audit: samples'), 'testcase').map((t) => [t.attrs.name, t]));
    expect(byName.get('pass-1')!.children).toEqual([]);
    const blame = byName.get('blame-2')!;
    expect(blame.attrs).toEqual({ name: 'blame-2', classname: 'replies.jsonl', time: '0.000' });
    expect(blame.children[0]!.name).toBe('failure');
    expect(blame.children[0]!.attrs).toEqual({ message: 'no-blame: Blames the customer: “your fault”', type: 'error' });
    expect(blame.children[0]!.text).toMatch(/^at replies\.jsonl:2\ncustomer: My deploy failed again\./);
    expect(blame.children[0]!.text).toContain('warning plain-words: Say “use” — “utilize”');
    expect(byName.get('stiff-3')!.children[0]!.attrs).toEqual({ message: 'plain-words: Say “please” — “Kindly”', type: 'warning' });
    expect(byName.get('flat-6')!.children[0]!.attrs).toEqual({ message: 'grader: minor-drift', type: 'drift' });
    expect(byName.get('timeout-4')!.children[0]!.name).toBe('error');
    expect(byName.get('timeout-4')!.children[0]!.attrs.message).toBe('ungraded: timeout after 30s');
    expect(byName.get('emoji-5')!.children.map((c) => [c.name, c.text])).toEqual([['system-out', 'info no-emoji: No emoji — “🎉”']]);
    expect(byName.get('record at line 9')!.children[0]!.name).toBe('skipped');
    const gate = findAll(suite(root, 'tone-audit: gate'), 'failure')[0]!;
    expect(gate.text).toBe('drift rate 66.7% exceeds --max-drift-rate 20.0%\n1 sample(s) ungraded: timeout after 30s');
    const rules = findAll(suite(root, 'tone-audit: rules'), 'testcase');
    expect(rules.map((r) => [r.attrs.name, r.children[0]?.name ?? 'pass'])).toEqual([
      ['no-blame', 'failure'],
      ['no-emoji', 'system-out'],
      ['no-sarcasm', 'pass'],
      ['plain-words', 'system-out'],
    ]);
  });

  it('agrees with the gate: a warnings-only audit that passes has no failure at all', () => {
    const parsed = checkedJunit(renderReport(junit, warningsOnlyAudit(), PLAIN));
    expect(parsed.attrs.failures).toBe('0');
    expect(parsed.attrs.errors).toBe('0');
    expect(findAll(parsed, 'failure')).toEqual([]);
    const pile = findAll(parsed, 'testcase').find((t) => t.attrs.name === 'pile-up')!;
    expect(pile.children.map((c) => c.name)).toEqual(['system-out']);
    expect(pile.children[0]!.text).toMatch(/^drift \(advisory: the gate passed\): plain-words/);
    // A mean under the guide's minimum is advisory too: only --min-dimension-mean gates on it.
    const dimension = findAll(suite(parsed, 'tone-audit: dimensions'), 'testcase')[0]!;
    expect(dimension.children.map((c) => c.name)).toEqual(['system-out']);
  });

  it('makes ungraded replies <skipped> when the gate let them pass (--max-ungraded), <error> when it failed', () => {
    const samples = [makeSample({ id: 'u', verdict: 'ungraded', grade: makeErrorGrade('refused') })];
    const allowed = checkedJunit(renderReport(junit, makeAudit({ samples, gate: { passed: true, reasons: [] } }), PLAIN));
    const skipped = findAll(allowed, 'skipped')[0]!;
    expect(skipped.attrs).toEqual({ message: 'ungraded: refused (allowed by --max-ungraded)', type: 'ungraded' });
    expect(suite(allowed, 'tone-audit: samples').attrs).toMatchObject({ tests: '1', failures: '0', errors: '0', skipped: '1' });
    const failed = checkedJunit(renderReport(junit, makeAudit({ samples, gate: { passed: false, reasons: ['1 of 1 samples could not be graded'] } }), PLAIN));
    expect(suite(failed, 'tone-audit: samples').attrs).toMatchObject({ tests: '1', failures: '0', errors: '1', skipped: '0' });
  });

  it('assembles from plain-data cases: what a streaming writer spools renders the same document', () => {
    const audit = reportAudit();
    const { samples, inputProblems, summary, gate, ...header } = audit;
    const footer = { inputProblems, summary, gate };
    const spooled = samples.map((s) => JSON.parse(JSON.stringify(prepareJunitCase(s))) as JunitCase);
    const assembled = renderJunitHead(header, footer, CTX, countJunitCases(spooled)) + spooled.map((c) => renderJunitCase(c, gate.passed)).join('') + renderJunitTail(header, footer);
    expect(assembled).toBe(xml);
    expect(junit.needsAllSamples).toBe(true);
    expect(junit.sample(samples[0]!, 0, CTX)).toBe('');
  });

  it('writes the times and timestamp it is given: testcases add up to the samples suite', () => {
    const audit = warningsOnlyAudit();
    const { samples, inputProblems, summary, gate, ...header } = audit;
    const footer = { inputProblems, summary, gate };
    const cases = samples.map(prepareJunitCase);
    const doc =
      renderJunitHead(header, footer, PLAIN, countJunitCases(cases), { timestamp: '2026-11-23T12:00:00', seconds: 1.5 }) +
      cases.map((c, i) => renderJunitCase(c, gate.passed, [0.25, 1, 0.25][i])).join('') +
      renderJunitTail(header, footer);
    const parsed = checkedJunit(doc);
    expect(parsed.attrs.time).toBe('1.500');
    expect(suite(parsed, 'tone-audit: samples').attrs).toMatchObject({ time: '1.500', timestamp: '2026-11-23T12:00:00' });
    expect(findAll(suite(parsed, 'tone-audit: samples'), 'testcase').map((t) => t.attrs.time)).toEqual(['0.250', '1.000', '0.250']);
  });

  it('skips judge rules and empty dimensions when nothing could judge them', () => {
    const audit = makeAudit({ samples: [makeSample()], grader: { kind: 'none' }, rules: [{ ruleId: 'tone', kind: 'judge', severity: 'error' }], dimensions: [{ id: 'empathy', min: 3 }] });
    const parsed = checkedJunit(renderReport(junit, audit, PLAIN));
    expect(findAll(suite(parsed, 'tone-audit: rules'), 'skipped')[0]!.attrs.message).toBe('judge rules need a grader');
    expect(findAll(suite(parsed, 'tone-audit: dimensions'), 'skipped')[0]!.attrs.message).toBe('no graded replies');
    expect(findAll(suite(parsed, 'tone-audit: gate'), 'failure')).toEqual([]);
  });

  it('escapes bot text: markup survives as text, control characters are dropped, no line of the file starts with bot text', () => {
    const hostile = findAll(root, 'testcase').find((t) => t.attrs.name === 'hostile|7')!;
    const failure = hostile.children[0]!;
    expect(failure.text).toContain('<script>alert(1)</script> & ``` fence');
    expect(failure.text).toContain('\n::error::pwned');
    expect(failure.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(failure.attrs.message).toBe('no-blame: Blames: “100% ::warning::x”');
    expect(xml).not.toContain('<script>');
    // Printed in a CI log, the file cannot start a workflow command (the runner trims leading spaces).
    expect(xml.trimEnd().split('\n').filter((line) => !line.trimStart().startsWith('<'))).toEqual([]);
  });

  it('stays well-formed for ids, files and messages full of XML syntax', () => {
    const nasty = '<a b="c">&amp; \' ]]> \u0000\u0008\u000b\ufffe';
    const audit = makeAudit({
      samples: [makeSample({ id: nasty, source: { file: nasty, line: 3 }, customer: nasty, response: nasty, verdict: 'drift', findings: [makeFinding({ message: nasty })], grade: makeGrade({}) })],
      inputs: [nasty],
      guide: { brand: nasty, version: nasty, hash: 'h', file: nasty },
      gate: { passed: false, reasons: [nasty] },
    });
    const parsed = checkedJunit(renderReport(junit, audit, { ...PLAIN, graderNote: nasty, gateNotes: [nasty] }));
    expect(findAll(suite(parsed, 'tone-audit: samples'), 'testcase')[0]!.attrs.name).toBe('<a b="c">&amp; \' ]]> ');
  });
});

describe('the JUnit schema check (the test checker itself)', () => {
  it.each([
    ['<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c" file="f" line="1"/></testsuite></testsuites>', /attribute file is not allowed/],
    ['<testsuites><testsuite name="s"/></testsuites>', /missing required attribute tests/],
    ['<testsuites skipped="1"/>', /attribute skipped is not allowed/],
    ['<testsuites><testsuite name="s" tests="1" failures="0" errors="0" time="1e3"/></testsuites>', /SUREFIRE_TIME/],
    ['<testsuites><testcase name="c"/></testsuites>', /may not appear in <testsuites>/],
    ['<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c"><failure><b/></failure></testcase></testsuite></testsuites>', /may not appear in <failure>/],
  ])('rejects %j', (bad, message) => {
    expect(validateJunit(parseXml(bad)).join('\n')).toMatch(message);
  });
});

describe('parseXml (the test checker itself)', () => {
  it.each([
    ['<a>&</a>', /bare &/],
    ['<a>&nbsp;</a>', /unknown entity/],
    ['<a><b></a>', /closes <b>/],
    ['<a x="<"/>', /< in attribute/],
    ['<a x=1/>', /unquoted/],
    ['<a x="1" x="2"/>', /duplicate/],
    ['<a>\u0001</a>', /forbidden character/],
    ['<a/><b/>', /second root/],
    ['<a>', /never closed/],
  ])('rejects %j', (bad, message) => {
    expect(() => parseXml(bad)).toThrow(message);
  });
});

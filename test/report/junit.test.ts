import { describe, expect, it } from 'vitest';
import { junit } from '../../src/report/junit.js';
import { renderReport } from '../../src/report/reporter.js';
import { makeAudit, makeSample } from '../helpers/audit-factory.js';
import { findAll, parseXml, type XmlElement } from './parse-xml.js';
import { CTX, reportAudit } from './report-fixtures.js';

function suite(root: XmlElement, name: string): XmlElement {
  const found = root.children.find((s) => s.attrs.name === name);
  if (!found) throw new Error(`no suite ${name}`);
  return found;
}

describe('junit reporter', () => {
  const xml = renderReport(junit, reportAudit(), CTX);
  const root = parseXml(xml);

  it('writes well-formed XML (snapshot)', () => {
    expect(root.name).toBe('testsuites');
    expect(xml).toMatchSnapshot();
  });

  it('streams: begin opens the samples suite, each sample is one testcase, end closes everything', () => {
    const audit = reportAudit();
    const { samples, inputProblems, summary, gate, ...header } = audit;
    const head = junit.begin(header, CTX);
    expect(head).toMatch(/<testsuite name="tone-audit: samples">\n {4}<properties>/);
    const cases = samples.map((s, i) => junit.sample(s, i, CTX));
    for (const c of cases) expect(c.match(/<testcase /g)).toHaveLength(1);
    expect(head + cases.join('') + junit.end(header, { inputProblems, summary, gate }, CTX)).toBe(xml);
    expect(junit.needsAllSamples).toBeUndefined();
  });

  it('maps drift to <failure>, ungraded to <error>, skipped records to <skipped>', () => {
    const samples = suite(root, 'tone-audit: samples');
    const byName = new Map(findAll(samples, 'testcase').map((t) => [t.attrs.name, t]));
    expect(byName.get('pass-1')!.children).toEqual([]);
    const blame = byName.get('blame-2')!;
    expect(blame.attrs).toEqual({ classname: 'replies.jsonl', name: 'blame-2', file: 'replies.jsonl', line: '2' });
    expect(blame.children[0]!.name).toBe('failure');
    expect(blame.children[0]!.attrs).toEqual({ message: 'no-blame: Blames the customer: “your fault”', type: 'error' });
    expect(blame.children[0]!.text).toContain('warning plain-words: Say “use” — “utilize”');
    expect(byName.get('flat-6')!.children[0]!.attrs).toEqual({ message: 'grader: minor-drift', type: 'drift' });
    expect(byName.get('timeout-4')!.children[0]!.name).toBe('error');
    expect(byName.get('timeout-4')!.children[0]!.attrs.message).toBe('ungraded: timeout after 30s');
    expect(byName.get('emoji-5')!.children[0]!.name).toBe('system-out');
    expect(byName.get('record at line 9')!.children[0]!.name).toBe('skipped');
  });

  it('puts counts that match their testcases on the suites written at the end', () => {
    for (const name of ['tone-audit: rules', 'tone-audit: dimensions', 'tone-audit: gate']) {
      const s = suite(root, name);
      const cases = findAll(s, 'testcase');
      expect(Number(s.attrs.tests)).toBe(cases.length);
      expect(Number(s.attrs.failures)).toBe(cases.filter((c) => c.children.some((x) => x.name === 'failure')).length);
      expect(Number(s.attrs.skipped)).toBe(cases.filter((c) => c.children.some((x) => x.name === 'skipped')).length);
    }
    const rules = findAll(suite(root, 'tone-audit: rules'), 'testcase');
    expect(rules.map((r) => [r.attrs.name, r.children[0]?.name ?? 'pass'])).toEqual([
      ['no-blame', 'failure'],
      ['no-emoji', 'system-out'],
      ['no-sarcasm', 'pass'],
      ['plain-words', 'failure'],
    ]);
    const gate = findAll(suite(root, 'tone-audit: gate'), 'failure')[0]!;
    expect(gate.text).toBe('drift rate 66.7% exceeds --max-drift-rate 20.0%\n1 sample(s) ungraded: timeout after 30s');
  });

  it('skips judge rules and empty dimensions when nothing could judge them', () => {
    const audit = makeAudit({ samples: [makeSample()], grader: { kind: 'none' }, rules: [{ ruleId: 'tone', kind: 'judge', severity: 'error' }], dimensions: [{ id: 'empathy', min: 3 }] });
    const parsed = parseXml(renderReport(junit, audit, { colorLevel: 0, showPassing: false }));
    expect(findAll(suite(parsed, 'tone-audit: rules'), 'skipped')[0]!.attrs.message).toBe('judge rules need a grader');
    expect(findAll(suite(parsed, 'tone-audit: dimensions'), 'skipped')[0]!.attrs.message).toBe('no graded replies');
    expect(findAll(suite(parsed, 'tone-audit: gate'), 'failure')).toEqual([]);
  });

  it('escapes bot text: markup survives as text, control characters are dropped, newlines in attributes become spaces', () => {
    const hostile = findAll(root, 'testcase').find((t) => t.attrs.name === 'hostile|7')!;
    const failure = hostile.children[0]!;
    expect(failure.text).toContain('<script>alert(1)</script> & ``` fence');
    expect(failure.text).toContain('\n::error::pwned');
    expect(failure.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(failure.attrs.message).toBe('no-blame: Blames: “100% ::warning::x”');
    expect(xml).not.toContain('<script>');
  });

  it('stays well-formed for ids, files and messages full of XML syntax', () => {
    const nasty = '<a b="c">&amp; \' ]]> \u0000\u0008\u000b\ufffe';
    const audit = makeAudit({
      samples: [makeSample({ id: nasty, source: { file: nasty, line: 3 }, customer: nasty, response: nasty, verdict: 'drift' })],
      inputs: [nasty],
      guide: { brand: nasty, version: nasty, hash: 'h', file: nasty },
      gate: { passed: false, reasons: [nasty] },
    });
    const parsed = parseXml(renderReport(junit, audit, { colorLevel: 0, showPassing: false, graderNote: nasty, gateNotes: [nasty] }));
    expect(findAll(parsed, 'testcase')[0]!.attrs.name).toBe('<a b="c">&amp; \' ]]> ');
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

import { describe, expect, it } from 'vitest';
import { compareAudits } from '../../src/diff/compare-audits.js';
import { evaluateGate } from '../../src/findings/evaluate-gate.js';
import { renderComparisonMarkdown, renderComparisonTerminal } from '../../src/report/comparison/index.js';
import { escapeHtml } from '../../src/report/escape.js';
import { renderComparison } from '../../src/report/html/render-comparison.js';
import type { AuditResult, ConversationSummary, SampleResult, SampleVerdict } from '../../src/types.js';
import { makeAudit, makeSample } from '../helpers/audit-factory.js';

/** One conversation's bot turns (`<id>#<n>`), the last carrying the conversation verdict. */
function conversation(id: string, turns: SampleVerdict[], patterns: string[] = []): SampleResult[] {
  const verdict: SampleVerdict = turns.includes('drift') ? 'drift' : turns.includes('ungraded') ? 'ungraded' : 'pass';
  return turns.map((turnVerdict, n) =>
    makeSample({
      id: `${id}#${n}`,
      verdict: turnVerdict,
      metadata: { conversation_id: id },
      ...(n === turns.length - 1
        ? {
            conversation: {
              id,
              verdict,
              botTurns: turns.length,
              driftingTurns: turns.flatMap((v, i) => (v === 'drift' ? [i] : [])),
              patterns,
              frustration: 'calm' as const,
            },
          }
        : {}),
    }),
  );
}

function summaryOf(samples: SampleResult[]): { conversations: ConversationSummary } {
  const verdicts = samples.flatMap((s) => (s.conversation ? [s.conversation] : []));
  return {
    conversations: {
      conversations: verdicts.length,
      drifting: verdicts.filter((v) => v.verdict === 'drift').length,
      patterns: {},
      handedOff: 0,
      meanBotTurnsUntilHandoff: 0,
      frustration: { rising: 0, steady: 0, easing: 0, calm: verdicts.length },
    },
  };
}

function auditOf(samples: SampleResult[]): AuditResult {
  return makeAudit({ samples, summary: summaryOf(samples) });
}

const base = auditOf([
  ...conversation('c1', ['pass', 'pass']),
  ...conversation('c2', ['pass', 'drift'], ['loop']),
  ...conversation('c3', ['drift']),
  ...conversation('c4', ['pass']),
  ...conversation('gone', ['pass']),
]);
const head = auditOf([
  ...conversation('c1', ['pass', 'drift'], ['forgot-context']),
  ...conversation('c2', ['pass', 'drift']),
  ...conversation('c3', ['pass']),
  ...conversation('c4', ['ungraded']),
  ...conversation('fresh', ['drift']),
]);

describe('compareAudits: conversations', () => {
  it('pairs conversations by id and sorts them by how their verdict moved', () => {
    const c = compareAudits(base, head);
    expect(c.mode).toBe('paired');
    const changes = c.conversations!;
    expect(changes.mode).toBe('paired');
    expect(changes.conversations).toEqual({
      shared: 4,
      onlyInBase: ['gone'],
      onlyInHead: ['fresh'],
      newlyDrifting: ['c1'],
      fixed: ['c3'],
      stillDrifting: ['c2'],
      stillPassing: [],
      ungraded: ['c4'],
    });
    // Over the 3 conversations with a verdict in both audits: c1, c2, c3.
    expect(changes.drift.base).toMatchObject({ count: 2, n: 3 });
    expect(changes.drift.head).toMatchObject({ count: 2, n: 3 });
    expect(changes.drift.test).toBe('mcnemar');
  });

  it('lists conversations whose patterns changed', () => {
    expect(compareAudits(base, head).conversations!.patterns).toEqual([
      { id: 'c1', added: ['forgot-context'], removed: [] },
      { id: 'c2', added: [], removed: ['loop'] },
    ]);
  });

  it('is absent when neither audit judged conversations', () => {
    const plain = makeAudit({ samples: [makeSample()] });
    expect(compareAudits(plain, plain).conversations).toBeUndefined();
  });

  it('compares summary rates when one audit has no per-conversation verdicts (schema 1) or judged no conversations', () => {
    const v1 = { ...auditOf(base.samples.map(({ conversation: _dropped, ...s }) => s)), summary: base.summary };
    const fromV1 = compareAudits(v1, head).conversations!;
    expect(fromV1.mode).toBe('unpaired');
    expect(fromV1.modeReason).toContain('The base audit has no per-conversation verdicts');
    expect(fromV1.conversations).toBeUndefined();
    expect(fromV1.drift.base).toMatchObject({ count: 2, n: 5 });
    expect(fromV1.drift.head).toMatchObject({ count: 3, n: 5 });
    expect(fromV1.drift.tooSmall).toMatch(/at least 30/);

    const replies = makeAudit({ samples: [makeSample({ id: 'c1#0' })] });
    const noConversations = compareAudits(base, replies).conversations!;
    expect(noConversations.modeReason).toContain('The head audit judged no conversations');
    expect(noConversations.drift.head.n).toBe(0);
  });

  it('follows an unpaired sample comparison', () => {
    const c = compareAudits(base, head, { mode: 'unpaired' });
    expect(c.conversations!.mode).toBe('unpaired');
    expect(c.conversations!.modeReason).toContain('independent groups');
  });
});

describe('conversation changes in reports', () => {
  const c = compareAudits(base, head);

  it('terminal: newly drifting and fixed conversations, and pattern changes', () => {
    const text = renderComparisonTerminal(c, { colorLevel: 0 });
    expect(text).toContain('Conversations');
    expect(text).toContain('conversation drift rate  66.7% (2/3');
    expect(text).toContain('newly drifting conversations (1): c1');
    expect(text).toContain('fixed conversations (1): c3');
    expect(text).toContain('  c1  new: forgot-context');
    expect(text).toContain('  c2  gone: loop');
  });

  it('Markdown: a Conversations section with the lists and a pattern table', () => {
    const md = renderComparisonMarkdown(c);
    expect(md).toContain('### Conversations');
    expect(md).toContain('- ❌ **Newly drifting (1)**: `c1`');
    expect(md).toContain('- 4 conversations in both audits: 1 still drifting, 0 still passing, 1 ungraded');
    expect(md).toContain('| c1 | new: forgot-context |');
  });

  it('HTML: conversation lists, escaped', () => {
    const hostile = auditOf([...conversation('<b>x</b>', ['drift'])]);
    const calm = auditOf([...conversation('<b>x</b>', ['pass'])]);
    const html = renderComparison(compareAudits(calm, hostile), [], (id) => `<code>${escapeHtml(id)}</code>`);
    expect(html).toContain('<h3>Conversation by conversation</h3>');
    expect(html).toContain('<code>&lt;b&gt;x&lt;/b&gt;</code>');
    expect(html).not.toContain('<b>x</b>');
  });
});

describe('gate: --max-newly-drifting-conversations', () => {
  it('fails when more conversations drift now than passed before, naming them', () => {
    const c = compareAudits(base, head);
    const gate = evaluateGate({ summary: head.summary, comparison: c }, { failOn: 'none', maxUngraded: 99, maxNewlyDriftingConversations: 0 });
    expect(gate.passed).toBe(false);
    expect(gate.reasons).toEqual(['1 conversation passed in the baseline and drift now (c1), more than --max-newly-drifting-conversations 0 allows.']);
    expect(evaluateGate({ summary: head.summary, comparison: c }, { failOn: 'none', maxUngraded: 99, maxNewlyDriftingConversations: 1 }).passed).toBe(true);
  });

  it('fails with a reason when it cannot apply', () => {
    const plain = makeAudit({ samples: [makeSample()] });
    const none = evaluateGate({ summary: plain.summary }, { failOn: 'none', maxNewlyDriftingConversations: 0 });
    expect(none.reasons[0]).toMatch(/needs a baseline audit/);
    const noConversations = evaluateGate({ summary: plain.summary, comparison: compareAudits(plain, plain) }, { failOn: 'none', maxNewlyDriftingConversations: 0 });
    expect(noConversations.reasons[0]).toMatch(/neither audit has any/);
    expect(() => evaluateGate({ summary: plain.summary }, { maxNewlyDriftingConversations: -1 })).toThrow(/whole number/);
  });
});

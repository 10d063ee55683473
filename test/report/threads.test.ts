import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createConversationJudge } from '../../src/findings/judge-conversations.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderMarkdownReport } from '../../src/report/markdown.js';
import { renderReport } from '../../src/report/reporter.js';
import { createTerminalReporter } from '../../src/report/terminal.js';
import { threadsOf } from '../../src/report/thread/collect-threads.js';
import type { SampleResult, Turn } from '../../src/types.js';
import { findingAt, makeAudit, makeSample } from '../helpers/audit-factory.js';
import { CTX } from './report-fixtures.js';

const FIRST = 'I was charged twice for invoice 4471. Please refund one.';
const ASKED = 'Could you tell me the invoice number?';
const SECOND = 'I already said: 4471. This is ridiculous.';
const LAST = 'Thanks, I have refunded the second charge of invoice 4471; it reaches your card in 5 days.';

/** A three-message conversation whose first bot turn drifts, judged per turn and by the engine's conversation stage. */
function conversationResults(): SampleResult[] {
  const turns: Turn[] = [
    { role: 'customer', text: FIRST },
    { role: 'bot', text: ASKED },
    { role: 'customer', text: SECOND },
  ];
  const meta = (turn: number) => ({ conversation_id: 'conv-1', turn });
  const results = [
    makeSample({
      id: 'conv-1#0', source: { file: 'logs.jsonl', line: 1 }, customer: FIRST, response: ASKED, transcript: turns.slice(0, 1), metadata: meta(0), verdict: 'drift',
      findings: [findingAt(ASKED, 'invoice number', { ruleId: 'remember-details', kind: 'conversation', message: 'Asks again for a reference the customer gave in turn 1' })],
    }),
    makeSample({ id: 'conv-1#1', source: { file: 'logs.jsonl', line: 1 }, customer: SECOND, response: LAST, transcript: turns, metadata: meta(1), verdict: 'pass' }),
    makeSample({ id: 'single', source: { file: 'logs.jsonl', line: 2 }, response: 'You should have read the docs.', verdict: 'drift', findings: [findingAt('You should have read the docs.', 'You should have', { ruleId: 'no-blame' })] }),
  ];
  const judge = createConversationJudge();
  return [...results.flatMap((r) => judge.push(r)), ...judge.flush()];
}

const audit = () => makeAudit({ samples: conversationResults() });

describe('conversation threads in the reports', () => {
  it('are rebuilt from the per-turn results: every message in order, the drifting turn with its findings', () => {
    const { threads, replies } = threadsOf(conversationResults());
    expect(replies.map((r) => r.id)).toEqual(['single']);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.messages.map((m) => [m.role, m.botTurn, m.result?.verdict])).toEqual([
      ['customer', undefined, undefined],
      ['bot', 0, 'drift'],
      ['customer', undefined, undefined],
      ['bot', 1, 'pass'],
    ]);
  });

  it('terminal: one thread per conversation, drifting turn in full with its marked span, single replies as before', () => {
    const out = renderReport(createTerminalReporter(), audit(), CTX);
    expect(out).toContain('conv-1  logs.jsonl:1  conversation drift\n  1 of 2 bot turns drift · remember-details · frustration rising\n');
    expect(out).toContain(`  customer:    ${FIRST}\n  bot #0 drift Could you tell me the [invoice number]?\n    error    remember-details`);
    expect(out).toContain(`  bot #1 pass  ${LAST}`);
    expect(out).not.toContain('conv-1#0  logs.jsonl');
    expect(out).toContain('single  logs.jsonl:2  drift');
  });

  it('terminal: a passing conversation is listed only with showPassing, and counts against showLimit by its drifting turns', () => {
    const passing = conversationResults().map((r) => (r.id === 'single' ? r : { ...r, verdict: 'pass' as const, findings: [], ...(r.conversation ? { conversation: { ...r.conversation, verdict: 'pass' as const, driftingTurns: [] } } : {}) }));
    const quiet = renderReport(createTerminalReporter(), makeAudit({ samples: passing }), CTX);
    expect(quiet).not.toContain('conv-1');
    expect(renderReport(createTerminalReporter(), makeAudit({ samples: passing }), { ...CTX, showPassing: true })).toContain('conv-1  logs.jsonl:1  conversation pass');
    const limited = renderReport(createTerminalReporter(), audit(), { ...CTX, showLimit: 1 });
    expect(limited).toContain('conv-1  logs.jsonl:1  conversation drift');
    expect(limited).toContain('… 1 more reply not shown');
  });

  it('markdown: a "Drifting conversations" section with the thread, and single replies in their own section', () => {
    const out = renderMarkdownReport(audit(), CTX);
    expect(out).toContain('### Drifting conversations');
    expect(out).toContain('<summary>❌ <code>conv-1</code> · logs.jsonl:1 — 1 of 2 bot turns drift · remember-details · frustration rising</summary>');
    expect(out).toMatch(/❌ \*\*Bot #0 — drift\*\*\n\n- ❌ `remember-details`/);
    expect(out).toContain('✅ **Bot #1:** Thanks, I have refunded');
    expect(out).toContain('### Drifting replies');
    expect(out.indexOf('### Drifting conversations')).toBeLessThan(out.indexOf('### Drifting replies'));
    // The drifting turn is in its thread, not listed again as a reply of its own.
    expect(out).not.toContain('<code>conv-1#0</code>');
  });

  it('html: a Conversations section whose card holds the thread, with the drifting turn linked to its detail card', () => {
    const page = renderHtmlReport(audit(), CTX);
    const section = page.slice(page.indexOf('<section id="conversations">'), page.indexOf('<section id="replies">'));
    expect(section).toContain('<h2>Conversations (1)</h2>');
    expect(section).toContain('<span class="detail-id">conv-1</span> <span class="verdict verdict-drift">drift</span>');
    expect(section).toContain('Bot #0 <span class="verdict verdict-drift">drift</span> <code>remember-details</code> <a href="#sample-1">details ↓</a>');
    expect(section).toContain('Could you tell me the <mark class="sev-error" title="remember-details">invoice number</mark>?');
    expect(section).toContain('Bot #1 <span class="verdict verdict-pass">pass</span>');
  });

  it('html: has no Conversations section when the input had none', () => {
    const page = renderHtmlReport(makeAudit({ samples: [makeSample()] }), CTX);
    expect(page).not.toContain('id="conversations"');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('html: in a browser, the thread opens and its link opens the drifting turn’s detail card', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tone-audit-threads-'));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const file = path.join(dir, 'report.html');
      writeFileSync(file, renderHtmlReport(audit(), CTX));
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      const card = page.locator('#conversation-1');
      await card.locator('summary').click();
      expect(await card.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await card.locator('ol.thread > li').count()).toBe(4);
      await card.getByRole('link', { name: 'details ↓' }).click();
      expect(await page.locator('#sample-1').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await page.locator('#sample-1 .detail-id').textContent()).toBe('conv-1#0');
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

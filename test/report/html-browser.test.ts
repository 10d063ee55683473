import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { buildReportInput, INJECTION_REPLY } from './html-fixture.js';

const CHROMIUM = '/usr/bin/chromium';

/** Where the screenshots go, for a person to look at after a run (gitignored). */
const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-artifacts/html-report');

// CI installs Debian's chromium; elsewhere the test skips rather than download a browser.
describe.skipIf(!existsSync(CHROMIUM))('html report in headless Chromium', () => {
  const { result, ctx } = buildReportInput(36);
  const drifting = result.samples.filter((s) => s.verdict === 'drift').length;
  let dir: string;
  let fileUrl: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tone-audit-html-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, renderHtmlReport(result, ctx));
    fileUrl = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(fileUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rowsShown = (): Promise<number> => page.locator('#replies-table tbody tr:visible').count();
  const countText = (): Promise<string | null> => page.locator('#filter-count').textContent();

  it('loads without console or page errors and makes no request but the file itself', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([fileUrl]);
  });

  const cardsOpen = (): Promise<boolean[]> => page.locator('details.detail').evaluateAll((cards) => cards.map((c) => (c as HTMLDetailsElement).open));

  it('collapses the drifting replies by default; expand-all opens and closes them all', async () => {
    const open = await cardsOpen();
    expect(open.length).toBe(drifting);
    expect(open.every((o) => !o)).toBe(true);
    expect(await page.locator('#sample-7 blockquote.reply').isVisible()).toBe(false);
    const button = page.locator('#expand-all');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    expect((await cardsOpen()).every((o) => o)).toBe(true);
    expect(await button.textContent()).toBe('Collapse all');
    await button.click();
    expect((await cardsOpen()).every((o) => !o)).toBe(true);
  });

  it('puts the comparison with the baseline first, before the summary and the charts', async () => {
    const order = await page.locator('main > section').evaluateAll((sections) => sections.map((s) => s.id));
    expect(order.slice(0, 4)).toEqual(['baseline', 'trend', 'summary', 'charts']);
  });

  for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
    it(`fits every opened card inside its border at ${width} px (${name}), with screenshots`, async () => {
      await page.setViewportSize({ width, height: 900 });
      try {
        await page.locator('details.detail').evaluateAll((cards) => cards.forEach((c) => ((c as HTMLDetailsElement).open = true)));
        const overflowing = await page.locator('details.detail').evaluateAll((cards) =>
          cards.flatMap((card) => {
            const box = card.getBoundingClientRect();
            const inner = [...card.querySelectorAll('*')].filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
            });
            return card.scrollWidth > card.clientWidth + 1 || inner.length > 0 ? [card.id] : [];
          }),
        );
        expect(overflowing).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        await page.locator('#details').screenshot({ path: path.join(SCREENSHOT_DIR, `details-${name}.png`) });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `top-${name}.png`) });
      } finally {
        await page.locator('details.detail').evaluateAll((cards) => cards.forEach((c) => ((c as HTMLDetailsElement).open = false)));
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });
  }

  it('shows injected markup as text and never runs it', async () => {
    await page.locator('#sample-7').evaluate((card) => ((card as HTMLDetailsElement).open = true));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const reply = page.locator('#sample-7 blockquote.reply');
    await reply.scrollIntoViewIfNeeded();
    expect(await reply.isVisible()).toBe(true);
    expect(await reply.textContent()).toBe(INJECTION_REPLY);
    expect(await reply.locator('mark.sev-error').first().textContent()).toBe('<script>');
  });

  it('filters the table by text (past the clamped part too), verdict, rule and severity, and resets', async () => {
    expect(await page.locator('#filters').isVisible()).toBe(true);
    expect(await rowsShown()).toBe(36);

    await page.locator('#filter-text').fill('DEPOT');
    const depot = result.samples.filter((s) => s.response.includes('depot')).length;
    await expect.poll(countText).toBe(`${depot} of 36 replies shown`);
    expect(await rowsShown()).toBe(depot);
    for (const text of await page.locator('#replies-table tbody tr:visible td.reply').allTextContents()) expect(text).toContain('depot');

    // "restart" sits after a 246-character word, far outside the two clamped lines.
    await page.locator('#filter-text').fill('and restart');
    await expect.poll(countText).toBe('1 of 36 replies shown');

    await page.locator('#filter-text').fill('no reply says this');
    await expect.poll(countText).toBe('0 of 36 replies shown');
    expect(await page.locator('#filter-empty').isVisible()).toBe(true);

    await page.locator('#filter-text').fill('');
    await page.locator('#filter-verdict').selectOption('drift');
    await expect.poll(countText).toBe(`${drifting} of 36 replies shown`);
    const verdicts = await page.locator('#replies-table tbody tr:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-verdict')));
    expect(new Set(verdicts)).toEqual(new Set(['drift']));

    await page.locator('#filter-rule').selectOption('no-jargon');
    const jargon = result.samples.filter((s) => s.verdict === 'drift' && s.findings.some((f) => f.ruleId === 'no-jargon')).length;
    await expect.poll(countText).toBe(`${jargon} of 36 replies shown`);

    await page.locator('#filter-verdict').selectOption('');
    await page.locator('#filter-rule').selectOption('');
    await page.locator('#filter-severity').selectOption('none');
    const clean = result.samples.filter((s) => s.findings.length === 0).length;
    await expect.poll(countText).toBe(`${clean} of 36 replies shown`);

    await page.locator('#filter-verdict').selectOption('ungraded');
    await page.locator('#filter-reset').click();
    await expect.poll(countText).toBe('36 of 36 replies shown');
    expect(await rowsShown()).toBe(36);
    expect(await page.locator('#filter-verdict').inputValue()).toBe('');
  });

  it('navigates from a row id to its detail card', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#replies-table a[href="#sample-7"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#sample-7');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('sample-7');
    const top = await page.locator('#sample-7').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(100);
  });

  it('keeps long unbroken words from widening the page, on a laptop and on a phone', async () => {
    const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 420, height: 900 });
    try {
      expect(await overflow()).toBeLessThanOrEqual(0);
      // Short cells are not broken letter by letter (the table scrolls inside its wrapper instead).
      const lines = await page.locator('#replies-table tbody tr:nth-child(5) td:nth-child(3)').evaluate((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines).toBe(1);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('renders the charts as a non-trivial picture', async () => {
    const charts = page.locator('#charts');
    const png = await charts.screenshot({ path: path.join(SCREENSHOT_DIR, 'charts.png') });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    const box = (await page.locator('#chart-rules').boundingBox())!;
    expect(box.width).toBeGreaterThan(500);
    expect(box.height).toBeGreaterThan(100);
    const trend = await page.locator('#trend').screenshot({ path: path.join(SCREENSHOT_DIR, 'trend.png') });
    expect(trend.length).toBeGreaterThan(20_000);
    await page.locator('#baseline').screenshot({ path: path.join(SCREENSHOT_DIR, 'baseline.png') });
  });

  it('hides the filter controls when printed, and opens every card for print', async () => {
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect((await cardsOpen()).every((o) => o)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('#expand-all').isVisible()).toBe(false);
    expect(await page.locator('#charts svg').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([fileUrl]);
  });
});

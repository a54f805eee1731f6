/**
 * Search across every report, in Debian's Chromium against the real local runtime (as `npm start`
 * runs it): three years of the demo county's reports published through the stream (王店镇's real
 * 2023 text among them, and one more year submitted through the API), the scheduled pass's index
 * step run, and a reader who types an agency's name and a phrase of its text into the header's
 * search box on the home page reaches its report; the year filter narrows the results; the page
 * breaks no CSP rule, throws no error, and axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_REGION, DEMO_YEAR, WANGDIAN, wangdianReport } from '../../local/seed/demo-county.js';
import { seriousAxeViolations, startBrowserSession, type BrowserSession } from './session.js';

const PREVIOUS = DEMO_YEAR - 1;
const EARLIER = DEMO_YEAR - 2;
const EARLIER_PHRASE = '推行村级便民服务站点信息公开栏';
let session: BrowserSession;

/** Waits until the site serves the page (published by the stream pump). */
async function published(path: string): Promise<void> {
  const until = Date.now() + 60_000;
  while ((await fetch(`${session.runtime.siteUrl}${path}`)).status !== 200) {
    if (Date.now() > until) throw new Error(`${path} not published within a minute`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const reportPath = (year: number) => `/${DEMO_REGION}/${year}/${WANGDIAN.id}/`;

beforeAll(async () => {
  session = await startBrowserSession();
  // One more year for 王店镇, filed through the API as the form files it.
  const report = wangdianReport();
  const earlier = {
    ...report,
    year: EARLIER,
    sections: { ...report.sections, overview: `${EARLIER_PHRASE}，方便群众就近查阅。${String(report.sections.overview ?? '')}` },
  };
  const { token } = await session.runtime.signInLink(WANGDIAN.id);
  const submitted = await session.api(`/api/filings/${EARLIER}/submit`, token, { method: 'POST', body: earlier });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  await published(reportPath(EARLIER));
  await published(reportPath(PREVIOUS));
  await published(`/${DEMO_REGION}/${DEMO_YEAR}/`);
  const built = await session.runtime.searchIndex();
  // the demo's six reports of last year, the office's of this year, and 王店镇's earlier one
  expect(built).toMatchObject({ built: true, reports: 8 });
}, 300_000);

afterAll(async () => {
  await session?.stop();
});

async function resultTitles(page: Page): Promise<string[]> {
  await page.locator('#search-results li').first().waitFor({ timeout: 20_000 });
  return page.locator('#search-results li h2').allTextContents();
}

describe('search across all reports', () => {
  it("finds a report from the home page's search box by its agency's name and a phrase of its text, and opens it", async () => {
    const page = await session.newPage(`${session.runtime.siteUrl}/`);
    await page.locator('#site-search-q').fill('王店镇 政务公开领导小组');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const titles = await resultTitles(page);
    // both years of 王店镇 carry that sentence; no other agency's report does
    expect(titles.sort()).toEqual([`王店镇人民政府${EARLIER}年政府信息公开工作年度报告`, `王店镇人民政府${PREVIOUS}年政府信息公开工作年度报告`]);
    await expect.poll(() => page.locator('#search-status').textContent()).toContain('找到 2 份报告');
    // each result names its agency, region and year, and quotes the text with the words marked
    const first = page.locator('#search-results li').first();
    expect(await first.locator('.result-meta').textContent()).toMatch(new RegExp(`王店镇人民政府 · 内乡县 · (${EARLIER}|${PREVIOUS})`));
    expect(await first.locator('.excerpt mark').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: `王店镇人民政府${PREVIOUS}年政府信息公开工作年度报告` }).click();
    await page.waitForURL(`${session.runtime.siteUrl}${reportPath(PREVIOUS)}`);
    expect(await page.locator('h1').textContent()).toBe(`王店镇人民政府${PREVIOUS}年政府信息公开工作年度报告`);
    expect(await page.locator('#overview').textContent()).toContain('政务公开领导小组');
    expect(session.cspViolations).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }, 120_000);

  it('narrows the results by year, and finds a phrase only one report has', async () => {
    const page = await session.newPage(`${session.runtime.siteUrl}/search/?q=${encodeURIComponent('王店镇 政务公开领导小组')}`);
    await resultTitles(page);
    await page.selectOption('#search-year', String(EARLIER));
    await page.waitForURL(/year=/);
    expect(await resultTitles(page)).toEqual([`王店镇人民政府${EARLIER}年政府信息公开工作年度报告`]);

    const phrase = await session.newPage(`${session.runtime.siteUrl}/search/?q=${encodeURIComponent('便民服务站点信息公开栏')}`);
    expect(await resultTitles(phrase)).toEqual([`王店镇人民政府${EARLIER}年政府信息公开工作年度报告`]);
    // the agency filter lists the indexed agencies
    expect(await phrase.locator('#search-agency option').allTextContents()).toContain('王店镇人民政府');
    expect(session.cspViolations).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }, 120_000);
});

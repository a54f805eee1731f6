/**
 * The reviewing office's page in Debian's Chromium against the real local runtime, in the demo
 * county with review required: the board shows what waits; the reviewer returns a report with a
 * general and a cell comment; the agency gets the e-mail (SES emulator); the filer sees the
 * comments on the form, on their cell, and resubmits; they are gone; the reviewer approves and
 * the report is published on the site. Plus the board's filter, sort and CSV export, axe-core
 * and the CSP.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_REGION, DEMO_YEAR } from '../../local/seed/demo-county.js';
import { cleanReport } from '../support/consistent-report.js';
import type { LocalRuntime } from './local-runtime.js';
import { boardRow as row, seriousAxeViolations, useBrowserSession, type ApiInit, type BrowserSession } from './session.js';

const CHIMEI = DEMO_AGENCIES.find((a) => a.name === '赤眉镇人民政府')!;
const CELL = 'applications.newReceived.natural';
const GENERAL = '请核对申请数据<与台账>是否一致';
const CELL_COMMENT = '本年新收数与登记台账不符';
const FEE = 'other.fee-report|other';
const EXPLANATION = '本机关未收取信息处理费<已核实>。';

let session: BrowserSession;
let runtime: LocalRuntime;
const newPage = (url: string) => session.newPage(url);
const api = (path: string, token: string, init?: ApiInit) => session.api(path, token, init);

useBrowserSession({ review: true, reviewRequired: true, acceptDownloads: true }, (s) => {
  session = s;
  runtime = s.runtime;
});

describe('the review page', () => {
  let reviewer: Page;
  let filerToken: string;

  it('opens by the reviewer link at /review/ and shows the board with the submission awaiting approval', async () => {
    const filer = await runtime.signInLink(CHIMEI.id);
    filerToken = filer.token;
    const submitted = await api(`/api/filings/${DEMO_YEAR}/submit`, filerToken, { method: 'POST', body: cleanReport('2021', CHIMEI.name, DEMO_YEAR) });
    expect(submitted.body.status).toBe('awaiting_approval');

    const link = await runtime.reviewerLink(DEMO_REGION);
    expect(link.url).toContain('/review/#');
    reviewer = await newPage(`${link.url}&year=${DEMO_YEAR}`);
    expect(reviewer.url()).not.toContain('token');
    await expect.poll(() => row(reviewer, CHIMEI.name).locator('td.status').textContent()).toBe('待审核');
    expect(await reviewer.locator('#counts li[data-count="待审核"] strong').textContent()).toBe('1');
    expect(await reviewer.locator('#board tbody tr').count()).toBe(DEMO_AGENCIES.length);
  }, 60_000);

  it('filters, sorts and exports the board as CSV with a BOM', async () => {
    await reviewer.selectOption('#filter', 'awaiting_approval');
    expect(await reviewer.locator('#board tbody tr').count()).toBe(1);
    await reviewer.selectOption('#filter', '');
    await reviewer.locator('#board th button[data-sort="agencyName"]').click();
    const names = await reviewer.locator('#board tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'zh-CN')));
    const [download] = await Promise.all([reviewer.waitForEvent('download'), reviewer.locator('#export').click()]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toContain(CHIMEI.name);
  });

  it('returns the report with a general and a cell comment; the agency is e-mailed the comments', async () => {
    await row(reviewer, CHIMEI.name).getByRole('button', { name: `查看${CHIMEI.name}的报告` }).click();
    await reviewer.locator('#filing-heading').filter({ hasText: CHIMEI.name }).waitFor();
    expect(await reviewer.locator('#report-page article.report h1').textContent()).toContain(CHIMEI.name);
    await reviewer.locator('#return-box summary').click();
    await reviewer.fill('#return-comment', GENERAL);
    await reviewer.selectOption('#cell-select', CELL);
    await reviewer.fill('#cell-comment', CELL_COMMENT);
    await reviewer.locator('#add-cell-comment').click();
    expect(await reviewer.locator(`#cell-comments li[data-path="${CELL}"]`).textContent()).toContain(CELL_COMMENT);
    await reviewer.locator('#return').click();
    await expect.poll(() => row(reviewer, CHIMEI.name).locator('td.status').textContent()).toBe('已退回');

    let mail: { subject: string; destination: { to: string[] }; body: { text?: string; html?: string } } | undefined;
    await expect
      .poll(
        async () => {
          const store = (await (await fetch(`${runtime.sesUrl}/store`)).json()) as { emails: (typeof mail & object)[] };
          mail = store.emails.find((m) => m.destination.to.includes(CHIMEI.emails[0]!) && m.subject.includes('退回'));
          return mail !== undefined;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(mail!.body.text).toContain(GENERAL);
    expect(mail!.body.text).toContain(CELL_COMMENT);
    expect(mail!.body.html).toContain('请核对申请数据&lt;与台账&gt;是否一致');
  }, 60_000);

  it('the filer sees the comments on the form, the cell comment on its cell, resubmits, and they are gone', async () => {
    const form = await newPage((await runtime.signInLink(CHIMEI.id)).url);
    await form.locator('#report-form').waitFor();
    if ((await form.locator('#year').inputValue()) !== String(DEMO_YEAR)) await form.selectOption('#year', String(DEMO_YEAR));
    await expect.poll(() => form.locator('#review-general').textContent()).toBe(GENERAL);
    const note = form.locator(`.review-note[data-path="${CELL}"]`);
    expect(await note.textContent()).toContain(CELL_COMMENT);
    const input = form.locator(`#cell-${CELL.replace(/\./g, '-')}`);
    expect(await input.getAttribute('aria-details')).toBe(await note.getAttribute('id'));
    // 六 without the 信息处理费 statement: a warning, which the filer explains before resubmitting
    await form.fill('#text-other', '无。');
    const box = form.locator(`textarea.explanation[data-key="${FEE}"]`);
    await box.waitFor();
    await box.fill(EXPLANATION);
    await form.locator('#submit').click();
    await expect.poll(() => form.locator('#status').textContent(), { timeout: 15_000 }).toContain('待主管部门审核');
    await form.reload();
    await form.locator('#report-form').waitFor();
    await expect.poll(() => form.locator('#status').textContent()).toContain('待主管部门审核');
    expect(await form.locator('.review-note').count()).toBe(0);
    expect(await form.locator('#review-comments').isHidden()).toBe(true);
    await form.close();
  }, 60_000);

  it('the reviewer approves the new revision and it is published on the site', async () => {
    await reviewer.reload();
    await expect.poll(() => row(reviewer, CHIMEI.name).locator('td.status').textContent()).toBe('待审核');
    await row(reviewer, CHIMEI.name).getByRole('button', { name: `查看${CHIMEI.name}的报告` }).click();
    await reviewer.locator('#approve').waitFor({ state: 'visible' });
    expect(await reviewer.locator('#revisions tbody tr').count()).toBe(2);
    // the filer's explanation, typed in the form, next to its warning (as text, not markup)
    const warning = reviewer.locator(`#findings li[data-key="${FEE}"]`);
    expect(await warning.textContent()).toContain('信息处理费');
    expect(await warning.locator('.explanation').textContent()).toBe(`填报单位说明：${EXPLANATION}`);
    expect(await row(reviewer, CHIMEI.name).locator('td').nth(3).textContent()).toBe('0');
    await reviewer.locator('#approve').click();
    await expect
      .poll(
        async () => {
          await reviewer.selectOption('#year', String(DEMO_YEAR));
          return row(reviewer, CHIMEI.name).locator('td.status').textContent();
        },
        { timeout: 20_000 },
      )
      .toBe('已公开');
    const site = await fetch(`${runtime.siteUrl}/${DEMO_REGION}/${DEMO_YEAR}/${CHIMEI.id}/`);
    expect(site.status).toBe(200);
    expect(await site.text()).toContain(CHIMEI.name);
  }, 60_000);

  it('has no serious or critical axe-core violation, and runs under the CSP without a violation or error', async () => {
    expect(await seriousAxeViolations(reviewer)).toEqual([]);
    expect(session.cspViolations).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});

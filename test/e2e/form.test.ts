/**
 * The filing form in Debian's Chromium against the real local runtime: sign in by the link, fill
 * the reference report by typing, watch a live error come and go, save, survive a concurrent
 * edit (409), reload and find the draft, submit and open the published page on the site port;
 * paste a spreadsheet block; axe-core finds no
 * serious or critical violation; the page runs under the site's CSP without a violation.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { cellRefs, tableData, type Report } from '../../functions/domain/report.js';
import { DEMO_AGENCIES, DEMO_YEAR, WANGDIAN } from '../../local/seed/demo-county.js';
import { cMapEncodedPdf } from '../support/cmap-pdf.js';
import { reportDocx, reportXlsx } from '../support/office-documents.js';
import type { LocalRuntime } from './local-runtime.js';
import { openForm as openFormOf, seriousAxeViolations, useBrowserSession, type BrowserSession } from './session.js';

const ARTEFACTS = path.resolve('test-results');
const REFERENCE = importReport(readFileSync(path.resolve('test/fixtures/wangdian-2023-report.txt'), 'utf8'));
const CHIMEI = DEMO_AGENCIES.find((a) => a.name === '赤眉镇人民政府')!;

const cell = (path: string) => `#cell-${path.replace(/\./g, '-')}`;

let session: BrowserSession;
let runtime: LocalRuntime;
let context: BrowserContext;
const openForm = (agencyId: string, year: number) => openFormOf(session, agencyId, year);

/** Clicks into a cell and types, as a clerk does (entering a cell selects what is there). */
async function typeInto(page: Page, path: string, value: string): Promise<void> {
  await page.locator(cell(path)).click();
  await page.keyboard.type(value);
}

async function findingsOn(page: Page, path: string): Promise<string> {
  return page.locator(cell(path)).evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

useBrowserSession({}, (s) => {
  session = s;
  ({ runtime, context } = s);
});

describe('the filing form', () => {
  let page: Page;

  it('signs in by the link, takes the token out of the address bar and sends no referrer', async () => {
    page = await openForm(WANGDIAN.id, DEMO_YEAR);
    expect(page.url()).not.toContain('token');
    expect(page.url()).toMatch(/\/file\/$/);
    expect(await page.evaluate(() => sessionStorage.getItem('nianbao.token'))).toMatch(/^nb_/);
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
    await expect.poll(() => page.locator('#agency').textContent()).toBe('王店镇人民政府');
    expect(await page.locator('#deadline').textContent()).toContain(`${DEMO_YEAR + 1}-01-31`);
  }, 60_000);

  it('starts every count at 0 with 二、上年结转 from last year and the totals read-only', async () => {
    expect(await page.locator(cell('applications.newReceived.natural')).inputValue()).toBe('0');
    expect(await page.locator(cell('applications.carriedOver.natural')).getAttribute('title')).toContain(`${DEMO_YEAR - 1}年报告预填`);
    expect(await page.locator(cell('applications.newReceived.total')).getAttribute('readonly')).not.toBeNull();
    expect(await page.locator(cell('applications.resultsTotal.natural')).getAttribute('readonly')).not.toBeNull();
    // Each input is named by its row and column labels.
    await expect.poll(() => page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('textbox', { name: '行政诉讼 复议后起诉 结果纠正', exact: true }).count()).toBe(1);
  });

  it('shows a live error on the cell as the numbers stop balancing, and takes it away when they do', async () => {
    await typeInto(page, 'applications.newReceived.natural', '3');
    expect(await page.locator(cell('applications.newReceived.total')).inputValue()).toBe('3');
    await expect.poll(() => page.locator(cell('applications.carriedForward.natural')).getAttribute('aria-invalid')).toBe('true');
    expect(await findingsOn(page, 'applications.carriedForward.natural')).toContain('不平衡');
    expect(await page.locator('#summary-errors a[data-path="applications.carriedForward.natural"]').count()).toBe(1);
    expect(await page.locator('#submit').isDisabled()).toBe(true);
    await expect.poll(() => page.locator('#announcer').textContent()).toContain('不平衡');

    expect(await seriousAxeViolations(page)).toEqual([]);

    await typeInto(page, 'applications.disclosed.natural', '2');
    await typeInto(page, 'applications.carriedForward.natural', '1');
    expect(await page.locator(cell('applications.resultsTotal.natural')).inputValue()).toBe('2');
    await expect.poll(() => page.locator(cell('applications.carriedForward.natural')).getAttribute('aria-invalid')).toBeNull();
    expect(await findingsOn(page, 'applications.carriedForward.natural')).toBe('');
  }, 60_000);

  it('takes the rest of the reference report typed in, and then allows submitting', async () => {
    const typed = new Set(['applications.newReceived.natural', 'applications.disclosed.natural', 'applications.carriedForward.natural']);
    for (const ref of cellRefs(REFERENCE.template)) {
      if (ref.row.computed || ref.column.computed || typed.has(ref.path)) continue;
      const value = tableData(REFERENCE as Report, ref.table)[ref.row.id]?.[ref.column.id];
      await typeInto(page, ref.path, String(value ?? 0));
    }
    await page.locator('#text-overview').fill(REFERENCE.sections.overview);
    await page.locator('#text-problems').fill(REFERENCE.sections.problems);
    await page.locator('#text-other').fill(REFERENCE.sections.other);
    expect(await page.locator('#count-overview').textContent()).toMatch(/\d+ \/ 1000 字/);
    await expect.poll(() => page.locator('#summary-errors li').count()).toBe(0);
    expect(await page.locator('#submit').isDisabled()).toBe(false);
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTEFACTS, 'form-filled.png'), fullPage: true });
  }, 120_000);

  it('saves the draft on demand', async () => {
    await page.locator('#save').click();
    await expect.poll(() => page.locator('#save-state').textContent()).toMatch(/已保存（版本 \d+/);
    const saved = await fetch(`${runtime.apiUrl}/api/filings/${DEMO_YEAR}`, {
      headers: { authorization: `Bearer ${await page.evaluate(() => sessionStorage.getItem('nianbao.token'))}` },
    }).then((r) => r.json() as Promise<{ status: string; draft: Report }>);
    expect(saved.status).toBe('draft');
    expect(saved.draft.sections.overview).toBe(REFERENCE.sections.overview);
    expect((saved.draft.sections.applications as Record<string, Record<string, unknown>>).newReceived!.natural).toBe(3);
  });

  it('explains a concurrent save (409) and keeps what was typed, then overwrites on request', async () => {
    const other = await openForm(WANGDIAN.id, DEMO_YEAR);
    await other.locator('#text-other').fill('无。（另一窗口修改）');
    await other.locator('#save').click();
    await expect.poll(() => other.locator('#save-state').textContent()).toMatch(/已保存/);
    await other.close();

    await typeInto(page, 'proactive.licensing.administrativeLicensing.decisions', '12');
    await page.locator('#save').click();
    await expect.poll(() => page.locator('#notice').textContent()).toContain('没有丢失');
    expect(await page.locator(cell('proactive.licensing.administrativeLicensing.decisions')).inputValue()).toBe('12');
    expect(await page.locator('#text-other').inputValue()).toBe(REFERENCE.sections.other);
    expect(await page.locator('#submit').isDisabled()).toBe(true);

    await page.getByRole('button', { name: '用本页内容覆盖' }).click();
    await expect.poll(() => page.locator('#save-state').textContent()).toMatch(/已保存/);
    expect(await page.locator('#notice').isHidden()).toBe(true);
  }, 60_000);

  it('resumes the draft after a reload, autosaving a change made just before', async () => {
    await typeInto(page, 'proactive.enforcement.administrativePenalty.decisions', '7');
    await page.reload();
    await page.locator('#report-form').waitFor();
    await expect.poll(() => page.locator('#year').inputValue()).toBe(String(DEMO_YEAR));
    expect(await page.locator(cell('proactive.enforcement.administrativePenalty.decisions')).inputValue()).toBe('7');
    expect(await page.locator(cell('proactive.licensing.administrativeLicensing.decisions')).inputValue()).toBe('12');
    expect(await page.locator(cell('applications.newReceived.natural')).inputValue()).toBe('3');
    expect(await page.locator('#text-overview').inputValue()).toBe(REFERENCE.sections.overview);
    // Left unsaved at the reload: saved on the way out or restored and autosaved a few seconds later.
    await expect
      .poll(
        async () => {
          const token = await page.evaluate(() => sessionStorage.getItem('nianbao.token'));
          const view = (await fetch(`${runtime.apiUrl}/api/filings/${DEMO_YEAR}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())) as { draft: Report };
          return (view.draft.sections.proactive as Record<string, Record<string, Record<string, unknown>>>).enforcement!.administrativePenalty!.decisions;
        },
        { timeout: 15_000 },
      )
      .toBe(7);
  }, 60_000);

  it('submits, and shows the filing as submitted', async () => {
    await expect.poll(() => page.locator('#submit').isDisabled()).toBe(false);
    await page.locator('#submit').click();
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 15_000 }).toContain('提交成功');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/已提交|已公开/);
    await expect.poll(() => page.locator('#published').textContent()).toContain('已提交第 1 版');
    const token = await page.evaluate(() => sessionStorage.getItem('nianbao.token'));
    const view = (await fetch(`${runtime.apiUrl}/api/filings/${DEMO_YEAR}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())) as {
      status: string;
      revisions: unknown[];
    };
    expect(['submitted', 'published']).toContain(view.status);
    expect(view.revisions).toHaveLength(1);
  }, 60_000);

  it('links to the public page once published, and the page carries the numbers typed', async () => {
    const link = page.locator('#public-link');
    await link.waitFor({ timeout: 30_000 });
    const href = await link.getAttribute('href');
    expect(href).toBe(`${runtime.siteUrl}/${WANGDIAN.region}/${DEMO_YEAR}/${WANGDIAN.id}/`);
    expect(await page.locator('#status').textContent()).toBe('已公开');
    const site = await context.newPage();
    const response = await site.goto(href!);
    expect(response?.status()).toBe(200);
    const text = (await site.locator('main').textContent()) ?? '';
    expect(text).toContain('王店镇人民政府');
    const cells = async (label: string) =>
      (await site.locator('tr', { hasText: label }).first().locator('td').allTextContents()).map((t) => t.trim());
    // As typed: 本年新收 3 from natural persons (total 3), 行政许可 12, 行政处罚 7.
    expect(await cells('一、本年新收政府信息公开申请数量')).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    expect(await cells('行政许可')).toEqual(['12']);
    expect(await cells('行政处罚')).toEqual(['7']);
    await site.close();
  }, 60_000);

  it('fills the table from a cell when a spreadsheet block is pasted, and moves between cells with the keys', async () => {
    const chimei = await openForm(CHIMEI.id, DEMO_YEAR);
    // As Excel puts it on the clipboard: tabs between cells, CRLF after each row; the 99 lands on 总计, which the form computes.
    const block = '1\t2\t0\t0\t99\t0\t1\r\n';
    await chimei.locator(cell('appeals.review.upheld')).evaluate((input, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, block);
    expect(await chimei.locator(cell('appeals.review.upheld')).inputValue()).toBe('1');
    expect(await chimei.locator(cell('appeals.review.corrected')).inputValue()).toBe('2');
    expect(await chimei.locator(cell('appeals.review.total')).inputValue()).toBe('3');
    expect(await chimei.locator(cell('appeals.litigationDirect.corrected')).inputValue()).toBe('1');
    await expect.poll(() => chimei.locator('#announcer').textContent()).toContain('已粘贴 6 个单元格');

    const grid = '3\t1\r\n0\t0\r\n2\t1\r\n';
    await chimei.locator(cell('applications.newReceived.natural')).evaluate((input, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, grid);
    expect(await chimei.locator(cell('applications.newReceived.business')).inputValue()).toBe('1');
    expect(await chimei.locator(cell('applications.disclosed.natural')).inputValue()).toBe('2');
    expect(await chimei.locator(cell('applications.resultsTotal.total')).inputValue()).toBe('3');

    await chimei.locator(cell('applications.newReceived.natural')).focus();
    await chimei.keyboard.press('ArrowRight');
    expect(await chimei.evaluate(() => document.activeElement?.id)).toBe('cell-applications-newReceived-business');
    await chimei.keyboard.press('Enter');
    expect(await chimei.evaluate(() => document.activeElement?.id)).toBe('cell-applications-carriedOver-business');
    await chimei.keyboard.press('ArrowDown');
    expect(await chimei.evaluate(() => document.activeElement?.id)).toBe('cell-applications-disclosed-business');
    await chimei.close();
  }, 60_000);

  it('prefills the form from an uploaded published report (the importer, in the browser)', async () => {
    const chimei = await openForm(CHIMEI.id, REFERENCE.year);
    await chimei.locator('details.import summary').click();
    await chimei.locator('#import-file').setInputFiles({
      name: 'wangdian-2023-report.txt',
      mimeType: 'text/plain',
      buffer: readFileSync(path.resolve('test/fixtures/wangdian-2023-report.txt')),
    });
    await chimei.locator('#import-button').click();
    await expect.poll(() => chimei.locator('#import-status').textContent()).toContain(`已导入 ${REFERENCE.year} 年度报告的全部内容`);
    expect(await chimei.locator('#text-overview').inputValue()).toBe(REFERENCE.sections.overview);
    expect(await chimei.locator('#text-other').inputValue()).toBe('无');
    // The header stays the signed-in agency's.
    expect(await chimei.locator('#agency').textContent()).toBe('赤眉镇人民政府');

    await chimei.locator('#import-file').setInputFiles([]);
    await chimei.locator('#import-text').fill('这不是一份年度报告');
    await chimei.locator('#import-button').click();
    await expect.poll(() => chimei.locator('#import-status').textContent()).toContain('无法导入');
    await chimei.close();
  }, 60_000);

  it('prefills from a Word file and, after listing what it lacks, from a workbook of tables (readers loaded on demand)', async () => {
    const chimei = await openForm(CHIMEI.id, REFERENCE.year);
    const loaded: string[] = [];
    chimei.on('response', (r) => {
      if (r.url().includes('/file/chunks/')) loaded.push(`${r.status()} ${r.url().replace(/^.*\/chunks\//, '')}`);
    });
    await chimei.locator('details.import summary').click();
    await chimei.locator('#import-file').setInputFiles({
      name: 'report.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await reportDocx(REFERENCE, { headings: 'bold', titleOverTwoLines: true, headerFooter: true })),
    });
    await chimei.locator('#import-button').click();
    await expect
      .poll(() => chimei.locator('#import-status').textContent(), { timeout: 20_000 })
      .toContain(`已导入 ${REFERENCE.year} 年度报告的全部内容`);
    expect(await chimei.locator('#text-overview').inputValue()).toBe(REFERENCE.sections.overview);
    expect(loaded.some((l) => /^200 read-docx-/.test(l))).toBe(true);
    expect(loaded.some((l) => /read-xlsx-/.test(l))).toBe(false);

    await chimei.locator('#import-file').setInputFiles({
      name: 'tables.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await reportXlsx(REFERENCE, { formulas: true })),
    });
    await chimei.locator('#import-button').click();
    // the Excel reader is the largest chunk: give its first load time on a busy machine
    await expect.poll(() => chimei.locator('#import-missing').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await chimei.locator('#import-missing li').allTextContents()).toEqual([
      '第一部分“总体情况”',
      '第五部分“存在的主要问题及改进情况”',
      '第六部分“其他需要报告的事项”',
    ]);
    await chimei.locator('#import-missing button').click();
    await expect.poll(() => chimei.locator('#import-status').textContent()).toContain('未能读取的 3 处请手动填写');
    expect(await chimei.locator(cell('applications.newReceived.total')).inputValue()).toBe('0');
    expect(await chimei.locator('#text-overview').inputValue()).toBe('');
    expect(loaded.some((l) => /^200 read-xlsx-/.test(l))).toBe(true);
    await chimei.close();
  }, 90_000);

  it('prefills from a PDF whose Chinese font is not embedded, fetching the CMap it names as a chunk', async () => {
    const chimei = await openForm(CHIMEI.id, REFERENCE.year);
    const loaded: string[] = [];
    chimei.on('response', (r) => {
      if (r.url().includes('/file/chunks/')) loaded.push(`${r.status()} ${r.url().replace(/^.*\/chunks\//, '')}`);
    });
    const text = readFileSync(path.resolve('test/fixtures/wangdian-2023-report.txt'), 'utf8');
    await chimei.locator('details.import summary').click();
    await chimei.locator('#import-file').setInputFiles({
      name: 'report.pdf',
      mimeType: 'application/pdf',
      // 一 and 二 only: title, paragraphs and 二's tables
      buffer: Buffer.from(cMapEncodedPdf(text.slice(0, text.indexOf('### 三、')))),
    });
    await chimei.locator('#import-button').click();
    await expect.poll(() => chimei.locator('#import-missing').isVisible(), { timeout: 30_000 }).toBe(true);
    expect((await chimei.locator('#import-missing li').allTextContents()).map((m) => m.slice(0, 4))).toEqual([
      '第三部分',
      '第四部分',
      '第五部分',
      '第六部分',
    ]);
    await chimei.locator('#import-missing button').click();
    expect(await chimei.locator('#text-overview').inputValue()).toContain('我镇高度重视并积极推进政府信息公开工作');
    expect(loaded.some((l) => /^200 UniGB-UCS2-H-/.test(l))).toBe(true);
    await chimei.close();
  }, 90_000);

  it('ran without a CSP violation or a script error', () => {
    expect(session.cspViolations).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});

/**
 * The Word draft and the stamped copy (盖章件) in Debian's Chromium against the real local
 * runtime (s3rver checking presigned signatures as S3 does): a filer downloads the draft as Word
 * (it imports back to the same report), submits, is refused a wrong file and one over 10 MB with
 * clear messages, uploads a stamped scan (PNG); the region's reviewer sees it on the board and
 * opens it from the filing view; with the region's switch on, approval without one is refused.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { Report } from '../../functions/domain/report.js';
import { DEMO_AGENCIES, DEMO_REGION, DEMO_YEAR } from '../../local/seed/demo-county.js';
import { cleanReport } from '../support/consistent-report.js';
import type { LocalRuntime } from './local-runtime.js';
import { boardRow as row, openForm, useBrowserSession, type ApiInit, type BrowserSession } from './session.js';

// The two demo agencies that carried nothing into this year: a clean report passes every rule.
const FIRST = DEMO_AGENCIES.find((a) => a.name === '赤眉镇人民政府');
const SECOND = DEMO_AGENCIES.find((a) => a.name === '内乡县自然资源局');
const SCAN_NAME = '盖章件扫描.png';

let session: BrowserSession;
let runtime: LocalRuntime;
const newPage = (url: string) => session.newPage(url);
const api = (path: string, token: string, init?: ApiInit) => session.api(path, token, init);
let scan: Buffer;

const openFormAt = (agencyId: string) => openForm(session, agencyId, DEMO_YEAR);

useBrowserSession({ review: true, reviewRequired: true, acceptDownloads: true }, (s) => {
  session = s;
  runtime = s.runtime;
});

describe('the filer', () => {
  let form: Page;
  let draft: Report;

  it('downloads the draft as Word, written in the browser, and it imports back to the same report', async () => {
    const { token } = await runtime.signInLink(FIRST!.id);
    draft = cleanReport('2021', FIRST!.name, DEMO_YEAR);
    draft.sections.overview = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。';
    const { version } = (await api(`/api/filings/${DEMO_YEAR}`, token)).body;
    expect((await api(`/api/filings/${DEMO_YEAR}/draft`, token, { method: 'PUT', body: draft, headers: { 'if-match': String(version) } })).status).toBe(200);
    form = await openFormAt(FIRST!.id);
    const [download] = await Promise.all([form.waitForEvent('download'), form.locator('#word-draft').click()]);
    expect(download.suggestedFilename()).toBe(`${FIRST!.name}${DEMO_YEAR}年政府信息公开工作年度报告（草稿）.docx`);
    const bytes = readFileSync((await download.path())!);
    const back = await importDocument(new Uint8Array(bytes));
    expect(back.kind).toBe('docx');
    // The form's draft carries the agency's code, which a Word file has no place for.
    expect({ ...back.report, agencyId: FIRST!.id }).toEqual(Report.parse({ ...draft, agencyId: FIRST!.id }));
    // The docx writer came as a chunk of its own, after the first load.
    expect(await form.evaluate(() => performance.getEntriesByType('resource').some((e) => /chunks\/word-draft-/.test(e.name)))).toBe(true);
  }, 60_000);

  it('sees the 上传盖章件 field only after submitting', async () => {
    expect(await form.locator('#stamped-copy').isHidden()).toBe(true);
    await expect.poll(() => form.locator('#submit').isDisabled()).toBe(false);
    await form.locator('#submit').click();
    await expect.poll(() => form.locator('#status').textContent()).toBe('已提交，待主管部门审核后公开');
    await form.locator('#stamped-copy').waitFor();
    expect(await form.getByLabel('上传盖章件').count()).toBe(1);
    expect(await form.locator('#stamped-status').textContent()).toBe('第 1 版尚未上传盖章件。');
    scan = await form.screenshot({ type: 'png' });
  }, 60_000);

  it('is refused a file of another type, a renamed one and one over 10 MB, with clear messages', async () => {
    const input = form.getByLabel('上传盖章件');
    await input.setInputFiles({ name: '报告.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 not a scan') });
    await expect.poll(() => form.locator('#stamped-status').textContent()).toContain('“报告.docx”不是 PDF、JPEG 或 PNG 文件，只能上传 PDF、JPEG 或 PNG 格式的盖章件');
    await input.setInputFiles({ name: '扫描.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text, not a PDF') });
    await expect.poll(() => form.locator('#stamped-status').textContent()).toContain('可能只是改了扩展名');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    scan.copy(big, 0, 0, 16);
    await input.setInputFiles({ name: '高清扫描.png', mimeType: 'image/png', buffer: big });
    await expect.poll(() => form.locator('#stamped-status').textContent()).toBe('“高清扫描.png”有 10.0 MB，超过 10 MB 的上限；请降低扫描分辨率或压缩后再上传。');
    expect(await form.locator('#stamped-status').getAttribute('class')).toBe('error');
  }, 60_000);

  it('uploads a stamped scan (PNG) straight to the private bucket; the form says 已上传 with its name and time', async () => {
    await form.getByLabel('上传盖章件').setInputFiles({ name: SCAN_NAME, mimeType: 'image/png', buffer: scan });
    await expect.poll(() => form.locator('#stamped-status').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^已上传：${SCAN_NAME}（\\d{4}/\\d{1,2}/\\d{1,2} \\d{2}:\\d{2}:\\d{2}）$`));
    // After a reload too (it comes from the server).
    await form.reload();
    await form.locator('#stamped-copy').waitFor();
    if ((await form.locator('#year').inputValue()) !== String(DEMO_YEAR)) await form.selectOption('#year', String(DEMO_YEAR));
    await expect.poll(() => form.locator('#stamped-status').textContent()).toContain(`已上传：${SCAN_NAME}`);
  }, 60_000);
});

describe('the reviewer', () => {
  let reviewer: Page;

  it('sees the stamped copy on the board and opens it from the filing view', async () => {
    reviewer = await newPage(`${(await runtime.reviewerLink(DEMO_REGION)).url}&year=${DEMO_YEAR}`);
    await expect.poll(() => row(reviewer, FIRST!.name).locator('td.stamped').textContent()).toBe('已上传');
    expect(await reviewer.locator('#board thead th', { hasText: '盖章件' }).count()).toBe(1);
    await row(reviewer, FIRST!.name).getByRole('button', { name: `查看${FIRST!.name}的报告` }).click();
    const link = reviewer.locator('#stamped-copies li[data-revision="1"] a');
    await link.waitFor();
    expect(await link.textContent()).toBe(SCAN_NAME);
    const href = (await link.getAttribute('href'))!;
    expect(new URL(href).searchParams.get('X-Amz-Expires')).toBe('300');
    // It opens in a new tab, straight from the private bucket (a navigation: no CSP involved).
    const [shown] = await Promise.all([session.context.waitForEvent('response', { predicate: (r) => r.url() === href }), link.click()]);
    expect(shown.status()).toBe(200);
    expect(shown.headers()['content-type']).toBe('image/png');
    expect(Buffer.from(await shown.body())).toEqual(scan);
    await shown.frame().page().close();
  }, 60_000);

  it('with the region\'s switch on, approval without a stamped copy is refused in Chinese; with one it goes through', async () => {
    const other = await runtime.signInLink(SECOND!.id);
    expect((await api(`/api/filings/${DEMO_YEAR}/submit`, other.token, { method: 'POST', body: cleanReport('2021', SECOND!.name, DEMO_YEAR) })).body.status).toBe('awaiting_approval');
    await reviewer.locator('#stamped-required').check();
    await expect.poll(() => reviewer.locator('#notice').textContent()).toContain('审核通过前须上传盖章件');
    await reviewer.reload();
    await expect.poll(() => reviewer.locator('#stamped-required').isChecked()).toBe(true);
    await expect.poll(() => row(reviewer, SECOND!.name).locator('td').nth(6).textContent()).toBe('未上传');
    await row(reviewer, SECOND!.name).getByRole('button', { name: `查看${SECOND!.name}的报告` }).click();
    await reviewer.locator('#filing-heading').filter({ hasText: SECOND!.name }).waitFor();
    expect(await reviewer.locator('#stamped-copies').textContent()).toContain('本区域要求上传盖章件后才能审核通过');
    await reviewer.locator('#approve').click();
    await expect.poll(() => reviewer.locator('#notice').textContent()).toContain(`本区域要求先上传盖章件再审核通过：${SECOND!.name}尚未上传第 1 版报告的盖章件`);
    await row(reviewer, FIRST!.name).getByRole('button', { name: `查看${FIRST!.name}的报告` }).click();
    await reviewer.locator('#filing-heading').filter({ hasText: FIRST!.name }).waitFor();
    await reviewer.locator('#approve').click();
    await expect.poll(() => reviewer.locator('#notice').textContent()).toContain(`已审核通过${FIRST!.name}的第 1 版`);
  }, 60_000);

  it('ran without CSP violations or page errors', () => {
    expect(session.cspViolations).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});

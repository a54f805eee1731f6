/**
 * The registry in the review page, in Chromium against the real local runtime: the demo
 * reviewer signs in by the mailed code on /review/, registers an agency with its address in the
 * registry panel, and that agency's clerk signs in by code on /file/; a CSV with one bad line
 * writes nothing and the page names the line.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withCheckCharacter } from '../../functions/domain/credit-code.js';
import { DEMO_REGION } from '../../local/seed/demo-county.js';
import { DEMO_CONTACTS } from '../../local/seed/demo-reviewers.js';
import type { LocalRuntime } from './local-runtime.js';
import { signInByCode as signInWithRuntime, useBrowserSession, type BrowserSession } from './session.js';

const signInByCode = (page: Page, path: '/file/' | '/review/', email: string) => signInWithRuntime(runtime, page, path, email);

const NEW_ID = withCheckCharacter(`11${DEMO_REGION}MB0000099`);
const NEW_EMAIL = 'xinban@neixiang.example.org';

let session: BrowserSession;
let runtime: LocalRuntime;
let context: BrowserContext;

useBrowserSession({ review: true }, (s) => {
  session = s;
  ({ runtime, context } = s);
});

describe('the registry in the review page', () => {
  it('a reviewer signs in by code and registers an agency, whose clerk then signs in by code', async () => {
    const page = await context.newPage();
    await signInByCode(page, '/review/', DEMO_CONTACTS.reviewers[0]!);
    await page.locator('#registry-table tbody tr[data-agency]').first().waitFor();
    expect(await page.locator('#registry-region').inputValue()).toBe(DEMO_REGION);
    expect(await page.locator('#reviewer-list').textContent()).toContain(DEMO_CONTACTS.reviewers[0]!);

    await page.locator('#agency-editor summary').click();
    await page.locator('#agency-name').fill('内乡县数据局');
    // A wrong check character is named before anything is sent.
    const wrong = NEW_ID.slice(0, 17) + (NEW_ID[17] === '0' ? '1' : '0');
    await page.locator('#agency-id').fill(wrong);
    expect(await page.locator('#agency-id-check').textContent()).toContain('校验位错误');
    await page.locator('#agency-id').fill(NEW_ID);
    expect(await page.locator('#agency-id-check').textContent()).toBe('');
    await page.locator('#agency-kind').selectOption('department');
    await page.locator('#agency-emails').fill(NEW_EMAIL);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const row = page.locator(`#registry-table tr[data-agency="${NEW_ID}"]`);
    await row.waitFor();
    expect(await row.locator('.last-sign-in').textContent()).toBe('从未登录');
    expect(await row.textContent()).toContain(NEW_EMAIL);
    // The board lists it at once: it owes this year's report.
    await page.locator(`#board tr[data-agency="${NEW_ID}"]`).waitFor();

    const clerk = await context.newPage();
    await signInByCode(clerk, '/file/', NEW_EMAIL);
    await clerk.locator('#report-form').waitFor();
    expect(await clerk.locator('#agency').textContent()).toContain('内乡县数据局');

    // Back in the registry, the agency's last sign-in shows.
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await expect.poll(() => row.locator('.last-sign-in').textContent()).not.toBe('从未登录');
  }, 150_000);

  it('a CSV with one bad line writes nothing and shows the line', async () => {
    const page = await context.newPage();
    // The session from the first test is in this tab's sessionStorage only: sign in again.
    await signInByCode(page, '/review/', DEMO_CONTACTS.reviewers[0]!);
    await page.locator('#registry-table tbody tr[data-agency]').first().waitFor();
    const good = withCheckCharacter(`11${DEMO_REGION}MB0000097`);
    const bad = withCheckCharacter(`11${DEMO_REGION}MB0000098`);
    const badCode = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0');
    const csv = [
      'id,name,region,kind,emails',
      `${good},内乡县好行局,${DEMO_REGION},department,hao@neixiang.example.org`,
      `${badCode},内乡县错行局,${DEMO_REGION},department,cuo@neixiang.example.org`,
    ].join('\n');
    await page.locator('#csv-box summary').click();
    await page.locator('#csv-file').setInputFiles({ name: 'agencies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.locator('#csv-problems li').first().waitFor();
    expect(await page.locator('#csv-problems').textContent()).toMatch(/第3行：.*校验位错误/);
    expect(await page.locator('#notice').textContent()).toContain('未写入任何单位');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.locator('#registry-table tbody tr[data-agency]').first().waitFor();
    expect(await page.locator(`#registry-table tr[data-agency="${good}"]`).count()).toBe(0);
  }, 150_000);
});

/**
 * The e-mail code sign-in in Chromium against the real local runtime: a clerk with no link opens
 * /file/, enters the agency's registered address, reads the code from the SES emulator's store,
 * signs in and sees the agency's form; an unregistered address gets the same words and no mail;
 * the mail's link opens the page with the code filled in, and only the button signs in.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../../local/seed/demo-county.js';
import { mailTo, type LocalRuntime } from './local-runtime.js';
import { useBrowserSession, type BrowserSession } from './session.js';

const CHIMEI = DEMO_AGENCIES.find((a) => a.name === '赤眉镇人民政府')!;

let session: BrowserSession;
let runtime: LocalRuntime;
let context: BrowserContext;

async function requestCode(page: Page, email: string): Promise<string> {
  await page.goto(`${runtime.apiUrl}/file/`);
  await page.locator('#sign-in-email').fill(email);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect.poll(() => page.locator('#sign-in-status').textContent()).toMatch(/验证码已发送/);
  return (await page.locator('#sign-in-status').textContent()) ?? '';
}

useBrowserSession({}, (s) => {
  session = s;
  ({ runtime, context } = s);
});

describe('e-mail code sign-in in the browser', () => {
  it('signs a clerk in by the mailed code, and signs out', async () => {
    const email = CHIMEI.emails[0]!;
    const page = await context.newPage();
    const registered = await requestCode(page, email);
    await expect.poll(async () => (await mailTo(runtime, email)).length).toBe(1);
    const code = /验证码是 (\d{6})/.exec((await mailTo(runtime, email))[0]!.body.text ?? '')![1]!;
    await page.locator('#sign-in-code').fill(code);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('#report-form').waitFor();
    expect(await page.locator('#agency').textContent()).toContain(CHIMEI.name);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#sign-in-email').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('nianbao.token'))).toBeNull();

    const stranger = await requestCode(await context.newPage(), 'nobody@example.org');
    expect(stranger).toBe(registered);
    expect(await mailTo(runtime, 'nobody@example.org')).toHaveLength(0);
  }, 120_000);

  it('opens the mail link with the code filled in; only the button signs in', async () => {
    const email = CHIMEI.emails[0]!;
    await fetch(`${runtime.apiUrl}/api/sign-in/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, role: 'filer' }) });
    await expect.poll(async () => (await mailTo(runtime, email)).length).toBe(2);
    const link = /(http\S+#signin=\S+)/.exec((await mailTo(runtime, email))[1]!.body.text ?? '')![1]!;
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('#sign-in-code').waitFor();
    expect(await page.locator('#sign-in-code').inputValue()).toMatch(/^\d{6}$/);
    expect(await page.locator('#report-form').isVisible()).toBe(false);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('#report-form').waitFor();
    expect(page.url()).not.toContain('code=');
  }, 120_000);
});

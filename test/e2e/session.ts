/**
 * What the browser tests share: the built apps, the real local runtime, one Chromium context,
 * pages that record CSP violations and script errors, an API caller with a bearer token, the
 * board's row locator and the e-mail code sign-in. Each test file starts one session in its
 * beforeAll and stops it in its afterAll.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_REGION } from '../../local/seed/demo-county.js';
import { buildForm } from '../../web/form/build.js';
import { buildReview } from '../../web/review/build.js';
import { launchChromium, type Browser } from './browser.js';
import { mailTo, startLocalRuntime, type LocalRuntime } from './local-runtime.js';

export interface SessionOptions {
  /** build the review app too (the form is always built) */
  review?: boolean;
  /** make the demo region require review before publication */
  reviewRequired?: boolean;
  acceptDownloads?: boolean;
}

export interface BrowserSession {
  runtime: LocalRuntime;
  context: BrowserContext;
  /** CSP violations reported on any page opened with newPage */
  cspViolations: string[];
  /** uncaught script errors on any page opened with newPage */
  pageErrors: string[];
  newPage(url: string): Promise<Page>;
  api(path: string, token: string, init?: ApiInit): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function startBrowserSession(options: SessionOptions = {}): Promise<BrowserSession> {
  await Promise.all([buildForm(), options.review ? buildReview() : Promise.resolve()]);
  const runtime = await startLocalRuntime();
  if (options.reviewRequired) {
    const { setRegionSettings } = await import('../../functions/services/review.js');
    const { runtime: handlerRuntime } = await import('../../functions/handlers/compose/http.js');
    const deps = handlerRuntime();
    await setRegionSettings({ settings: deps.settings, clock: deps.clock }, DEMO_REGION, { review: 'required' }, 'e2e');
  }
  let browser: Browser | undefined;
  try {
    browser = await launchChromium({ acceptDownloads: options.acceptDownloads ?? false });
  } catch (error) {
    await runtime.stop();
    throw error;
  }
  const context = browser.context;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  return {
    runtime,
    context,
    cspViolations,
    pageErrors,
    async newPage(url) {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(url);
      return page;
    },
    async api(path, token, init = {}) {
      const res = await fetch(`${runtime.apiUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as any };
    },
    async stop() {
      await browser?.close();
      await runtime.stop();
    },
  };
}

/**
 * Starts a session before the file's tests (handing it to `started`) and stops it after them:
 * the hooks every browser test file needs.
 */
export function useBrowserSession(options: SessionOptions, started: (session: BrowserSession) => void): void {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startBrowserSession(options);
    started(session);
  }, 180_000);
  afterAll(async () => {
    await session?.stop();
  });
}

/** The board's row of an agency in the review page. */
export function boardRow(page: Page, agencyName: string) {
  return page.locator('#board tbody tr', { has: page.locator('th', { hasText: agencyName }) });
}

/** Asks for a code on the page, reads it from the SES emulator's store, and signs in. */
export async function signInByCode(runtime: LocalRuntime, page: Page, path: '/file/' | '/review/', email: string): Promise<void> {
  const before = (await mailTo(runtime, email)).length;
  await page.goto(`${runtime.apiUrl}${path}`);
  await page.locator('#sign-in-email').fill(email);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect.poll(async () => (await mailTo(runtime, email)).length, { timeout: 15_000 }).toBe(before + 1);
  const code = /验证码是 (\d{6})/.exec((await mailTo(runtime, email)).at(-1)!.body.text ?? '')![1]!;
  await page.locator('#sign-in-code').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe-core violations on the page as it stands. */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Opens the form signed in as the agency, on the given year. */
export async function openForm(session: BrowserSession, agencyId: string, year: number): Promise<Page> {
  const page = await session.newPage((await session.runtime.signInLink(agencyId)).url);
  await page.locator('#report-form').waitFor();
  if ((await page.locator('#year').inputValue()) !== String(year)) {
    await page.selectOption('#year', String(year));
    await expect.poll(() => page.locator('#status').getAttribute('data-year')).toBe(String(year));
  }
  return page;
}

/**
 * Prints HTML to PDF in Debian's Chromium (playwright-core's page.pdf), the way an agency
 * prints a page or a browser saves one: real text layers with real fonts, made at test time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

// Without the background-networking flags Chromium keeps dialling Google's hosts, refused here.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PrintOptions {
  /** printed at the foot of every page, e.g. `- <span class="pageNumber"></span> -` */
  readonly footer?: string;
  /** printed at the head of every page */
  readonly header?: string;
}

export interface Printer {
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function startPrinter(): Promise<Printer> {
  const profile = mkdtempSync(path.join(tmpdir(), 'nianbao-print-'));
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  return {
    async print(html, options = {}) {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const band = (content: string | undefined) =>
          `<div style="font-size:10px;width:100%;text-align:center;font-family:'Noto Serif CJK SC',serif">${content ?? ''}</div>`;
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: Boolean(options.footer || options.header),
          headerTemplate: band(options.header),
          footerTemplate: band(options.footer),
          margin: { top: '25mm', bottom: '25mm', left: '22mm', right: '22mm' },
        });
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

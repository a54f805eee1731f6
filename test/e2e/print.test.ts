/**
 * The public report page printed to PDF in Debian's Chromium, as a filer's "print to PDF" does:
 * A4 pages, no site chrome, every figure present, 三's headers repeated on each page it runs
 * onto, page numbers at the foot. The page and the stylesheet are served from memory (no
 * runtime needed); the PDF is read back with poppler's pdfinfo and pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../functions/domain/report-template.js';
import { cellRefs, cellValue } from '../../functions/domain/report.js';
import { plainDecimal } from '../../functions/domain/report-totals.js';
import { SITE_CSS_FILE } from '../../functions/adapters/site-stylesheet.js';
import { STYLESHEET_PATH } from '../../functions/render/site/paths.js';
import { renderReportPage } from '../../functions/render/site/report-page.js';
import { TEXT } from '../../functions/render/site/site-text.js';
import { agencyId, REGION, revision, sampleReport } from '../unit/site-fixtures.js';
import { launchChromium, type Browser } from './browser.js';

const ARTEFACTS = path.resolve('test-results');
const ORIGIN = 'http://nianbao.test';
const A4_POINTS = [595.28, 841.89];
const report = sampleReport({ template: '2021', agencyName: '王店镇人民政府', text: '第一段。\n第二段，共收到申请5件。'.repeat(3) });

let browser: Browser;
let pdfFile: string;
/** the same page with 三 pushed down its page, so that the table has to run onto the next one */
let splitPdfFile: string;

const pdftotext = (first?: number, file = pdfFile) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first), '-l', String(first)] : []), '-layout', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

beforeAll(async () => {
  browser = await launchChromium();
  const page = await browser.context.newPage();
  const html = renderReportPage({
    region: { code: REGION, name: '内乡县' },
    publication: { agencyId: agencyId(7), region: REGION, year: 2023, revisions: [revision(1, report)] },
  });
  // The page and its stylesheet from memory, at their site paths; nothing else is reachable.
  await browser.context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === STYLESHEET_PATH) return route.fulfill({ contentType: 'text/css', body: readFileSync(SITE_CSS_FILE, 'utf8') });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
  });
  await page.goto(`${ORIGIN}/${REGION}/2023/${agencyId(7)}/`);
  mkdirSync(ARTEFACTS, { recursive: true });
  pdfFile = path.join(ARTEFACTS, 'report-print.pdf');
  // preferCSSPageSize: the page's own @page rule decides the paper, as in the print dialog
  writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true }));
  await page.addStyleTag({ content: '#applications { break-before: page; } #applications::before { content: ""; display: block; height: 150mm; }' });
  splitPdfFile = path.join(ARTEFACTS, 'report-print-split.pdf');
  writeFileSync(splitPdfFile, await page.pdf({ preferCSSPageSize: true }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the report page printed to PDF', () => {
  it('is on A4 portrait pages', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdfFile], { encoding: 'utf8' });
    // poppler prints Chromium's A4 (594.96 × 841.92 pt) as "(A4)"; within a point of ISO A4
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes).toHaveLength(pages);
    for (const [w, h] of sizes) {
      expect(w).toBeCloseTo(A4_POINTS[0]!, 0);
      expect(h).toBeCloseTo(A4_POINTS[1]!, 0);
    }
  });

  it('shows no site chrome: no site name bar, breadcrumbs or download list', () => {
    const lines = pdftotext().split('\n').map((l) => l.trim());
    expect(lines).not.toContain(TEXT.siteName);
    for (const chrome of [TEXT.home, TEXT.regionYear('内乡县', 2023), TEXT.downloads, TEXT.json, TEXT.csv]) {
      expect(lines.join('\n')).not.toContain(chrome);
    }
    expect(lines.join('\n')).toContain(`王店镇人民政府2023${TEXT.reportTitleSuffix}`);
  });

  it('shows every figure of the report and every section title', () => {
    const text = pdftotext();
    const tokens = new Set(text.split(/\s+/));
    const missing = cellRefs('2021')
      .map((ref) => cellValue(report, ref.table, ref.row, ref.column))
      .filter((v): v is number => typeof v === 'number')
      .map(plainDecimal)
      .filter((v) => !tokens.has(v));
    expect(missing).toEqual([]);
    for (const title of Object.values(TEMPLATES['2021'].sectionTitles)) expect(text.replace(/\s+/g, '')).toContain(title);
  });

  it('numbers the pages at their foot', () => {
    const pages = pageCount(pdfFile);
    for (let p = 1; p <= pages; p++) {
      const lines = pdftotext(p).split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
      expect(lines.at(-1)).toBe(`—${p}—`);
    }
  });

  it("repeats 三's headers on every page it runs onto", () => {
    const applications = TEMPLATES['2021'].tables.find((t) => t.path === 'applications')!;
    const pagesWithRows: number[] = [];
    for (let p = 1; p <= pageCount(splitPdfFile); p++) {
      const compact = pdftotext(p, splitPdfFile).replace(/\s+/g, '');
      if (!applications.rows.some((r) => compact.includes(r.label))) continue;
      pagesWithRows.push(p);
      expect(compact).toContain('申请人情况');
      expect(compact).toContain('法人或其他组织');
    }
    expect(pagesWithRows.length).toBeGreaterThan(1);
  });
});

/**
 * The public report page printed to PDF in Debian's Chromium, as a filer's "print to PDF" does:
 * A4 pages, no site chrome, every figure present, 三's headers repeated on each page it runs
 * onto, page numbers at the foot. The page and the stylesheet are served from memory (no
 * runtime needed); the PDF is read back with poppler's pdfinfo and pdftotext. The filing form
 * likewise, built and fed a draft by a routed API, prints only the report.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { TEMPLATES } from '../../functions/domain/report-template.js';
import { cellRefs, cellValue, type Report } from '../../functions/domain/report.js';
import { plainDecimal } from '../../functions/domain/report-totals.js';
import { SITE_CSS_FILE } from '../../functions/adapters/site-stylesheet.js';
import { STYLESHEET_PATH } from '../../functions/render/site/paths.js';
import { renderReportPage } from '../../functions/render/site/report-page.js';
import { TEXT } from '../../functions/render/site/site-text.js';
import { agencyId, REGION, revision, sampleReport } from '../unit/site-fixtures.js';
import { buildForm } from '../../web/form/build.js';
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

  // The round trip of the printed format (Word and Excel: test/unit/documents-round-trip.test.ts):
  // the PDF the browser prints imports back with the documents-in importer to the same report:
  // every cell exactly, the texts to the character. A PDF has lines, not paragraphs, so where a
  // text breaks into paragraphs is not compared.
  it('imports back with the documents-in importer to the same report', async () => {
    const back = await importDocument(new Uint8Array(readFileSync(pdfFile)));
    expect(back.kind).toBe('pdf');
    const unbroken = (r: Report): Report => ({
      ...r,
      sections: { ...r.sections, ...Object.fromEntries((['overview', 'problems', 'other'] as const).map((id) => [id, r.sections[id].replace(/\s+/g, '')])) },
    });
    expect(unbroken(back.report)).toEqual(unbroken(report));
  });

  it('numbers the pages at their foot', () => {
    const pages = pageCount(pdfFile);
    for (let p = 1; p <= pages; p++) {
      const lines = pdftotext(p).split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
      expect(lines.at(-1)).toBe(`—${p}—`);
    }
  });

  it('keeps every row of 三 whole on one page when the table runs over a page break', () => {
    const applications = TEMPLATES['2021'].tables.find((t) => t.path === 'applications')!;
    // pdftotext's raw order follows the drawing order: a row's figures are one line, after its label
    const pages = Array.from({ length: pageCount(splitPdfFile) }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-raw', splitPdfFile, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim()),
    );
    const split: string[] = [];
    for (const row of applications.rows) {
      const figures = applications.columns
        .map((column) => report.sections.applications[row.id as keyof typeof report.sections.applications]?.[column.id as never] as number | null)
        .filter((v): v is number => typeof v === 'number')
        .map(plainDecimal)
        .join(' ');
      const whole = pages.filter((lines) => lines.some((l) => l.endsWith(` ${figures}`)) && lines.join('').replace(/\s+/g, '').includes(row.label.replace(/\s+/g, '')));
      if (whole.length !== 1) split.push(row.label);
    }
    expect(split).toEqual([]);
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

describe('the filing form printed to PDF', () => {
  // The built form served from memory; the API answers the one read the form makes with a draft.
  const draft = sampleReport({ template: '2021', agencyName: '王店镇人民政府', text: '第一段。\n' + '第二段，共收到申请5件。'.repeat(40) });
  let formPdf: string;

  beforeAll(async () => {
    const { outDir } = await buildForm(path.join(ARTEFACTS, 'print-form'));
    const view = {
      agency: { id: agencyId(7), name: draft.agencyName, region: REGION, kind: 'township' },
      year: 2023, template: '2021', status: 'draft', version: 1, draft, findings: [], errorCount: 0, warningCount: 0,
      lastSubmittedAt: null, revisions: [], previousYear: null, returned: null,
    };
    const context = browser.context;
    await context.unrouteAll();
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname.startsWith('/api/filings/')) return route.fulfill({ contentType: 'application/json', body: JSON.stringify(view) });
      const name = url.pathname.replace(/^\/file\//, '') || 'index.html';
      const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : 'text/html';
      let body = readFileSync(path.join(outDir, name), 'utf8');
      if (name === 'index.html') body = body.replace('name="nianbao-api" content=""', `name="nianbao-api" content="${ORIGIN}"`);
      return route.fulfill({ contentType: type, body });
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/file/index.html#token=print-test`);
    await page.waitForSelector('.report-table');
    formPdf = path.join(ARTEFACTS, 'form-print.pdf');
    writeFileSync(formPdf, await page.pdf({ preferCSSPageSize: true }));
  }, 120_000);

  it('prints the report on numbered A4 pages without the form’s controls, every figure and the full text', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', formPdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
    expect(sizes.length).toBeGreaterThan(1);
    for (const m of sizes) expect([Number(m[1]), Number(m[2])].map(Math.round)).toEqual(A4_POINTS.map(Math.round));
    const text = pdftotext(undefined, formPdf);
    for (const control of ['保存草稿', '提交报告', '导入已发布的报告', '政府信息公开工作年度报告 · 填报']) expect(text).not.toContain(control);
    const tokens = new Set(text.split(/\s+/));
    // the form computes the 总计 cells itself, so the draft's own (arbitrary) totals are not shown
    const missing = cellRefs('2021')
      .filter((ref) => !ref.row.computed && !ref.column.computed)
      .map((ref) => cellValue(draft, ref.table, ref.row, ref.column))
      .filter((v): v is number => typeof v === 'number')
      .map(plainDecimal)
      .filter((v) => !tokens.has(v));
    expect(missing).toEqual([]);
    // the long 总体情况 prints whole, not cut at the text box's height
    expect(text.replace(/\s+/g, '').split('第二段，共收到申请5件。').length - 1).toBeGreaterThanOrEqual(3 * 40);
    expect(text.replace(/\s+/g, '')).toContain(`—${sizes.length}—`);
  });
});

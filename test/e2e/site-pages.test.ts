/**
 * Every kind of public page in Debian's Chromium: no serious or critical axe-core violation, and
 * under 60 KB transferred (gzip, as the distribution compresses: infra/constructs/site-distribution.ts).
 * A site of two regions and two years, an amended report and an agency with a history, rendered
 * by renderSite and served from memory at its paths with the stylesheet (no runtime needed).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteSnapshot } from '../../functions/domain/publication.js';
import { SITE_CSS_FILE } from '../../functions/adapters/site-stylesheet.js';
import { SEARCH_PATH, STYLESHEET_PATH } from '../../functions/render/site/paths.js';
import { object, renderSite, type SiteObject } from '../../functions/render/site/render-site.js';
import { renderSearchPage } from '../../functions/render/site/search-page.js';
import { agencyId, revision, sampleReport, syntheticSite } from '../unit/site-fixtures.js';
import { launchChromium, type Browser } from './browser.js';

const ORIGIN = 'http://nianbao.test';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LIMIT = 60 * 1024;

function site(): SiteSnapshot {
  const y2023 = syntheticSite(12, 10, 2023, '411325');
  const y2024 = syntheticSite(12, 8, 2024, '411325');
  const other = syntheticSite(4, 4, 2023, '411326');
  // the first agency amends its 2023 report: a revision page and an amendment on its agency page
  const first = y2023.publications[0]!;
  const amended = { ...first, revisions: [...first.revisions, revision(2, sampleReport({ agencyName: '第1号单位', year: 2023, seed: 99 }), 15)] };
  return {
    regions: [{ code: '411325', name: '内乡县' }, { code: '411326', name: '淅川县' }],
    agencies: [...y2023.agencies, ...other.agencies],
    publications: [amended, ...y2023.publications.slice(1), ...y2024.publications, ...other.publications],
  };
}

const A = agencyId(1, '411325');
/** One page of each kind. */
const PAGES: Record<string, string> = {
  home: '/',
  rules: '/rules/',
  "a region's years": '/411325/',
  'region-year index': '/411325/2023/',
  totals: '/411325/2023/totals/',
  report: `/411325/2023/${A}/`,
  revision: `/411325/2023/${A}/r/1/`,
  'agency history': `/agencies/${A}/`,
  'open data': '/data/',
  "a year's open data": '/data/2023/',
  search: '/search/',
};

const objects = new Map<string, SiteObject>();
let browser: Browser;

beforeAll(async () => {
  for await (const o of renderSite(site(), ORIGIN)) if (o.key.endsWith('.html')) objects.set(o.key, o);
  // The search page is written by the index pass (services/search-index.ts), not by renderSite.
  objects.set('search/index.html', object(SEARCH_PATH, renderSearchPage({ regions: ['内乡县', '淅川县'], years: [2024, 2023], reports: 32, builtAt: '2025-02-01T02:00:00Z' })));
  browser = await launchChromium();
  const css = readFileSync(SITE_CSS_FILE, 'utf8');
  await browser.context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === STYLESHEET_PATH) return route.fulfill({ contentType: 'text/css', body: css });
    const page = objects.get(`${url.pathname.slice(1)}index.html`);
    return page ? route.fulfill({ contentType: page.contentType, body: String(page.body) }) : route.fulfill({ status: 404, body: '' });
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('public pages', () => {
  it('every HTML page of the site is under 60 KB transferred', () => {
    expect(objects.size).toBeGreaterThan(50);
    const over = [...objects].map(([key, o]) => [key, gzipSync(String(o.body)).length] as const).filter(([, n]) => n >= LIMIT);
    expect(over).toEqual([]);
  });

  it.each(Object.entries(PAGES))('%s has no serious or critical axe-core violation', async (_, path) => {
    expect(objects.has(`${path.slice(1)}index.html`), path).toBe(true);
    const page = await browser.context.newPage();
    try {
      await page.goto(`${ORIGIN}${path}`);
      await page.evaluate(axeSource);
      const { violations, passes } = await page.evaluate(async () => {
        type Result = { id: string; impact: string; nodes: { target: unknown }[] };
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
        const result = await axe.run();
        return {
          violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target) })),
          passes: result.passes.length,
        };
      });
      // axe ran its rules on the page (with its stylesheet: colour contrast is among them)
      expect(passes).toBeGreaterThan(10);
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});

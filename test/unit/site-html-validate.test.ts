/**
 * Every kind of public HTML page validates with html-validate (pinned) on its recommended
 * preset, with no rule turned off. Feeds, sitemaps and the JSON files
 * are XML and JSON, not HTML: checked by their own tests.
 */
import { HtmlValidate, type Message } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteSnapshot } from '../../functions/domain/publication.js';
import { renderSite } from '../../functions/render/site/render-site.js';
import { renderSearchPage } from '../../functions/render/site/search-page.js';
import { agencyId, revision, sampleReport, syntheticSite } from './site-fixtures.js';

// The whole recommended preset: every page passes it, so no rule is turned off.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

function site(): SiteSnapshot {
  const y2023 = syntheticSite(6, 5, 2023, '411325');
  const y2024 = syntheticSite(6, 4, 2024, '411325');
  const first = y2023.publications[0]!;
  const amended = { ...first, revisions: [...first.revisions, revision(2, sampleReport({ agencyName: '第1号单位', year: 2023, seed: 99 }), 15)] };
  return {
    regions: [{ code: '411325', name: '内乡县' }],
    agencies: y2023.agencies,
    publications: [amended, ...y2023.publications.slice(1), ...y2024.publications],
  };
}

const A = agencyId(1, '411325');
const PAGES: Record<string, string> = {
  home: 'index.html',
  rules: 'rules/index.html',
  "a region's years": '411325/index.html',
  'region-year index': '411325/2023/index.html',
  totals: '411325/2023/totals/index.html',
  report: `411325/2023/${A}/index.html`,
  revision: `411325/2023/${A}/r/1/index.html`,
  'agency history': `agencies/${A}/index.html`,
  'open data': 'data/index.html',
  "a year's open data": 'data/2023/index.html',
  search: 'search/index.html',
};

const pages = new Map<string, string>();

beforeAll(async () => {
  for await (const o of renderSite(site(), 'https://nianbao.example.gov.cn')) if (o.key.endsWith('.html')) pages.set(o.key, String(o.body));
  pages.set('search/index.html', renderSearchPage({ regions: ['内乡县'], years: [2024, 2023], reports: 9, builtAt: '2025-02-01T02:00:00Z' }));
});

const brief = (m: Message) => `${m.ruleId} ${m.line}:${m.column} ${m.message} ${m.selector ?? ''}`;

describe('the public pages validate as HTML', () => {
  it.each(Object.entries(PAGES))('%s', async (_, key) => {
    const html = pages.get(key);
    expect(html, key).toBeDefined();
    const report = await validator.validateString(html!, key);
    expect(report.results.flatMap((r) => r.messages).map(brief)).toEqual([]);
  });

  it('finds the errors it is there for (an unclosed element, a duplicate id)', async () => {
    const report = await validator.validateString(pages.get('index.html')!.replace('<main>', '<main><p id="x">a<div id="x"></div>'));
    expect(report.valid).toBe(false);
  });
});

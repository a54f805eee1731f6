import { describe, expect, it } from 'vitest';
import { renderAgencyPage } from '../../functions/render/site/agency-page.js';
import { renderHomePage } from '../../functions/render/site/home-page.js';
import { renderRegionIndexPage } from '../../functions/render/site/region-index-page.js';
import { SiteIndex } from '../../functions/render/site/render-site.js';
import { renderRegionYearSitemap, renderSitemapIndex } from '../../functions/render/site/sitemap.js';
import { attr, elements, parse, text } from './site-dom.js';
import { agencyId, REGION, revision, sampleReport, syntheticSite } from './site-fixtures.js';

const site = syntheticSite(5, 3);
// agency 1 amended; agency 1 also published 2022
const p1 = site.publications[0]!;
const publications = [
  { ...p1, revisions: [...p1.revisions, revision(2, sampleReport({ seed: 9 }), 8)] },
  ...site.publications.slice(1),
  { agencyId: p1.agencyId, region: REGION, year: 2022, revisions: [revision(1, sampleReport({ year: 2022 }), 3)] },
];
const index = new SiteIndex({ ...site, publications });

describe('region-year index', () => {
  const doc = parse(renderRegionIndexPage(index.regionYear(REGION, 2023)));
  const rows = elements(elements(doc, 'tbody')[0]!, 'tr');

  it('lists every agency of the region, published or not, with dates', () => {
    expect(rows).toHaveLength(5);
    const byName = new Map(rows.map((tr) => [text(elements(tr, 'th')[0]!), tr]));
    const one = byName.get('第1号单位')!;
    expect(elements(one, 'a').map((a) => attr(a, 'href'))).toEqual([`/${REGION}/2023/${agencyId(1)}/`]);
    expect(elements(one, 'time').map((t) => attr(t, 'datetime'))).toEqual(['2024-01-11', '2024-01-18']);
    const five = byName.get('第5号单位')!;
    expect(elements(five, 'a')).toHaveLength(0);
    expect(elements(five, 'time')).toHaveLength(0);
    expect(attr(five, 'class')).toBe('not-published');
  });

  it('links the totals and all-reports.csv', () => {
    const hrefs = elements(doc, 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toContain(`/${REGION}/2023/totals/`);
    expect(hrefs).toContain(`/${REGION}/2023/all-reports.csv`);
  });
});

describe('agency, home and sitemaps', () => {
  it('the agency page lists its years, newest first', () => {
    const doc = parse(renderAgencyPage({ agency: index.agency(agencyId(1)), publications: index.agencyPublications(agencyId(1)) }));
    const links = elements(elements(doc, 'ul').find((u) => attr(u, 'class') === 'year-list')!, 'a');
    // each year's report, and under it each amendment (更正) of that year
    expect(links.map((a) => attr(a, 'href'))).toEqual([
      `/${REGION}/2023/${agencyId(1)}/`,
      `/${REGION}/2023/${agencyId(1)}/r/2/`,
      `/${REGION}/2022/${agencyId(1)}/`,
    ]);
  });

  it('the home page lists regions and their years with how many published', () => {
    const doc = parse(renderHomePage(index.home()));
    const links = elements(doc, 'a').filter((a) => attr(a, 'href')!.startsWith(`/${REGION}/`));
    // the region's name links to its years page, then each year
    expect(links.map((a) => [attr(a, 'href'), text(a)])).toEqual([
      [`/${REGION}/`, '内乡县'],
      [`/${REGION}/2023/`, '2023'],
      [`/${REGION}/2022/`, '2022'],
    ]);
    const counts = elements(doc, 'span').filter((e) => attr(e, 'class') === 'count').map(text);
    expect(counts.map((c) => c.match(/\d+/g))).toEqual([
      ['3', '5'],
      ['1', '5'],
    ]);
  });

  it('sitemaps list absolute URLs of every published report, per region-year, under one index', () => {
    const xml = parse(renderRegionYearSitemap('https://gk.example.gov.cn/', index.regionYear(REGION, 2023)));
    const locs = elements(xml, 'loc').map(text);
    for (const i of [1, 2, 3]) expect(locs).toContain(`https://gk.example.gov.cn/${REGION}/2023/${agencyId(i)}/`);
    expect(locs).not.toContain(`https://gk.example.gov.cn/${REGION}/2023/${agencyId(5)}/`);
    const idx = parse(renderSitemapIndex('https://gk.example.gov.cn', index.regionYears()));
    expect(elements(idx, 'loc').map(text)).toEqual([
      'https://gk.example.gov.cn/sitemap-home.xml',
      `https://gk.example.gov.cn/${REGION}/2022/sitemap.xml`,
      `https://gk.example.gov.cn/${REGION}/2023/sitemap.xml`,
    ]);
  });
});

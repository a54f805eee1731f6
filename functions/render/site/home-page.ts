/** `/`: every region with the years it has published reports for. */
import { html } from './html.js';
import { RULES_PATH, regionPath, regionYearPath } from './paths.js';
import { page } from './site-layout.js';
import { regionName, type RegionInfo } from '../../domain/publication.js';
import { TEXT } from './site-text.js';

export interface RegionYearSummary {
  readonly year: number;
  /** agencies with a published report that year */
  readonly published: number;
  /** agencies of the region */
  readonly agencies: number;
  /** ISO instant of the region-year's latest publication (for the sitemap index) */
  readonly lastmod?: string;
}

export interface HomeRegion {
  readonly region: RegionInfo;
  readonly years: readonly RegionYearSummary[];
}

export function renderHomePage(regions: readonly HomeRegion[]): string {
  const sorted = [...regions].sort((a, b) => (a.region.code < b.region.code ? -1 : a.region.code > b.region.code ? 1 : 0));
  const body = html`<article class="home">
<h1>${TEXT.siteName}</h1>
<h2>${TEXT.regionsAndYears}</h2>
<ul class="region-list">${sorted.map(
    (r) => html`
<li><span class="region-name"><a href="${regionPath(r.region.code)}">${regionName(r.region)}</a></span>
<ul class="year-list">${[...r.years]
      .sort((a, b) => b.year - a.year)
      .map(
        (y) =>
          html`<li><a href="${regionYearPath(r.region.code, y.year)}">${y.year}</a> <span class="count">${TEXT.publishedCount(
            y.published,
            y.agencies,
          )}</span></li>`,
      )}</ul></li>`,
  )}
</ul>
<footer class="home-footer"><a href="${RULES_PATH}">检查规则：填报时的每项检查及其依据</a></footer>
</article>`;
  return page({ title: TEXT.siteName, crumbs: [], body });
}

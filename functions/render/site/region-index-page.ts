/** `/{region}/{year}/`: every agency of the region, published or not yet, with dates. */
import { html } from './html.js';
import { formatDate, isoDate } from './format.js';
import { allReportsCsvPath, allReportsXlsxPath, reportPath, totalsPath } from './paths.js';
import { allReportsCsv } from './report-csv.js';
import { templateForYear } from '../../domain/report.js';
import { page } from './site-layout.js';
import { firstRevision, latestRevision, regionName, roster, type RegionYearInput } from '../../domain/publication.js';
import { TEXT } from './site-text.js';

const time = (iso: string) => html`<time datetime="${isoDate(iso)}">${formatDate(iso)}</time>`;

export function renderRegionIndexPage(input: RegionYearInput): string {
  const { region, year } = input;
  const entries = roster(input);
  const published = entries.filter((e) => e.publication).length;
  const title = TEXT.regionYear(regionName(region), year) + TEXT.siteName;
  const rows = entries.map((e) => {
    const p = e.publication;
    if (!p) {
      return html`<tr class="not-published"><th scope="row">${e.name}</th>
<td>${TEXT.notPublished}</td><td></td><td></td></tr>`;
    }
    const first = firstRevision(p.revisions);
    const latest = latestRevision(p.revisions);
    return html`<tr class="published"><th scope="row"><a href="${reportPath(region.code, year, e.agencyId)}">${e.name}</a></th>
<td>${TEXT.published}</td><td>${time(first.publishedAt)}</td><td>${
      latest.revision > first.revision ? time(latest.publishedAt) : ''
    }</td></tr>`;
  });
  const body = html`<article class="region-index">
<h1>${title}</h1>
<p class="coverage">${TEXT.publishedCount(published, entries.length)}</p>
<p class="totals-link"><a href="${totalsPath(region.code, year)}">${TEXT.totalsTitle(regionName(region), year)}</a></p>
<div class="table-wrap">
<table class="agency-table">
<caption>${TEXT.agenciesOfRegion}</caption>
<thead><tr><th scope="col">${TEXT.agency}</th><th scope="col">${TEXT.status}</th><th scope="col">${
    TEXT.firstPublishedAt
  }</th><th scope="col">${TEXT.amendedAt}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</div>
<section class="downloads">
<h2>${TEXT.downloads}</h2>
<ul><li><a href="${allReportsCsvPath(region.code, year)}" type="text/csv">${TEXT.allReportsCsv}</a></li>
<li><a href="${allReportsXlsxPath(region.code, year)}" type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">${TEXT.allReportsXlsx}</a>${TEXT.workbookDelay}</li></ul>
</section>
</article>`;
  return page({ title, crumbs: [{ label: TEXT.regionYear(regionName(region), year) }], body });
}

/** `all-reports.csv`: the latest revision of every published report of the region-year. */
export function renderAllReportsCsv(input: RegionYearInput): string {
  const rows = roster(input).flatMap((e) => {
    if (!e.publication) return [];
    const latest = latestRevision(e.publication.revisions);
    return [{ agencyId: e.agencyId, revision: latest.revision, publishedAt: latest.publishedAt, report: latest.report }];
  });
  return allReportsCsv(templateForYear(input.year), rows);
}

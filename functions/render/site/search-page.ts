/**
 * Search across every published report (Pagefind). Three pieces, all pure:
 *
 * - the small form in every page's header (site-layout.ts): a plain GET form to `/search/?q=…`;
 *   it needs no script, so every other page stays script-free and readable without JavaScript.
 * - `renderSearchPage`: `/search/`, the one page that loads a script (`/assets/search.js`), which
 *   runs the query against the index under `/pagefind/` and lists the reports found, filtered by
 *   地区, 年度 and 单位. Without JavaScript it says so and links to the browsable lists.
 * - `searchDocument`: what the index is built from for one report: its title, agency, region and
 *   year (as Pagefind filters 机关 / 地区 / 年度) and its text sections. Tables are left out: their
 *   labels are the same in every report and their numbers are not what a reader types.
 */
import { SECTION_ORDER, TEMPLATES } from '../../domain/report-template.js';
import { latestRevision, regionName, type Publication, type RegionInfo } from '../../domain/publication.js';
import { html, paragraphs, type SafeHtml } from './html.js';
import { formatDate } from './format.js';
import { HOME_PATH, reportPath, SEARCH_PATH, SEARCH_SCRIPT_PATH } from './paths.js';
import { reportTitle } from './report-page.js';
import { page } from './site-layout.js';
import { TEXT } from './site-text.js';

/** The Pagefind filter names; the search page's script uses the same (its URL parameters map onto them). */
export const SEARCH_FILTERS = { agency: '机关', region: '地区', year: '年度' } as const;

export interface SearchDocument {
  /** the report page the result leads to */
  readonly url: string;
  /** an HTML document for Pagefind's `addHTMLFile` (never published as a page) */
  readonly content: string;
}

/** One report (its latest revision) as the index sees it. */
export function searchDocument(region: RegionInfo, publication: Publication): SearchDocument {
  const report = latestRevision(publication.revisions).report;
  const template = TEMPLATES[report.template];
  const text = report.sections as Record<string, unknown>;
  // Headings carry the report page's section ids, so Pagefind's sub-results link to the section.
  const sections = SECTION_ORDER.filter((id) => template.textSections.some((s) => s.id === id)).map(
    (id) => html`<h2 id="${id}">${template.sectionTitles[id]}</h2>
${paragraphs(String(text[id] ?? ''))}
`,
  );
  const content = html`<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${reportTitle(report)}</title></head>
<body>
<h1 data-pagefind-meta="title">${reportTitle(report)}</h1>
<p><span data-pagefind-filter="${SEARCH_FILTERS.agency}">${report.agencyName}</span>
<span data-pagefind-filter="${SEARCH_FILTERS.region}">${regionName(region)}</span>
<span data-pagefind-filter="${SEARCH_FILTERS.year}">${String(publication.year)}</span></p>
${sections}
</body>
</html>
`.value;
  return { url: reportPath(region.code, publication.year, publication.agencyId), content };
}

export interface SearchPageInput {
  /** names of the regions with published reports, as the 地区 filter holds them */
  readonly regions: readonly string[];
  readonly years: readonly number[];
  /** reports in the index */
  readonly reports: number;
  /** when the index was built (ISO) */
  readonly builtAt: string;
}

const options = (values: readonly string[]): SafeHtml => html`${values.map((v) => html`<option value="${v}">${v}</option>`)}`;

/** `/search/`: the search form with its filters; results appear only with JavaScript. */
export function renderSearchPage({ regions, years, reports, builtAt }: SearchPageInput): string {
  const body = html`<h1>${TEXT.searchTitle}</h1>
<form class="search-form" id="search-form" role="search" action="${SEARCH_PATH}" method="get">
<p class="search-terms"><label for="search-q">${TEXT.searchKeywords}</label>
<input id="search-q" name="q" type="search" placeholder="${TEXT.searchPlaceholder}">
<button type="submit">${TEXT.search}</button></p>
<p class="search-filters"><label for="search-region">${TEXT.searchRegion}</label>
<select id="search-region" name="region"><option value="">${TEXT.searchAllRegions}</option>${options(regions)}</select>
<label for="search-year">${TEXT.searchYear}</label>
<select id="search-year" name="year"><option value="">${TEXT.searchAllYears}</option>${options(years.map(String))}</select>
<label for="search-agency">${TEXT.searchAgency}</label>
<select id="search-agency" name="agency"><option value="">${TEXT.searchAllAgencies}</option></select></p>
</form>
<p id="search-status" class="search-status" role="status">${TEXT.searchNoScript}<a href="${HOME_PATH}">${TEXT.searchBrowse}</a></p>
<div id="search-results"></div>
<p class="search-about">${TEXT.searchAbout(reports, formatDate(builtAt))}</p>
<script type="module" src="${SEARCH_SCRIPT_PATH}"></script>`;
  return page({ title: TEXT.searchTitle, crumbs: [{ label: TEXT.searchTitle }], body, searchBox: false });
}

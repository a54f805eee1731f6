/**
 * Open data: per year, every published report of every region (latest revisions) as a wide CSV,
 * as JSON lines, and as one long CSV of every figure (agency, region, year, cell path, label,
 * value); and `/data/`, listing each file with its size, row count and date.
 */
import { csvDocument, numberField, textField } from '../csv.js';
import { cellRefs, cellValue, templateForYear } from '../../domain/report.js';
import { latestRevision, type Publication, type RegionInfo } from '../../domain/publication.js';
import { html } from './html.js';
import { formatDate, formatNumber, isoDate } from './format.js';
import { DATA_PATH, dataYearPath, datasetPath, REPORT_SCHEMA_PATH, type DatasetKind } from './paths.js';
import { allReportsCsv } from './report-csv.js';
import { page } from './site-layout.js';
import { TEXT } from './site-text.js';

export interface Dataset {
  readonly path: string;
  readonly year: number;
  readonly kind: DatasetKind;
  readonly body: string;
  /** data rows (header rows not counted) */
  readonly rows: number;
  /** the newest publication it holds */
  readonly updated: string;
}

/** The three datasets of one year, from that year's publications of every region. */
export function yearDatasets(year: number, publications: readonly Publication[], regions: readonly RegionInfo[]): Dataset[] {
  const names = new Map(regions.map((r) => [r.code, r.name ?? r.code]));
  const latest = publications
    .filter((p) => p.year === year)
    .map((p) => ({ p, r: latestRevision(p.revisions) }))
    .sort((a, b) => (a.p.region + a.p.agencyId < b.p.region + b.p.agencyId ? -1 : 1));
  const updated = latest.reduce((a, { r }) => (Date.parse(r.publishedAt) > Date.parse(a) ? r.publishedAt : a), '1970-01-01T00:00:00.000Z');
  const wide = allReportsCsv(
    templateForYear(year),
    latest.map(({ p, r }) => ({ agencyId: p.agencyId, revision: r.revision, publishedAt: r.publishedAt, report: r.report })),
  );
  const jsonl = latest
    .map(({ p, r }) => `${JSON.stringify({ region: p.region, agencyId: p.agencyId, revision: r.revision, publishedAt: r.publishedAt, report: r.report })}\n`)
    .join('');
  const c = TEXT.dataColumns;
  const long: string[][] = [[c.agencyId, c.agency, c.region, c.regionName, c.year, c.path, c.label, c.value]];
  for (const { p, r } of latest) {
    for (const ref of cellRefs(r.report.template)) {
      const v = cellValue(r.report, ref.table, ref.row, ref.column);
      long.push([
        textField(p.agencyId),
        textField(r.report.agencyName),
        textField(p.region),
        textField(names.get(p.region) ?? p.region),
        numberField(String(year)),
        textField(ref.path),
        textField(ref.label),
        v === null ? '' : typeof v === 'number' ? numberField(formatNumber(v)) : textField(v),
      ]);
    }
  }
  const dataset = (kind: DatasetKind, body: string, rows: number): Dataset => ({ path: datasetPath(year, kind), year, kind, body, rows, updated });
  return [dataset('reports.csv', wide, latest.length), dataset('reports.jsonl', jsonl, latest.length), dataset('figures.csv', csvDocument(long), long.length - 1)];
}

export type DatasetInfo = Omit<Dataset, 'body'> & { readonly bytes: number };

export const datasetInfo = ({ body, ...d }: Dataset): DatasetInfo => ({ ...d, bytes: new TextEncoder().encode(body).length });

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${formatNumber(Math.round(bytes / 102.4) / 10)} KB` : `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`);

/** `/data/{year}/`: the year's files with size, rows and date. */
export function renderDataYearPage(year: number, datasets: readonly DatasetInfo[]): string {
  const body = html`<article class="data">
<h1>${year}${TEXT.year} ${TEXT.dataTitle}</h1>
<p>${TEXT.dataIntro}</p>
<table>
<thead><tr><th scope="col">${TEXT.dataFile}</th><th scope="col">${TEXT.dataSize}</th><th scope="col">${TEXT.dataRows}</th><th scope="col">${TEXT.dataUpdated}</th></tr></thead>
<tbody>${datasets.map(
    (d) => html`<tr><th scope="row"><a href="${d.path}">${d.path.slice(d.path.lastIndexOf('/') + 1)}</a> ${TEXT.dataKinds[d.kind]}</th><td class="num">${size(d.bytes)}</td><td class="num">${d.rows}</td><td><time datetime="${isoDate(d.updated)}">${formatDate(d.updated)}</time></td></tr>`,
  )}</tbody>
</table>
<p><a href="${REPORT_SCHEMA_PATH}">${TEXT.dataSchema}</a></p>
</article>`;
  return page({ title: `${year}${TEXT.year} ${TEXT.dataTitle}`, crumbs: [{ label: TEXT.dataTitle, href: DATA_PATH }, { label: String(year) }], body });
}

export interface DataYear {
  readonly year: number;
  /** published reports of the year, all regions: the rows of reports-{year}.csv */
  readonly reports: number;
  readonly updated?: string;
}

/** `/data/`: one line per year (newest first) with its files; sizes are on the year's page. */
export function renderDataPage(years: readonly DataYear[]): string {
  const sorted = [...years].sort((a, b) => b.year - a.year);
  const kinds: DatasetKind[] = ['reports.csv', 'reports.jsonl', 'figures.csv'];
  const body = html`<article class="data">
<h1>${TEXT.dataTitle}</h1>
<p>${TEXT.dataIntro}</p>
${
  sorted.length === 0
    ? html`<p>${TEXT.notPublished}</p>`
    : html`<table>
<thead><tr><th scope="col">${TEXT.year}</th><th scope="col">${TEXT.dataFile}</th><th scope="col">${TEXT.dataReports}</th><th scope="col">${TEXT.dataUpdated}</th></tr></thead>
<tbody>${sorted.map(
        (y) => html`<tr><th scope="row"><a href="${dataYearPath(y.year)}">${y.year}</a></th><td>${kinds.map((k) => {
          const path = datasetPath(y.year, k);
          return html`<a href="${path}">${path.slice(path.lastIndexOf('/') + 1)}</a> `;
        })}</td><td class="num">${y.reports}</td><td>${y.updated ? html`<time datetime="${isoDate(y.updated)}">${formatDate(y.updated)}</time>` : ''}</td></tr>`,
      )}</tbody>
</table>`
}
<p><a href="${REPORT_SCHEMA_PATH}">${TEXT.dataSchema}</a></p>
</article>`;
  return page({ title: TEXT.dataTitle, crumbs: [{ label: TEXT.dataTitle }], body });
}

/** The objects of one year's open data: its three files and its page. */
export function yearDataFiles(year: number, publications: readonly Publication[], regions: readonly RegionInfo[]): { path: string; body: string }[] {
  const datasets = yearDatasets(year, publications, regions);
  return [...datasets.map(({ path, body }) => ({ path, body })), { path: dataYearPath(year), body: renderDataYearPage(year, datasets.map(datasetInfo)) }];
}

/** The years of `/data/` from the home page's lines (region-year summaries). */
export function dataYears(lines: readonly { year: number; published: number; lastmod?: string }[]): DataYear[] {
  const byYear = new Map<number, { reports: number; updated?: string }>();
  for (const l of lines) {
    const y = byYear.get(l.year) ?? { reports: 0 };
    y.reports += l.published;
    if (l.lastmod && (!y.updated || Date.parse(l.lastmod) > Date.parse(y.updated))) y.updated = l.lastmod;
    byYear.set(l.year, y);
  }
  return [...byYear].filter(([, y]) => y.reports > 0).map(([year, y]) => ({ year, ...y }));
}

/**
 * Open data, split by region-year so a publish rewrites only its own region-year's files:
 * per region-year, every published report (latest revisions) as a wide CSV, as JSON lines, and
 * as one long CSV of every figure (agency, region, year, cell path, label, value). Per year, a
 * page and a `manifest.json` list every region's files with size, rows and date; `/data/` lists
 * the years. The listings are built from small per-file figures (DataFileStat) kept on each
 * region-year's home-page line, never from the other region-years' files.
 */
import { csvDocument, numberField, textField } from '../csv.js';
import { cellRefs, cellValue } from '../../domain/report.js';
import { latestRevision, type RegionYearInput } from '../../domain/publication.js';
import { html } from './html.js';
import { formatDate, formatNumber, isoDate } from './format.js';
import { allReportsXlsxPath, DATA_PATH, dataManifestPath, dataYearPath, datasetPath, REPORT_SCHEMA_PATH, type DatasetKind } from './paths.js';
import { renderAllReportsCsv } from './region-index-page.js';
import { page } from './site-layout.js';
import { TEXT } from './site-text.js';

export const DATASET_KINDS: readonly DatasetKind[] = ['reports.csv', 'reports.jsonl', 'figures.csv'];

export interface Dataset {
  readonly path: string;
  readonly kind: DatasetKind;
  readonly body: string;
}

/** What the listings show of one file: kept on the region-year's home-page line. */
export interface DataFileStat {
  readonly kind: DatasetKind;
  readonly bytes: number;
  /** data rows (header rows not counted) */
  readonly rows: number;
}

/**
 * The region-year's workbook (`/{region}/{year}/all-reports.xlsx`) as last written by the
 * scheduled pass (services/region-workbooks.ts): kept on the region-year's line like the files'.
 */
export interface WorkbookStat {
  readonly bytes: number;
  /** reports in it */
  readonly rows: number;
  /** when the pass wrote it (ISO) */
  readonly writtenAt: string;
}

/** One region-year as the listings show it. */
export interface DataLine {
  readonly region: string;
  readonly regionName?: string;
  readonly year: number;
  /** the newest publication its files hold */
  readonly updated?: string;
  readonly files: readonly DataFileStat[];
  readonly workbook?: WorkbookStat;
}

/** The three datasets of one region-year, from its publications (latest revisions), in agency order. */
export function regionYearDatasets(input: RegionYearInput): Dataset[] {
  const { region, year } = input;
  const latest = [...input.publications]
    .sort((a, b) => (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0))
    .map((p) => ({ p, r: latestRevision(p.revisions) }));
  const regionName = region.name ?? region.code;
  const jsonl = latest
    .map(({ p, r }) => `${JSON.stringify({ region: region.code, agencyId: p.agencyId, revision: r.revision, publishedAt: r.publishedAt, report: r.report })}\n`)
    .join('');
  const c = TEXT.dataColumns;
  const long: string[][] = [[c.agencyId, c.agency, c.region, c.regionName, c.year, c.path, c.label, c.value]];
  for (const { p, r } of latest) {
    // the same five fields on each of the report's rows: escaped once
    const head = [textField(p.agencyId), textField(r.report.agencyName), textField(region.code), textField(regionName), numberField(String(year))];
    for (const ref of cellRefs(r.report.template)) {
      const v = cellValue(r.report, ref.table, ref.row, ref.column);
      long.push([...head, textField(ref.path), textField(ref.label), v === null ? '' : typeof v === 'number' ? numberField(formatNumber(v)) : textField(v)]);
    }
  }
  const dataset = (kind: DatasetKind, body: string): Dataset => ({ path: datasetPath(year, region.code, kind), kind, body });
  return [
    // the same rows and columns as the region-year's all-reports.csv
    dataset('reports.csv', renderAllReportsCsv(input)),
    dataset('reports.jsonl', jsonl),
    dataset('figures.csv', csvDocument(long)),
  ];
}

/** Each dataset's data rows: a line per report, and for the long CSV a line per cell of each. */
export function datasetRows(input: RegionYearInput): Record<DatasetKind, number> {
  const reports = input.publications.length;
  const cells = input.publications.reduce((n, p) => n + cellRefs(latestRevision(p.revisions).report.template).length, 0);
  return { 'reports.csv': reports, 'reports.jsonl': reports, 'figures.csv': cells };
}

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${formatNumber(Math.round(bytes / 102.4) / 10)} KB` : `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`;
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const date = (iso: string | undefined) => (iso ? html`<time datetime="${isoDate(iso)}">${formatDate(iso)}</time>` : '');
const newest = (dates: readonly (string | undefined)[]) =>
  dates.reduce<string | undefined>((a, d) => (d && (!a || Date.parse(d) > Date.parse(a)) ? d : a), undefined);
const byRegion = (lines: readonly DataLine[]) => [...lines].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
const reportsOf = (line: DataLine) => line.files.find((f) => f.kind === 'reports.jsonl')?.rows ?? 0;
const bytesOf = (lines: readonly DataLine[]) => lines.reduce((n, l) => n + l.files.reduce((m, f) => m + f.bytes, 0) + (l.workbook?.bytes ?? 0), 0);

/** `/data/{year}/`: a row per region with its three files (size and rows each), its workbook and date. */
export function renderDataYearPage(year: number, lines: readonly DataLine[]): string {
  const sorted = byRegion(lines.filter((l) => l.year === year));
  const c = TEXT.dataColumns;
  const body = html`<article class="data">
<h1>${year}${TEXT.year} ${TEXT.dataTitle}</h1>
<p>${TEXT.dataYearIntro}</p>
<table>
<caption>${TEXT.dataYearCaption(sorted.length, sorted.reduce((n, l) => n + reportsOf(l), 0), size(bytesOf(sorted)))}</caption>
<thead><tr><th scope="col">${c.regionName}</th>${DATASET_KINDS.map((k) => html`<th scope="col">${TEXT.dataKinds[k]}</th>`)}<th scope="col">${TEXT.dataWorkbook}</th><th scope="col">${TEXT.dataUpdated}</th></tr></thead>
<tbody>${sorted.map((l) => {
    const files = DATASET_KINDS.map((kind) => {
      const f = l.files.find((x) => x.kind === kind);
      const path = datasetPath(year, l.region, kind);
      return f ? html`<td><a href="${path}">${fileName(path)}</a><br>${size(f.bytes)}，${formatNumber(f.rows)} ${TEXT.dataRows}</td>` : html`<td></td>`;
    });
    const wb = l.workbook;
    const workbookPath = allReportsXlsxPath(l.region, year);
    const workbook = wb
      ? html`<td><a href="${workbookPath}">${fileName(workbookPath)}</a><br>${size(wb.bytes)}，${formatNumber(wb.rows)} ${TEXT.dataReportsUnit}，${date(wb.writtenAt)}</td>`
      : html`<td>${TEXT.dataWorkbookPending}</td>`;
    return html`<tr><th scope="row">${l.regionName ?? l.region}（${l.region}）</th>${files}${workbook}<td>${date(l.updated)}</td></tr>`;
  })}</tbody>
</table>
<p><a href="${dataManifestPath(year)}">manifest.json</a> ${TEXT.dataManifest} · <a href="${REPORT_SCHEMA_PATH}">${TEXT.dataSchema}</a></p>
</article>`;
  return page({ title: `${year}${TEXT.year} ${TEXT.dataTitle}`, crumbs: [{ label: TEXT.dataTitle, href: DATA_PATH }, { label: String(year) }], body });
}

/** `/data/{year}/manifest.json`: every file of the year, for a program to fetch them all. */
export function dataManifest(year: number, lines: readonly DataLine[]): string {
  interface ManifestFile { region: string; regionName?: string; kind: DatasetKind | 'workbook.xlsx'; path: string; bytes: number; rows: number; updated?: string }
  const files = byRegion(lines.filter((l) => l.year === year)).flatMap((l): ManifestFile[] => {
    const region = { region: l.region, ...(l.regionName ? { regionName: l.regionName } : {}) };
    const datasets = l.files.map((f) => ({
      ...region,
      kind: f.kind,
      path: datasetPath(year, l.region, f.kind),
      bytes: f.bytes,
      rows: f.rows,
      ...(l.updated ? { updated: l.updated } : {}),
    }));
    // the workbook: rows are its reports, the date is when the scheduled pass wrote it
    const wb = l.workbook;
    const workbook = wb ? [{ ...region, kind: 'workbook.xlsx' as const, path: allReportsXlsxPath(l.region, year), bytes: wb.bytes, rows: wb.rows, updated: wb.writtenAt }] : [];
    return [...datasets, ...workbook];
  });
  return `${JSON.stringify({ year, schema: REPORT_SCHEMA_PATH, files }, null, 1)}\n`;
}

/** `/data/`: a row per year (newest first): regions, reports, total size, date. */
export function renderDataPage(lines: readonly DataLine[]): string {
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => b - a);
  const body = html`<article class="data">
<h1>${TEXT.dataTitle}</h1>
<p>${TEXT.dataIntro}</p>
${
  years.length === 0
    ? html`<p>${TEXT.notPublished}</p>`
    : html`<table>
<thead><tr><th scope="col">${TEXT.year}</th><th scope="col">${TEXT.dataRegions}</th><th scope="col">${TEXT.dataReports}</th><th scope="col">${TEXT.dataSize}</th><th scope="col">${TEXT.dataUpdated}</th></tr></thead>
<tbody>${years.map((year) => {
        const of = lines.filter((l) => l.year === year);
        return html`<tr><th scope="row"><a href="${dataYearPath(year)}">${year}</a></th><td class="num">${of.length}</td><td class="num">${formatNumber(
          of.reduce((n, l) => n + reportsOf(l), 0),
        )}</td><td class="num">${size(bytesOf(of))}</td><td>${date(newest(of.map((l) => l.updated)))}</td></tr>`;
      })}</tbody>
</table>`
}
<p><a href="${REPORT_SCHEMA_PATH}">${TEXT.dataSchema}</a></p>
</article>`;
  return page({ title: TEXT.dataTitle, crumbs: [{ label: TEXT.dataTitle }], body });
}

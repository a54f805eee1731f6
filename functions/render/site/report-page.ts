/**
 * The public report page (current revision) and the archived page of one revision, plus the
 * JSON beside them. All six sections in the template's order; filer text escaped; newlines
 * in the text sections become paragraphs.
 */
import { SECTION_ORDER, TEMPLATES } from '../../domain/report-template.js';
import { tableData, type Report } from '../../domain/report.js';
import { html, paragraphs, type SafeHtml } from './html.js';
import { formatDate, isoDate } from './format.js';
import {
  agencyPath,
  regionYearPath,
  reportCsvPath,
  reportDocxPath,
  reportJsonPath,
  reportPath,
  reportXlsxPath,
  revisionPath,
  stampedCopyPath,
} from './paths.js';
import { renderSectionTables } from './report-tables.js';
import { page } from './site-layout.js';
import {
  firstRevision,
  latestRevision,
  regionName,
  type PublishedRevision,
  type Publication,
  type RegionInfo,
  type RevisionInfo,
} from '../../domain/publication.js';
import { TEXT } from './site-text.js';
import { DOCX_TYPE, XLSX_TYPE, objectHeaders } from './object-headers.js';

export interface ReportPageInput {
  readonly region: RegionInfo;
  readonly publication: Publication;
}

export interface RevisionPageInput {
  readonly region: RegionInfo;
  readonly agencyId: string;
  readonly year: number;
  readonly revision: PublishedRevision;
}

const time = (iso: string): SafeHtml => html`<time datetime="${isoDate(iso)}">${formatDate(iso)}</time>`;

export function reportTitle(report: Report): string {
  return `${report.agencyName}${report.year}${TEXT.reportTitleSuffix}`;
}

function sections(report: Report): SafeHtml {
  const template = TEMPLATES[report.template];
  const text = report.sections as Record<string, unknown>;
  return html`${SECTION_ORDER.map((id) => {
    const body = template.textSections.some((s) => s.id === id)
      ? paragraphs(String(text[id] ?? ''))
      : renderSectionTables(report.template, id, (t) => tableData(report, t));
    return html`<section class="report-section" id="${id}">
<h2>${template.sectionTitles[id]}</h2>
${body}
</section>
`;
  })}`;
}

function downloads(pagePath: string, stampedCopyFile?: string): SafeHtml {
  // <aside>, not <section>: it is not part of the report (and importers skip asides)
  // named by its heading: a page may have two asides, and landmarks need distinct names
  return html`<aside class="downloads" aria-labelledby="downloads-title">
<h2 id="downloads-title">${TEXT.downloads}</h2>
<ul>
<li><a href="${reportJsonPath(pagePath)}" type="application/json">${TEXT.json}</a></li>
<li><a href="${reportCsvPath(pagePath)}" type="text/csv">${TEXT.csv}</a></li>
<li><a href="${reportDocxPath(pagePath)}" type="${DOCX_TYPE}">${TEXT.docx}</a></li>
<li><a href="${reportXlsxPath(pagePath)}" type="${XLSX_TYPE}">${TEXT.xlsx}</a></li>
${stampedCopyFile ? html`<li><a href="${stampedCopyPath(pagePath, stampedCopyFile)}" type="${objectHeaders(stampedCopyFile).contentType}">${TEXT.stampedCopy}</a></li>` : ''}
</ul>
</aside>`;
}

function history(region: string, year: number, agencyId: string, revisions: readonly RevisionInfo[]): SafeHtml {
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  const latest = latestRevision(sorted).revision;
  return html`<aside class="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">${TEXT.corrections}</h2>
<ol>${sorted.map(
    (r) => html`
<li><a href="${revisionPath(region, year, agencyId, r.revision)}">${TEXT.revision(r.revision)}</a>
${time(r.publishedAt)} ${r.revision === 1 ? TEXT.firstPublication : TEXT.correction}${
      r.revision === latest ? TEXT.current : ''
    }${r.note ? html`<p class="note">${r.note}</p>` : ''}</li>`,
  )}
</ol>
</aside>`;
}

function crumbs(region: RegionInfo, year: number, report: Report, agencyId: string, extra?: string) {
  return [
    { label: TEXT.regionYear(regionName(region), year), href: regionYearPath(region.code, year) },
    extra
      ? { label: report.agencyName, href: reportPath(region.code, year, agencyId) }
      : { label: report.agencyName },
    ...(extra ? [{ label: extra }] : []),
  ];
}

/** `/{region}/{year}/{agencyId}/`: the latest revision, with the 更正 history when amended. */
export function renderReportPage(input: ReportPageInput): string {
  const { region, publication } = input;
  const report = latestRevision(publication.revisions).report;
  return page({ title: reportTitle(report), crumbs: crumbs(region, publication.year, report, publication.agencyId), body: reportArticle(input) });
}

/** The report page's `<article>` alone: the page's body, and what the reviewer's filing view shows. */
export function reportArticle({ region, publication }: ReportPageInput): SafeHtml {
  const { agencyId, year, revisions } = publication;
  const latest = latestRevision(revisions);
  const first = firstRevision(revisions);
  const report = latest.report;
  const amended = revisions.length > 1;
  const path = reportPath(region.code, year, agencyId);
  const body = html`<article class="report">
<h1>${reportTitle(report)}</h1>
<dl class="report-meta">
<dt>${TEXT.agency}</dt><dd><a href="${agencyPath(agencyId)}">${report.agencyName}</a></dd>
<dt>${TEXT.agencyId}</dt><dd>${agencyId}</dd>
<dt>${TEXT.year}</dt><dd>${year}</dd>
<dt>${TEXT.format}</dt><dd>${TEMPLATES[report.template].name}</dd>
<dt>${amended ? TEXT.firstPublishedAt : TEXT.publishedAt}</dt><dd>${time(first.publishedAt)}</dd>
${amended ? html`<dt>${TEXT.amendedAt}</dt><dd>${time(latest.publishedAt)}</dd>` : ''}
</dl>
${sections(report)}
${amended ? history(region.code, year, agencyId, revisions) : ''}
${downloads(path, publication.stampedCopyFile)}
</article>`;
  return body;
}

/** `/{region}/{year}/{agencyId}/r/{n}/`: one revision as published; depends on nothing later, so it never changes. */
export function renderRevisionPage({ region, agencyId, year, revision }: RevisionPageInput): string {
  const report = revision.report;
  const path = revisionPath(region.code, year, agencyId, revision.revision);
  const body = html`<article class="report revision">
<p class="archive-notice">${TEXT.archiveNotice(revision.revision)}
<a href="${reportPath(region.code, year, agencyId)}">${TEXT.latestVersion}</a></p>
<h1>${reportTitle(report)}</h1>
<dl class="report-meta">
<dt>${TEXT.agency}</dt><dd><a href="${agencyPath(agencyId)}">${report.agencyName}</a></dd>
<dt>${TEXT.agencyId}</dt><dd>${agencyId}</dd>
<dt>${TEXT.year}</dt><dd>${year}</dd>
<dt>${TEXT.format}</dt><dd>${TEMPLATES[report.template].name}</dd>
<dt>${TEXT.revision(revision.revision)}</dt><dd>${time(revision.publishedAt)} ${
    revision.revision === 1 ? TEXT.firstPublication : TEXT.correction
  }</dd>
</dl>
${revision.note ? html`<p class="note">${revision.note}</p>` : ''}
${sections(report)}
${downloads(path)}
</article>`;
  return page({
    title: `${reportTitle(report)}（${TEXT.revision(revision.revision)}）`,
    crumbs: crumbs(region, year, report, agencyId, TEXT.revision(revision.revision)),
    body,
    robots: 'noindex',
  });
}

/** `report.json`: the report in the public JSON form, as is. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 1)}\n`;
}

/**
 * A submitted (not necessarily published) revision as its public page would show it, for the
 * reviewer's filing view: the article alone (the review page loads the site's stylesheet).
 */
export function reviewerArticle(
  region: string,
  agencyId: string,
  year: number,
  latest: { revision: number; submittedAt: string; report: Report },
): string {
  const revisions = [{ revision: latest.revision, publishedAt: latest.submittedAt, report: latest.report }];
  return String(reportArticle({ region: { code: region }, publication: { agencyId, region, year, revisions } }));
}

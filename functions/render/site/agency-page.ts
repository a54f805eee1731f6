/** `/agencies/{agencyId}/`: the agency's published reports, year by year. */
import { html } from './html.js';
import { formatDate, isoDate } from './format.js';
import { reportPath, revisionPath } from './paths.js';
import { KEY_FIGURES, keyFigure } from '../../domain/key-figures.js';
import type { Report } from '../../domain/report.js';
import { figureHistory } from './figure-history.js';
import { page } from './site-layout.js';
import { firstRevision, latestRevision, type AgencyInfo, type RevisionInfo } from '../../domain/publication.js';
import { TEXT } from './site-text.js';

/** A publication's facts without its reports: all an index page needs. */
export interface PublicationSummary {
  readonly agencyId: string;
  readonly region: string;
  readonly year: number;
  /** with each revision's report when known: the history's figures come from the latest */
  readonly revisions: readonly (RevisionInfo & { readonly report?: Report })[];
}

export interface AgencyPageInput {
  readonly agency: AgencyInfo;
  /** the agency's publications, any years and regions */
  readonly publications: readonly PublicationSummary[];
}

/** 历年主要数据 from each year's latest revision. */
function history(agency: AgencyInfo, years: readonly PublicationSummary[]) {
  const rows = years.flatMap((p) => {
    const report = latestRevision(p.revisions).report;
    return report ? [{ year: p.year, href: reportPath(p.region, p.year, agency.id), values: KEY_FIGURES.map((f) => keyFigure(report, f)) }] : [];
  });
  return figureHistory(TEXT.agencyHistoryCaption, rows);
}

const time = (iso: string) => html`<time datetime="${isoDate(iso)}">${formatDate(iso)}</time>`;

export function renderAgencyPage({ agency, publications }: AgencyPageInput): string {
  const years = [...publications].sort((a, b) => b.year - a.year);
  const body = html`<article class="agency">
<h1>${agency.name}</h1>
<dl class="report-meta"><dt>${TEXT.agencyId}</dt><dd>${agency.id}</dd></dl>
${history(agency, years)}
<h2>${TEXT.agencyYears}</h2>
${
  years.length === 0
    ? html`<p>${TEXT.notPublished}</p>`
    : html`<ul class="year-list">${years.map((p) => {
        const first = firstRevision(p.revisions);
        const latest = latestRevision(p.revisions);
        const amendments = [...p.revisions].filter((r) => r.revision > first.revision).sort((a, b) => a.revision - b.revision);
        return html`<li><a href="${reportPath(p.region, p.year, agency.id)}">${p.year}${TEXT.reportTitleSuffix}</a>
${TEXT.publishedAt} ${time(first.publishedAt)}${
          latest.revision > first.revision ? html`，${TEXT.amendedAt} ${time(latest.publishedAt)}` : ''
        }${
          amendments.length
            ? html`<ul class="amendments">${amendments.map(
                (r) => html`<li><a href="${revisionPath(p.region, p.year, agency.id, r.revision)}">${TEXT.revision(r.revision)}（${TEXT.correction}）</a> ${time(r.publishedAt)}</li>`,
              )}</ul>`
            : ''
        }</li>`;
      })}</ul>`
}
</article>`;
  return page({ title: agency.name, crumbs: [{ label: agency.name }], body });
}

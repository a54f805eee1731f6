/** `/agencies/{agencyId}/`: the agency's published reports, year by year. */
import { html } from './html.js';
import { formatDate, isoDate } from './format.js';
import { reportPath } from './paths.js';
import { page } from './site-layout.js';
import { firstRevision, latestRevision, type AgencyInfo, type RevisionInfo } from '../../domain/publication.js';
import { TEXT } from './site-text.js';

/** A publication's facts without its reports: all an index page needs. */
export interface PublicationSummary {
  readonly agencyId: string;
  readonly region: string;
  readonly year: number;
  readonly revisions: readonly RevisionInfo[];
}

export interface AgencyPageInput {
  readonly agency: AgencyInfo;
  /** the agency's publications, any years and regions */
  readonly publications: readonly PublicationSummary[];
}

const time = (iso: string) => html`<time datetime="${isoDate(iso)}">${formatDate(iso)}</time>`;

export function renderAgencyPage({ agency, publications }: AgencyPageInput): string {
  const years = [...publications].sort((a, b) => b.year - a.year);
  const body = html`<article class="agency">
<h1>${agency.name}</h1>
<dl class="report-meta"><dt>${TEXT.agencyId}</dt><dd>${agency.id}</dd></dl>
<h2>${TEXT.agencyYears}</h2>
${
  years.length === 0
    ? html`<p>${TEXT.notPublished}</p>`
    : html`<ul class="year-list">${years.map((p) => {
        const first = firstRevision(p.revisions);
        const latest = latestRevision(p.revisions);
        return html`<li><a href="${reportPath(p.region, p.year, agency.id)}">${p.year}${TEXT.reportTitleSuffix}</a>
${TEXT.publishedAt} ${time(first.publishedAt)}${
          latest.revision > first.revision ? html`，${TEXT.amendedAt} ${time(latest.publishedAt)}` : ''
        }</li>`;
      })}</ul>`
}
</article>`;
  return page({ title: agency.name, crumbs: [{ label: agency.name }], body });
}

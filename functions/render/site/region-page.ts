/**
 * `/{region}/`: the region's years. For each year its published count, how many agencies
 * published by the deadline, links to the year's index and roll-up (汇总), and the key figures
 * summed over its reports with a chart per figure. Rendered from the region-years' home-page
 * lines (their `onTime` and `figures`), so a publish reads no other year's reports for it.
 */
import { html } from './html.js';
import { feedPath, regionYearPath, totalsPath } from './paths.js';
import { page } from './site-layout.js';
import { figureHistory } from './figure-history.js';
import { KEY_FIGURES, keyFigureTotals, type KeyFigureTotals } from '../../domain/key-figures.js';
import type { ReminderPolicy } from '../../domain/reminders/deadline-policy.js';
import { latestRevision, publishedOnTime, regionName, type RegionInfo, type RegionYearInput } from '../../domain/publication.js';
import { TEXT } from './site-text.js';

/** What the region page shows of one region-year, beyond its home-page counts. */
export interface RegionYearFigures {
  /** reports first published by their deadline */
  readonly onTime: number;
  /** the key figures over the region-year's reports (latest revisions) */
  readonly figures: KeyFigureTotals;
}

/** `policy`: the deadlines the on-time count uses (the legal defaults unless a region has its own). */
export function regionYearFigures(input: RegionYearInput, policy?: ReminderPolicy): RegionYearFigures {
  return { onTime: publishedOnTime(input, policy), figures: keyFigureTotals(input.publications.map((p) => latestRevision(p.revisions).report)) };
}

export interface RegionYearLine extends Partial<RegionYearFigures> {
  readonly year: number;
  readonly published: number;
  readonly agencies: number;
}

export function renderRegionPage(region: RegionInfo, lines: readonly RegionYearLine[]): string {
  const years = [...lines].filter((l) => l.published > 0).sort((a, b) => b.year - a.year);
  const name = regionName(region);
  const rows = years.flatMap((l) =>
    l.figures ? [{ year: l.year, href: totalsPath(region.code, l.year), values: KEY_FIGURES.map((f) => l.figures![f.id] ?? null) }] : [],
  );
  const body = html`<article class="region">
<h1>${name}${TEXT.regionPageTitle}</h1>
<h2>${TEXT.regionYears}</h2>
<table>
<caption>${TEXT.onTimeNote}</caption>
<thead><tr><th scope="col">${TEXT.year}</th><th scope="col">${TEXT.published}</th><th scope="col">${TEXT.onTime}</th><th scope="col">${TEXT.totals}</th></tr></thead>
<tbody>${years.map(
    (l) => html`<tr><th scope="row"><a href="${regionYearPath(region.code, l.year)}">${l.year}</a></th><td>${TEXT.publishedCount(l.published, l.agencies)}</td><td class="num">${
      l.onTime === undefined ? '—' : `${l.onTime} / ${l.published}`
    }</td><td><a href="${totalsPath(region.code, l.year)}">${TEXT.totals}</a></td></tr>`,
  )}</tbody>
</table>
${figureHistory(TEXT.regionHistoryCaption, rows)}
<p><a href="${feedPath(region.code)}">${TEXT.regionFeed}</a></p>
</article>`;
  return page({ title: `${name}${TEXT.regionPageTitle}`, crumbs: [{ label: name }], body });
}

/**
 * The region's 汇总 for a year: tables 二, 三 and 四 summed over the published reports.
 *
 * Only reports of the year's template (`templateForYear`) are summed. The 2019 and 2021 formats
 * differ in 二 (other rows and columns) and in 三 (one 其他处理 row against three), so a
 * cross-format sum would have to invent a mapping the notice never defined; a report in the
 * other format is named on the page as not included, and still counted in M.
 */
import { resultRows, tableByPath, TEMPLATES, type TemplateId } from '../../domain/report-template.js';
import { tableData, templateForYear, type Report } from '../../domain/report.js';
import { sumReports } from '../../domain/report-totals.js';
import { html, type SafeHtml } from './html.js';
import { outcomeChart, type OutcomeBar } from './outcome-chart.js';
import { reportCsv } from './report-csv.js';
import { renderSectionTables } from './report-tables.js';
import { regionYearPath, reportPath, totalsCsvPath } from './paths.js';
import { page } from './site-layout.js';
import { latestRevision, regionName, roster, type RegionYearInput, type RosterEntry } from '../../domain/publication.js';
import { TEXT } from './site-text.js';


export interface RegionTotals {
  readonly template: TemplateId;
  readonly sum: Report;
  /** agencies whose reports are summed (N) */
  readonly included: readonly RosterEntry[];
  /** published in the other format, not summed */
  readonly excluded: readonly RosterEntry[];
  /** not published yet */
  readonly missing: readonly RosterEntry[];
  /** every agency of the region-year (M) */
  readonly agencies: number;
}

export function regionTotals(input: RegionYearInput): RegionTotals {
  const template = templateForYear(input.year);
  const entries = roster(input);
  const published = entries.filter((e) => e.publication);
  const ofTemplate = (e: RosterEntry) => latestRevision(e.publication!.revisions).report.template === template;
  const included = published.filter(ofTemplate);
  const sum = sumReports(
    included.map((e) => latestRevision(e.publication!.revisions).report),
    { template, agencyName: regionName(input.region), year: input.year },
  );
  return {
    template,
    sum,
    included,
    excluded: published.filter((e) => !ofTemplate(e)),
    missing: entries.filter((e) => !e.publication),
    agencies: entries.length,
  };
}

// A result row's group is its 三级 heading (e.g. （三）不予公开), or the row itself for
// （一）予以公开 and （二）部分公开; the chart names a group by its numbered head only,
// dropping the template's parenthetical instructions.
const HEAD = /^（[一二三四五六七八九十]+）[^（]*/;

/** Application outcomes: the result groups of 三, summed over the 总计 column. */
export function outcomeBars(report: Report): OutcomeBar[] {
  const table = tableByPath(report.template, 'applications');
  const totalColumn = table.columns.find((c) => c.computed);
  if (!totalColumn) throw new Error('table 三 has no 总计 column');
  const data = tableData(report, table);
  const bars: OutcomeBar[] = [];
  for (const row of resultRows(table)) {
    const group = row.groups[1] ?? row.label;
    const value = data[row.id]?.[totalColumn.id];
    const n = typeof value === 'number' ? value : 0;
    const last = bars[bars.length - 1];
    if (last && last.key === group) last.value += n;
    else bars.push({ key: group, label: HEAD.exec(group)?.[0] ?? group, value: n });
  }
  return bars;
}

function agencyList(entries: readonly RosterEntry[], year: number, region: string): SafeHtml {
  return html`<ul class="agency-list">${entries.map((e) =>
    e.publication
      ? html`<li><a href="${reportPath(region, year, e.agencyId)}">${e.name}</a></li>`
      : html`<li>${e.name}</li>`,
  )}</ul>`;
}

/** `/{region}/{year}/totals/` */
export function renderTotalsPage(input: RegionYearInput, totals: RegionTotals = regionTotals(input)): string {
  const { region, year } = input;
  const name = regionName(region);
  const title = TEXT.totalsTitle(name, year);
  const source = (t: Parameters<typeof tableData>[1]) => tableData(totals.sum, t);
  const template = TEMPLATES[totals.template];
  const bars = outcomeBars(totals.sum);
  const otherName = totals.excluded[0] ? TEMPLATES[latestRevision(totals.excluded[0].publication!.revisions).report.template].name : '';
  const body = html`<article class="totals">
<h1>${title}</h1>
<p class="coverage">${TEXT.coverage(totals.included.length, totals.agencies)}</p>
${totals.excluded.length > 0 ? html`<p class="coverage">${TEXT.otherTemplate(totals.excluded.length, otherName)}</p>` : ''}
<figure class="chart">
${outcomeChart(bars, TEXT.outcomesChart)}
<figcaption>${TEXT.outcomesChart}${bars.every((b) => b.value === 0) ? html`：${TEXT.noOutcomes}` : ''}</figcaption>
</figure>
${(['proactive', 'applications', 'appeals'] as const).map(
    (id) => html`<section class="report-section" id="${id}">
<h2>${template.sectionTitles[id]}</h2>
${renderSectionTables(totals.template, id, source)}
</section>
`,
  )}
<section class="coverage-lists">
<h2>${TEXT.includedAgencies}</h2>
${agencyList(totals.included, year, region.code)}
${totals.excluded.length > 0 ? agencyList(totals.excluded, year, region.code) : ''}
<h2>${TEXT.missingAgencies}</h2>
${agencyList(totals.missing, year, region.code)}
</section>
<section class="downloads">
<h2>${TEXT.downloads}</h2>
<ul><li><a href="${totalsCsvPath(region.code, year)}" type="text/csv">${TEXT.totalsCsv}</a></li></ul>
</section>
</article>`;
  return page({
    title,
    crumbs: [{ label: TEXT.regionYear(name, year), href: regionYearPath(region.code, year) }, { label: TEXT.totals }],
    body,
  });
}

/** `totals.csv`: the sums in report.csv's format. */
export function totalsCsv(totals: RegionTotals): string {
  return reportCsv(totals.sum);
}

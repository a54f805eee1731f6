/**
 * 历年主要数据: a table of the key figures (domain/key-figures.ts) a row per year, and a small
 * inline SVG chart per figure over those years. Used by an agency's page (its reports) and a
 * region's page (its region-years' totals).
 */
import { html, type SafeHtml } from './html.js';
import { formatNumber } from './format.js';
import { KEY_FIGURES } from '../../domain/key-figures.js';
import { trendChart } from './trend-chart.js';
import { TEXT } from './site-text.js';

export interface HistoryRow {
  readonly year: number;
  /** where the year's row links to */
  readonly href: string;
  /** in KEY_FIGURES order; null when not stated */
  readonly values: readonly (number | null)[];
}

const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10)}%`;
export const showFigure = (v: number | null, share = false): string => (v === null ? '—' : share ? percent(v) : formatNumber(v));

export function figureHistory(caption: string, rows: readonly HistoryRow[]): SafeHtml | '' {
  if (rows.length === 0) return '';
  return html`<h2>${TEXT.agencyHistory}</h2>
<table class="history">
<caption>${caption}</caption>
<thead><tr><th scope="col">${TEXT.year}</th>${KEY_FIGURES.map((f) => html`<th scope="col">${f.label}</th>`)}</tr></thead>
<tbody>${rows.map(
    (r) => html`<tr><th scope="row"><a href="${r.href}">${r.year}</a></th>${r.values.map(
      (v, i) => html`<td class="num">${showFigure(v, KEY_FIGURES[i]!.share)}</td>`,
    )}</tr>`,
  )}</tbody>
</table>
${
  rows.length > 1
    ? html`<ul class="trend-list">${KEY_FIGURES.map((f, i) => {
        const points = rows.map((r) => ({ year: r.year, value: r.values[i] ?? null }));
        // the figure and its values only: filer text stays out of attributes
        const title = `${f.label}：${points
          .slice()
          .sort((a, b) => a.year - b.year)
          .map((pt) => `${pt.year}年${showFigure(pt.value, f.share)}`)
          .join('，')}`;
        return html`<li><figure class="chart trend"><figcaption>${f.label}</figcaption>${trendChart(points, title)}</figure></li>`;
      })}</ul>`
    : ''
}`;
}

/**
 * A horizontal bar chart as inline SVG. Colours are presentation attributes and classes, not
 * style attributes, so the CSP's style-src needs no 'unsafe-inline'.
 */
import { html, type SafeHtml } from './html.js';
import { formatNumber } from './format.js';

export interface OutcomeBar {
  readonly key: string;
  readonly label: string;
  value: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 140;
const VALUE_WIDTH = 70;
const BAR_HEIGHT = 22;
const GAP = 10;
const COLOURS = ['#2f6f4e', '#6b9e3f', '#b5452b', '#c98a1c', '#6d5a8c', '#4b6f93'];

export function outcomeChart(bars: readonly OutcomeBar[], title: string): SafeHtml {
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  return html`<svg class="outcome-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${title}">
<title>${title}</title>
${bars.map((b, i) => {
    const y = GAP + i * (BAR_HEIGHT + GAP);
    const w = Math.round((Math.max(0, b.value) / max) * span);
    const mid = y + BAR_HEIGHT / 2;
    return html`<g class="bar">
<text class="bar-label" x="${LABEL_WIDTH - 8}" y="${mid}" text-anchor="end" dominant-baseline="middle">${b.label}</text>
<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="${COLOURS[i % COLOURS.length]}"></rect>
<text class="bar-value" x="${LABEL_WIDTH + w + 6}" y="${mid}" dominant-baseline="middle">${formatNumber(b.value)}</text>
</g>
`;
  })}</svg>`;
}

/**
 * A small line chart of one figure over the years, as inline SVG (no JavaScript, no style
 * attributes: the CSP needs no 'unsafe-inline'). The numbers are in the table beside it; the
 * chart only shows the shape, and says what it shows in its title for screen readers.
 */
import { html, type SafeHtml } from './html.js';

export interface TrendPoint {
  readonly year: number;
  readonly value: number | null;
}

const WIDTH = 200;
const HEIGHT = 60;
const PAD = 6;

export function trendChart(points: readonly TrendPoint[], title: string): SafeHtml {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const known = sorted.filter((p): p is { year: number; value: number } => p.value !== null);
  const max = Math.max(0, ...known.map((p) => p.value));
  const min = Math.min(0, ...known.map((p) => p.value));
  const first = sorted[0]?.year ?? 0;
  const span = Math.max(1, (sorted.at(-1)?.year ?? 0) - first);
  const x = (year: number) => Math.round(PAD + ((year - first) / span) * (WIDTH - 2 * PAD));
  const y = (v: number) => Math.round(HEIGHT - PAD - ((v - min) / Math.max(1e-9, max - min)) * (HEIGHT - 2 * PAD));
  const coords = known.map((p) => `${x(p.year)},${y(p.value)}`).join(' ');
  return html`<svg class="trend-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${title}">
<title>${title}</title>
<line x1="${PAD}" y1="${HEIGHT - PAD}" x2="${WIDTH - PAD}" y2="${HEIGHT - PAD}" stroke="#999" stroke-width="1"></line>
${known.length > 1 ? html`<polyline points="${coords}" fill="none" stroke="#2f6f4e" stroke-width="2"></polyline>` : ''}
${known.map((p) => html`<circle cx="${x(p.year)}" cy="${y(p.value)}" r="3" fill="#2f6f4e"></circle>`)}
</svg>`;
}

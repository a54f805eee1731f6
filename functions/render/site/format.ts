/** How numbers and dates are written on the public pages and in the CSV files. */
import type { Cell } from '../../domain/report.js';
import { plainDecimal } from '../../domain/report-totals.js';

/** A number as the filer wrote it: no grouping, no exponent, no float noise beyond the value. */
export const formatNumber = plainDecimal;

/** A cell's text: numbers formatted, text as is, blank as empty. */
export function formatCell(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? formatNumber(cell) : cell;
}

// China has kept UTC+8 without daylight saving since 1991.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function shanghaiParts(iso: string): [number, number, number] {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`not a date: ${JSON.stringify(iso)}`);
  const d = new Date(t + SHANGHAI_OFFSET_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** 2024年1月31日 (Beijing time). */
export function formatDate(iso: string): string {
  const [y, m, d] = shanghaiParts(iso);
  return `${y}年${m}月${d}日`;
}

/** 2024-01-31 (Beijing time), for `<time datetime>`, sitemaps and CSV. */
export function isoDate(iso: string): string {
  const [y, m, d] = shanghaiParts(iso);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

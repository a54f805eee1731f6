/**
 * Sums of reports: a region's 汇总 (the public totals page, the reviewer's roll-up) adds every
 * numeric cell of tables 二, 三 and 四 over reports of one template, exactly.
 */
import type { TemplateId } from './report-template.js';
import { cellRefs, cellValue, emptyReport, setCell, type Report } from './report.js';

/** A number in plain decimal notation (never `1e-7`), as the importer and the pages print it. */
export function plainDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** A number as an exact count of millionths (real reports print amounts to 6 decimals). */
function toMicros(n: number): bigint {
  const text = plainDecimal(Math.abs(n));
  const [intPart = '0', fracPart = ''] = text.split('.');
  const padded = (fracPart + '0'.repeat(SCALE_DIGITS + 1)).slice(0, SCALE_DIGITS + 1);
  let micros = BigInt(intPart) * SCALE + BigInt(padded.slice(0, SCALE_DIGITS));
  if (Number(padded[SCALE_DIGITS]) >= 5) micros += 1n;
  return n < 0 ? -micros : micros;
}

function fromMicros(micros: bigint): number {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const frac = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0');
  const value = Number(`${abs / SCALE}.${frac}`);
  return negative ? -value : value;
}

/**
 * Sums every numeric cell over reports of one template, exactly to 6 decimals. Text cells are
 * skipped; a cell blank in every report stays blank. Texts are left empty.
 */
export function sumReports(
  reports: readonly Report[],
  header: { template: TemplateId; agencyName: string; year: number },
): Report {
  const total = emptyReport(header.template, { agencyName: header.agencyName, year: header.year });
  for (const r of reports) {
    if (r.template !== header.template) throw new Error(`cannot sum a ${r.template} report into ${header.template}`);
  }
  for (const ref of cellRefs(header.template)) {
    // Counts are whole numbers: summed as plain numbers, exact while the sum stays a safe
    // integer. Only fractions (amounts in 万元) and huge sums go through exact millionths.
    let whole = 0;
    let micros: bigint | null = null;
    let any = false;
    for (const r of reports) {
      const v = cellValue(r, ref.table, ref.row, ref.column);
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      any = true;
      if (Number.isSafeInteger(v) && Number.isSafeInteger(whole + v)) whole += v;
      else micros = (micros ?? 0n) + toMicros(v);
    }
    const sum = !any ? null : micros === null ? whole : fromMicros(micros + BigInt(whole) * SCALE);
    setCell(total, ref.table, ref.row, ref.column, sum);
  }
  return total;
}

import type { Cell } from '../report.js';

const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export function isBlankCell(text: string): boolean {
  return text.trim() === '';
}

/**
 * A cell as printed → the model's Cell: a number (full-width digits, 1,234 and decimals
 * allowed; negatives stay negative for the rules to flag), `null` for blank, else the text
 * itself so `number.format` can name it.
 */
export function parseCellValue(text: string): Cell {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const ascii = trimmed.normalize('NFKC').replace(/[−–]/g, '-').replace(/\s+/g, '');
  const digits = NUMBER.test(ascii) ? ascii : GROUPED.test(ascii) ? ascii.replace(/,/g, '') : undefined;
  const value = digits === undefined ? NaN : Number(digits);
  // Digits too many for a number stay text, for number.format to report.
  return Number.isFinite(value) ? value : trimmed;
}

export function isNumericCell(text: string): boolean {
  return typeof parseCellValue(text) === 'number';
}

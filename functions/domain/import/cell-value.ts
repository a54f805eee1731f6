import type { Cell } from '../report.js';
import { amountInWan, splitAmountUnit } from './amount.js';

const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** What agencies print in a cell left blank: dashes and slashes, never a 0. */
const PLACEHOLDER = /^[-—―~/\\]+$/;
/**
 * "无" (none) where a count or amount belongs is a zero the agency spelled out, unlike a dash
 * or a slash (not filled in, blank): "本年新收申请 无" reports no application.
 */
const NONE = /^无$/;
/** A count printed with its measure word: "5件", "0件", "3个", "12条", "2次", "1项". */
const COUNT_UNIT = /^([-+]?\d+)(?:件|个|条|次|项|宗|起|人次|人)$/;

export function isBlankCell(text: string): boolean {
  return text.trim() === '';
}

/**
 * A cell as printed → the model's Cell: a number (full-width digits, 1,234 and decimals
 * allowed; negatives stay negative for the rules to flag), `null` for blank or a dash/slash
 * placeholder, 0 for "无", a count with its measure word (5件) as the count, an amount with
 * its unit (元, 万元, 亿元) converted exactly to 万元, else the text itself so `number.format`
 * can name it.
 */
export function parseCellValue(text: string): Cell {
  const trimmed = text.trim();
  if (!trimmed) return null;
  // Two shortcuts for what nearly every cell is, a plain count or a label, with the same
  // results as parsePrintedCell (a property test holds them to it): the NFKC normalisation
  // there was a third of importing a report.
  if (PLAIN_COUNT.test(trimmed)) return Number(trimmed);
  if (hasWordIdeograph(trimmed)) return trimmed;
  return parsePrintedCell(trimmed);
}

const PLAIN_COUNT = /^\d{1,15}$/;
/** The ideographs a value may be printed with: 无, measure words, 人民币, units. */
const VALUE_IDEOGRAPHS = new Set('无件个条次项宗起人民币元万亿');

/** A CJK ideograph no value is printed with: the text is a label or a sentence (NFKC keeps them). */
function hasWordIdeograph(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff && !VALUE_IDEOGRAPHS.has(text[i]!)) return true;
  }
  return false;
}

/** parseCellValue without its shortcuts, for a trimmed, non-empty text. */
export function parsePrintedCell(trimmed: string): Cell {
  const ascii = trimmed.normalize('NFKC').replace(/[−–]/g, '-').replace(/\s+/g, '');
  if (PLACEHOLDER.test(ascii)) return null;
  if (NONE.test(ascii)) return 0;
  const count = COUNT_UNIT.exec(ascii);
  if (count) return Number(count[1]);
  const { digits: printed, unit } = splitAmountUnit(ascii);
  const digits = NUMBER.test(printed) ? printed : GROUPED.test(printed) ? printed.replace(/,/g, '') : undefined;
  if (digits === undefined) return trimmed;
  const value = Number(unit ? amountInWan(digits, unit) : digits);
  // Digits too many for a number stay text, for number.format to report.
  return Number.isFinite(value) ? value : trimmed;
}

export function isNumericCell(text: string): boolean {
  return typeof parseCellValue(text) === 'number';
}

/** A cell that holds a value or says there is none: a number, blank, or a dash/slash placeholder. */
export function isValueCell(text: string): boolean {
  return typeof parseCellValue(text) !== 'string';
}

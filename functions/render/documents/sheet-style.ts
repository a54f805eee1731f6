/**
 * What the report workbook and the region workbook share: the type and borders of table cells,
 * typed values, A4 page setup and Excel's limits on sheet names.
 */
import ExcelJS from 'exceljs';
import type { Cell } from '../../domain/report.js';
import { FONTS } from './document-text.js';

export type CellRole = 'title' | 'caption' | 'head' | 'label' | 'number' | 'text';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const ALIGN: Readonly<Record<CellRole, Partial<ExcelJS.Alignment>>> = {
  title: { horizontal: 'center', vertical: 'middle' },
  caption: { horizontal: 'left', vertical: 'middle' },
  head: { horizontal: 'center', vertical: 'middle', wrapText: true },
  label: { horizontal: 'left', vertical: 'middle', wrapText: true },
  number: { horizontal: 'right', vertical: 'middle' },
  text: { horizontal: 'left', vertical: 'middle', wrapText: true },
};

export function styleCell(cell: ExcelJS.Cell, role: CellRole): void {
  const heading = role === 'title' || role === 'caption';
  cell.font = {
    name: heading ? FONTS.heading.eastAsia : FONTS.table.eastAsia,
    size: role === 'title' ? 14 : heading ? 11 : 10.5,
    bold: heading,
  };
  cell.alignment = ALIGN[role];
  if (!heading) cell.border = BORDER;
}

/** Numbers right-aligned; text found where a number belongs left-aligned. */
export function roleOf(value: Cell): CellRole {
  return typeof value === 'string' ? 'text' : 'number';
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

export function newWorkbook(title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  workbook.creator = 'nianbao';
  return workbook;
}

/** A4 portrait, fitted to the page width, for printing from Excel or WPS. */
export const A4_PAGE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
};

/** Column width in Excel's units (about one Latin character): a Chinese character takes two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

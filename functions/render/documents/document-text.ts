/**
 * The documents' own words and type (the report's labels come from report-template.ts, never
 * from here). Fonts follow the usual layout of 公文 in China: 黑体 for headings, 仿宋 for body
 * text, 宋体 for tables.
 */
import type { Report } from '../../domain/report.js';
import { TEXT } from '../site/site-text.js';

export const DOC_TEXT = {
  /** the seal block at the end of the paper copy, left blank for the seal and the date */
  seal: '（单位盖章）',
  sealDate: '年  月  日',
  /** the region workbook's leading columns */
  agencyName: '单位名称',
  agencyId: '统一社会信用代码',
  rowLabel: '项目',
} as const;

/** ××2023年政府信息公开工作年度报告; the agency name can be given when the report's is to be overridden. */
export function documentTitle(report: Report, agencyName?: string): string {
  return `${agencyName ?? report.agencyName}${report.year}${TEXT.reportTitleSuffix}`;
}

/**
 * Word picks a font per script: `eastAsia` for the Chinese text, `ascii`/`hAnsi` for digits and
 * Latin letters. `altName` is the font Word and WPS substitute when the first is not installed
 * (仿宋_GB2312 ships with older Windows and most government PCs, 仿宋 with every Windows since
 * Vista); it is written to the document's font table.
 */
export interface DocFont {
  readonly eastAsia: string;
  readonly altName?: string;
  readonly latin: string;
}

export const FONTS = {
  heading: { eastAsia: '黑体', altName: 'SimHei', latin: 'Times New Roman' },
  body: { eastAsia: '仿宋_GB2312', altName: '仿宋', latin: 'Times New Roman' },
  table: { eastAsia: '宋体', altName: 'SimSun', latin: 'Times New Roman' },
} as const satisfies Record<string, DocFont>;

/**
 * The plain-text layout (as in reference/wangdian-2023-report.txt): one line per paragraph or
 * table row, cells separated by tabs, markdown heading marks used loosely.
 */
import type { SourceLine } from './source-line.js';

const HEADING_MARKS = /^\s*#{1,6}\s*/;
const PIPE_SEPARATOR = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/;
/**
 * Page numbers left between lines by a PDF's text layer: "- 3 -", "— 3 —", "第 3 页",
 * "第3页 共6页". A bare number is not one: it may be a table's value.
 */
const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d+\s*[-－—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)\s*$/;

export function textToLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (PIPE_SEPARATOR.test(raw) || PAGE_NUMBER.test(raw)) return;
    lines.push({ no: index + 1, cells: splitCells(raw) });
  });
  return lines;
}

function splitCells(raw: string): string[] {
  const line = raw.replace(HEADING_MARKS, '');
  const trimmed = line.trim();
  // Markdown pipe tables, as some editors export them.
  if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
    return trimmed.slice(1, -1).split('|').map(stripEmphasis);
  }
  return line.split('\t').map(stripEmphasis);
}

/** `**一、总体情况**` → `一、总体情况`. */
function stripEmphasis(cell: string): string {
  const match = /^\s*(\*\*|__)(.*)\1\s*$/.exec(cell);
  return match ? match[2]! : cell;
}

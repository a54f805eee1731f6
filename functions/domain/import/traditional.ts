/**
 * Pages in traditional characters. Many government sites offer a 繁體 version of every page,
 * made by converting the simplified original; a report saved from it reads 政府信息公開 or
 * 政府資訊公開 / 行政複議 / 總計. Such a document is converted back to simplified (OpenCC's tables
 * as opencc-js ships them, Taiwan phrases included) before anything is matched, which also gives back the agency's name
 * and texts as they were written. The tables (~50 KB gzip) load only for such a document.
 */
import type { SourceLine } from './source-line.js';

/**
 * Traditional forms of characters every report prints (公開, 資訊, 處理, 申請, 複議, 訴訟, 總計,
 * 情況, 報告, 主動, 問題, 進, 與, 項, 數量, 機關, 規範, 許可, 收費, 會): none is used in simplified text.
 */
const TRADITIONAL_ONLY = /[開資訊處請複議訴總體況報動問題進與項數機關規範許費會]/g;
/** A stray traditional character (a quoted name) does not make a traditional page. */
const MIN_TRADITIONAL = 8;

export function looksTraditional(lines: readonly SourceLine[]): boolean {
  let count = 0;
  for (const line of lines) {
    for (const cell of line.cells) {
      count += cell.match(TRADITIONAL_ONLY)?.length ?? 0;
      if (count >= MIN_TRADITIONAL) return true;
    }
  }
  return false;
}

export async function toSimplified(lines: readonly SourceLine[]): Promise<SourceLine[]> {
  const { Converter } = await import('opencc-js/t2cn');
  // With Taiwan's phrases: a page converted with them prints 資訊 for 信息 (政府資訊公開).
  const convert = Converter({ from: 'twp', to: 'cn' });
  // 資訊 wrapped in a narrow PDF cell ("資 / 訊") is not seen as the phrase: 资讯 is 信息 here.
  const simplified = (cell: string) => convert(cell).replace(/资(\s*)讯/g, '信$1息');
  return lines.map((line) => ({ ...line, cells: line.cells.map(simplified) }));
}

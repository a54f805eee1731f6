/**
 * The workbook reader (xlsx/read-xlsx.ts) on SpreadsheetML written here by hand, for what the
 * workbooks exceljs writes in office-documents.ts do not contain: inline strings, rich text
 * with phonetic guides, booleans, errors, dates, formulas without a saved result, hidden sheets,
 * rows without values, the document title.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../functions/domain/import/import-error.js';
import { xlsxToLines } from '../../functions/domain/import/xlsx/read-xlsx.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

function xlsx(sheets: { name: string; state?: string; xml: string }[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, string> = {
    '_rels/.rels': `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="s${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG}">${sheets
      .map((_, i) => `<Relationship Id="s${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="ss" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="st" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<sst xmlns="${MAIN}"><si><t>规章</t></si><si><r><t>行政</t></r><r><rPr><b/></rPr><t>许可</t></r><rPh sb="0" eb="2"><t>ぎょうせい</t></rPh></si></sst>`,
    'xl/styles.xml': `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>`,
    ...extra,
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = `<worksheet xmlns="${MAIN}"><sheetData>${s.xml}</sheetData></worksheet>`));
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe('xlsxToLines', () => {
  it('reads every kind of cell as exceljs gave it', async () => {
    const cells =
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>内联</t></is></c><c r="C2"><v>12.50</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>45292</v></c><c r="C3" s="2"><v>45293</v></c><c r="D3"><f>SUM(C2:C2)</f><v>0</v></c><c r="E3"><f>A1</f></c><c r="F3" t="str"><f>A2</f><v>规章</v></c></row>' +
      '<row r="4"><c r="A4" s="1"/></row>';
    const lines = await xlsxToLines(xlsx([{ name: 'Sheet1', xml: cells }]));
    // Column E (an error, a formula without a saved result) is blank in every row: dropped, as
    // columns only merges continue into are; row 4 has no value and is not a line.
    expect(lines).toEqual([
      { no: 2, cells: ['规章', '内联', '12.5', 'TRUE', ''] },
      { no: 3, cells: ['行政许可', '2024-01-01', '2024-01-02', '0', '规章'] },
    ]);
  });

  it('reads a merged cell once, skips hidden sheets and starts with the document title', async () => {
    const merged =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>信息内容</t></is></c><c r="B1" t="inlineStr"><is><t>本年制发件数</t></is></c><c r="C1"/></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>规章</t></is></c><c r="B2"><v>3</v></c><c r="C2"/></row>';
    const bytes = xlsx(
      [
        { name: '表二', xml: merged },
        { name: '隐藏', state: 'hidden', xml: '<row r="1"><c r="A1"><v>9</v></c><c r="B1"><v>9</v></c></row>' },
      ],
      { 'docProps/core.xml': '<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>某局2023年政府信息公开工作年度报告</dc:title></cp:coreProperties>' },
    );
    // the merge is declared after sheetData
    const withMerge = zipSync({
      ...unzipSync(bytes),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${MAIN}"><sheetData>${merged}</sheetData><mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="B2:C2"/></mergeCells></worksheet>`),
    });
    const lines = await xlsxToLines(withMerge);
    expect(lines[0]).toEqual({ no: 0, cells: ['某局2023年政府信息公开工作年度报告'] });
    // 表二 names its section: the heading the sheet lacks comes first
    expect(lines.slice(1).map((l) => l.cells)).toEqual([['二、主动公开政府信息情况'], ['信息内容', '本年制发件数'], ['规章', '3']]);
    expect(lines.flatMap((l) => l.cells)).not.toContain('9');
  });

  it('refuses a damaged workbook with a Chinese message', async () => {
    await expect(xlsxToLines(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]))).rejects.toThrow(ImportError);
    await expect(xlsxToLines(zipSync({ 'a.xml': strToU8('<a/>') }))).rejects.toThrow(/Excel 文件已损坏或无法读取/);
  });
});


/**
 * The Word document read back with independent readers: mammoth (to HTML, parsed with
 * htmlparser2) for the text, the headings and every figure under its official headings; the
 * raw word/document.xml (unzipped with fflate, parsed as XML) for what mammoth does not show:
 * A4 portrait, fonts, repeated header rows, rows kept whole, right-aligned numbers, the seal block.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SECTION_ORDER, TEMPLATES, type TemplateId } from '../../functions/domain/report-template.js';
import { setCell, cellRefs, type Report } from '../../functions/domain/report.js';
import { reportDocx, reportDocxByLibrary } from '../../functions/render/documents/report-docx.js';
import { cleanReport, consistentReportArbitrary } from '../support/consistent-report.js';
import { DOCUMENT_CASES, trial2019, wangdian, htmlTableMatrix, misplacedFigures, packageText } from './documents-reading.js';
import { elements, text, type Element } from './site-dom.js';


async function readBack(bytes: Uint8Array) {
  const { value: htmlText } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const dom = parseDocument(htmlText);
  const files = unzipSync(bytes);
  const xml = (name: string) => parseDocument(strFromU8(files[name]!), { xmlMode: true });
  const styles = xml('word/styles.xml');
  return { dom, html: htmlText, document: xml('word/document.xml'), fontTable: xml('word/fontTable.xml'), styles };
}

/**
 * A paragraph's property as Word resolves it: on the paragraph (or its runs), else on its style,
 * else on the style that style is based on. `pick` reads the property off one element.
 */
function effective(styles: Element | ReturnType<typeof parseDocument>, p: Element, pick: (e: Element) => string | undefined): string | undefined {
  const own = pick(p);
  if (own !== undefined) return own;
  let id = attrOfFirst(p, 'w:pStyle');
  while (id) {
    const style = DomUtils.findOne((n) => n.name === 'w:style' && DomUtils.getAttributeValue(n, 'w:styleId') === id, [styles as Element], true);
    if (!style) return undefined;
    const found = pick(style);
    if (found !== undefined) return found;
    id = attrOfFirst(style, 'w:basedOn');
  }
  return undefined;
}

function attrOfFirst(e: Element, name: string): string | undefined {
  const found = DomUtils.findOne((n) => n.name === name, [e], true);
  return found ? DomUtils.getAttributeValue(found, 'w:val') : undefined;
}

const eastAsiaOf = (e: Element) => {
  const fonts = DomUtils.findOne((n) => n.name === 'w:rFonts', [e], true);
  return fonts ? DomUtils.getAttributeValue(fonts, 'w:eastAsia') : undefined;
};
const alignmentOf = (e: Element) => attrOfFirst(e, 'w:jc');

function figuresMisplaced(report: Report, dom: ReturnType<typeof parseDocument>) {
  const tables = elements(dom, 'table');
  const defs = TEMPLATES[report.template].tables;
  expect(tables).toHaveLength(defs.length);
  return misplacedFigures(
    report,
    defs.map((t, i) => ({ tables: [t], matrix: htmlTableMatrix(tables[i]!) })),
    { withCaption: false, numbersAsText: true },
  );
}

const attrOf = (e: Element, name: string) => DomUtils.getAttributeValue(e, name);
const all = (root: Parameters<typeof elements>[0], name: string) => elements(root, name);
const parentName = (e: Element) => (e.parent as Element | null)?.name ?? '';
const child = (e: Element, name: string) => DomUtils.findOne((n) => n.name === name, [e], true);

describe.each(DOCUMENT_CASES)('reportDocx: %s', (_, report) => {
  it('shows every figure under its official headings, blanks blank', async () => {
    const { dom } = await readBack(await reportDocx(report));
    expect(figuresMisplaced(report, dom)).toEqual([]);
  });

  it('has the title, the six section headings in order, the texts and the seal block', async () => {
    const { dom } = await readBack(await reportDocx(report, '某某单位'));
    expect(all(dom, 'h1').map(text)).toEqual([`某某单位${report.year}年政府信息公开工作年度报告`]);
    expect(all(dom, 'h2').map(text)).toEqual(SECTION_ORDER.map((id) => TEMPLATES[report.template].sectionTitles[id]));
    const inCell = (p: Element) => ['td', 'th'].includes(parentName(p));
    const paragraphs = all(dom, 'p').filter((p) => !inCell(p)).map(text);
    for (const id of ['overview', 'problems', 'other'] as const) {
      for (const line of report.sections[id].split('\n').map((l) => l.trim()).filter(Boolean)) expect(paragraphs).toContain(line);
    }
    expect(paragraphs.slice(-2)).toEqual(['（单位盖章）', '年  月  日']);
  });
});

describe('reportDocx layout (word/document.xml)', () => {
  it('is A4 portrait with 宋体 tables, 黑体 headings and 仿宋 body, fallbacks in the font table', async () => {
    const { document, fontTable, styles } = await readBack(await reportDocx(wangdian));
    const size = all(document, 'w:pgSz')[0]!;
    expect([attrOf(size, 'w:w'), attrOf(size, 'w:h')]).toEqual(['11906', '16838']);
    expect(['portrait', undefined]).toContain(attrOf(size, 'w:orient'));
    const eastAsia = (root: Element) => new Set(all(root, 'w:p').filter((p) => text(p) !== '').map((p) => effective(styles, p, eastAsiaOf)));
    for (const table of all(document, 'w:tbl')) expect([...eastAsia(table)]).toEqual(['宋体']);
    const paragraphs = all(document, 'w:p').filter((p) => parentName(p) === 'w:body');
    const byStyle = (style: string) => paragraphs.filter((p) => all(p, 'w:pStyle').some((s) => attrOf(s, 'w:val') === style));
    expect(byStyle('Heading1')).toHaveLength(1);
    expect(byStyle('Heading2')).toHaveLength(6);
    for (const h of [...byStyle('Heading1'), ...byStyle('Heading2')]) expect([...eastAsia(h)]).toEqual(['黑体']);
    const overview = paragraphs.find((p) => text(p).startsWith('在县委、县政府的正确领导下'))!;
    expect([...eastAsia(overview)]).toEqual(['仿宋_GB2312']);
    const fonts = Object.fromEntries(all(fontTable, 'w:font').map((f) => {
      const alt = child(f, 'w:altName');
      return [attrOf(f, 'w:name'), alt ? attrOf(alt, 'w:val') : undefined];
    }));
    expect(fonts).toMatchObject({ 仿宋_GB2312: '仿宋', 黑体: 'SimHei', 宋体: 'SimSun' });
  });

  it('repeats exactly the header rows, keeps every row whole, right-aligns numbers, merges headers', async () => {
    const { document, styles } = await readBack(await reportDocx(wangdian));
    const tables = all(document, 'w:tbl');
    const headerRowCounts = tables.map((t) => all(t, 'w:tr').filter((tr) => all(tr, 'w:tblHeader').length > 0).length);
    // 二's four tables: one header row; 三: 申请人情况 / 法人或其他组织 / 商业企业…; 四: 行政诉讼 / 未经复议直接起诉 / 结果维持…
    expect(headerRowCounts).toEqual([1, 1, 1, 1, 3, 3]);
    for (const table of tables) {
      const rows = all(table, 'w:tr');
      // header rows come first
      const flags = rows.map((tr) => all(tr, 'w:tblHeader').length > 0);
      expect(flags.indexOf(false)).toBe(flags.lastIndexOf(true) + 1);
      for (const tr of rows) expect(all(tr, 'w:cantSplit')).toHaveLength(1);
    }
    const numberCells = all(document, 'w:tc').filter((tc) => /^\d+$/.test(text(tc)));
    expect(numberCells.length).toBeGreaterThan(150);
    for (const tc of numberCells) expect(effective(styles, all(tc, 'w:p')[0]!, alignmentOf)).toBe('right');
    const labels = all(document, 'w:tc').filter((tc) => text(tc).startsWith('1.属于国家秘密'));
    expect(labels.map((tc) => effective(styles, all(tc, 'w:p')[0]!, alignmentOf) ?? 'left')).toEqual(['left']);
    const applications = tables[4]!;
    expect(all(applications, 'w:gridSpan').map((g) => attrOf(g, 'w:val'))).toContain('7');
    expect(all(applications, 'w:vMerge').filter((v) => attrOf(v, 'w:val') === 'restart').length).toBeGreaterThan(3);
    const seal = all(document, 'w:p').filter((p) => ['（单位盖章）', '年  月  日'].includes(text(p)));
    expect(seal.map((p) => effective(styles, p, alignmentOf))).toEqual(['right', 'right']);
  });

  it('writes blank cells as empty cells, not 0', async () => {
    const report = cleanReport('2021');
    const ref = cellRefs('2021').find((r) => r.path === 'applications.disclosed.business')!;
    setCell(report, ref.table, ref.row, ref.column, null);
    const { dom } = await readBack(await reportDocx(report));
    expect(figuresMisplaced(report, dom)).toEqual([]);
  });
});

describe.each(['2021', '2019'] as TemplateId[])('reportDocx of random consistent reports (%s)', (template) => {
  it('places every figure', async () => {
    await fc.assert(
      fc.asyncProperty(consistentReportArbitrary(template), async (report) => {
        const { dom } = await readBack(await reportDocx(report));
        expect(figuresMisplaced(report, dom)).toEqual([]);
      }),
      { numRuns: 5 },
    );
  });
});

// reportDocx fills a template the library wrote once (docx-template.ts): every part must be what
// the library writes for the same report, byte for byte but for the instants in docProps/core.xml.
describe('reportDocx writes what the docx library writes', () => {
  it.each(DOCUMENT_CASES)('%s', async (_, report) => {
    expect(packageText(await reportDocx(report))).toEqual(packageText(await reportDocxByLibrary(report)));
  });

  it('with markup, quotes, control characters and blank lines in the name and the texts, and another name in the title', async () => {
    const report: Report = {
      ...wangdian,
      agencyName: 'A&B <"局"> \u0001\'单位\'',
      sections: { ...wangdian.sections, overview: '第一段 & "引号" <b>\n\n  第二段\t制表\r\n\u000b第三段  ', problems: '', other: '   ' },
    };
    expect(packageText(await reportDocx(report))).toEqual(packageText(await reportDocxByLibrary(report)));
    expect(packageText(await reportDocx(report, '登记的<名称>'))).toEqual(packageText(await reportDocxByLibrary(report, '登记的<名称>')));
  });

  it.each(['2021', '2019'] as TemplateId[])('for random consistent reports, text where a figure belongs and blanks (%s)', async (template) => {
    await fc.assert(
      fc.asyncProperty(consistentReportArbitrary(template), fc.nat(), async (report, n) => {
        const refs = cellRefs(template);
        const text = refs[n % refs.length]!;
        const blank = refs[(n * 7 + 3) % refs.length]!;
        setCell(report, text.table, text.row, text.column, '约 12 件');
        setCell(report, blank.table, blank.row, blank.column, null);
        expect(packageText(await reportDocx(report))).toEqual(packageText(await reportDocxByLibrary(report)));
      }),
      { numRuns: 8 },
    );
  });
});

/**
 * The PDF reader's layout on text items placed by hand (no Chromium: fast). PDFs printed by
 * Chromium are read in test/e2e/import-pdf.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../functions/domain/import/import-error.js';
import { layoutPages, type PdfPage, type PdfTextItem } from '../../functions/domain/import/pdf/page-lines.js';
import { pdfToText } from '../../functions/domain/import/pdf/read-pdf.js';
import type { Rule } from '../../functions/domain/import/pdf/ruling-lines.js';

const SIZE = 10;
/** A text item of CJK text (each character one font size wide) at x, baseline y. */
const at = (text: string, x: number, y: number): PdfTextItem => ({ text, x, y, width: text.length * SIZE, size: SIZE });
/** Numbers are half as wide. */
const num = (text: string, x: number, y: number): PdfTextItem => ({ text, x, y, width: text.length * SIZE * 0.5, size: SIZE });
const page = (items: PdfTextItem[], rules: Rule[] = []): PdfPage => ({ box: [0, 0, 600, 800], items, rules });
/** A row of values in the columns at x = 300, 340, 380. */
const values = (y: number, ...texts: string[]) => texts.flatMap((t, i) => (t ? [num(t, 300 + 40 * i, y)] : []));

describe('laying out PDF text items as lines and cells', () => {
  it('drops page numbers and headers repeated on every page, keeps a figure alone in a table', () => {
    const pages = [1, 2, 3].map((n) =>
      page([at('某某县人民政府办公室', 200, 780), at(`- ${n} -`, 290, 30), at(`正文第${n}页`, 60, 600), at('行政许可', 60, 380), num('447228', 300, 380)]),
    );

    const text = layoutPages(pages);

    expect(text).not.toContain('某某县人民政府办公室');
    expect(text).not.toMatch(/- \d -/);
    expect(text.split('\n')).toEqual(['正文第1页', '行政许可\t447228', '正文第2页', '行政许可\t447228', '正文第3页', '行政许可\t447228']);
  });

  it('separates cells at wide gaps with a tab and joins a label wrapped around its values', () => {
    const text = layoutPages([
      page([
        at('（二）部分公开（区分处理的，只计', 60, 506),
        ...values(500, '447', '7', '454'),
        at('这一情形，不计其他情形）', 60, 494),
      ]),
    ]);

    expect(text).toBe('（二）部分公开（区分处理的，只计 这一情形，不计其他情形）\t447\t7\t454');
  });

  it('keeps a label continued under top-aligned values in its row band, and a row left blank apart', () => {
    const rule = (y: number): Rule => ({ x0: 50, x1: 420, y });
    const text = layoutPages(
      [
        page(
          [
            at('5.要求行政机关确认或重新出', 60, 500),
            ...values(500, '1', '0', '1'),
            at('具已获取', 60, 488),
            // Farther from its values than a label line without borders may be.
            at('信息', 60, 476),
            at('3.其他', 60, 458),
            at('（七）总计', 60, 438),
            ...values(438, '9', '2', '11'),
          ],
          [rule(512), rule(468), rule(448), rule(430)],
        ),
      ],
      { isTableLabel: (t) => ['3.其他', '（七）总计'].includes(t) },
    );

    expect(text.split('\n')).toEqual(['5.要求行政机关确认或重新出 具已获取 信息\t1\t0\t1', '3.其他', '（七）总计\t9\t2\t11']);
  });

  it('prints a blank cell as an empty cell under its column header', () => {
    const text = layoutPages([
      page([
        at('信息内容', 60, 520),
        at('制发', 292, 520),
        at('废止', 332, 520),
        at('有效', 372, 520),
        at('规章', 60, 500),
        ...values(500, '1', '', '11'),
      ]),
    ]);

    expect(text.split('\n')[1]).toBe('规章\t1\t\t11');
  });

  it('places figures between the column borders when a column is blank in every row and its header runs into the next', () => {
    // Narrow columns: the header words touch and read as one cell; 科研 (x 320–360) holds no figure in any row.
    const border = (x: number) => ({ x, y0: 480, y1: 530 });
    const columnRules = [60, 280, 320, 360, 400, 440].map(border);
    const text = layoutPages([
      {
        ...page([
          at('信息内容', 60, 520),
          { text: '商业科研社会其他', x: 282, y: 520, width: 156, size: SIZE },
          at('本年新收', 60, 500),
          num('3', 295, 500),
          num('4', 415, 500),
          at('上年结转', 60, 485),
          num('5', 295, 485),
          num('6', 375, 485),
        ]),
        columnRules,
      },
    ]);

    expect(text.split('\n').slice(1)).toEqual(['本年新收\t3\t\t\t4', '上年结转\t5\t\t6\t']);
  });

  it('keeps a dash printed for a blank cell among the values', () => {
    const text = layoutPages([page([at('规章', 60, 500), ...values(500, '1', '—', '11')])]);

    expect(text).toBe('规章\t1\t—\t11');
  });

  it('keeps a group label printed one character per line in its own cell', () => {
    const text = layoutPages([
      page([
        at('三', 40, 505),
        at('1.属于国家秘密', 60, 500),
        ...values(500, '2', '0', '2'),
        at('本', 40, 487),
        at('2.其他法律行政法规禁止公开', 60, 482),
        ...values(482, '3', '1', '4'),
      ]),
    ]);

    expect(text.split('\n')).toEqual(['三\t1.属于国家秘密\t2\t0\t2', '本\t2.其他法律行政法规禁止公开\t3\t1\t4']);
  });

  it('joins running text wrapped at the right margin; an indented line starts a new paragraph', () => {
    const line = '一二三四五六七八九十一二三四五六七八九十';
    const text = layoutPages([
      page([at(line, 60, 600), at('结束。', 60, 585), at(line.slice(2), 80, 570), at('再结束。', 60, 555)]),
    ]);

    expect(text.split('\n')).toEqual([`${line}结束。`, `${line.slice(2)}再结束。`]);
  });
});

describe('files that are not readable PDFs', () => {
  it('refuses bytes that are not a PDF with a Chinese message', async () => {
    const error = await pdfToText(new TextEncoder().encode('%PDF-1.7\n这不是一个 PDF')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/无法读取|没有文字层/);
  });
});

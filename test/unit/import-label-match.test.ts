import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../functions/domain/import/cell-value.js';
import { alignValues } from '../../functions/domain/import/align-values.js';
import { LabelIndex, normaliseLabel } from '../../functions/domain/import/label-match.js';
import { tableLabelIndex } from '../../functions/domain/import/table-labels.js';
import { TEMPLATES } from '../../functions/domain/report-template.js';

const applications = TEMPLATES['2021'].tables.find((t) => t.path === 'applications')!;
const rowIdOf = (text: string) => {
  const target = tableLabelIndex([applications]).find(text);
  return target?.kind === 'row' ? target.row.id : target?.kind;
};

describe('normalising labels', () => {
  it.each([
    ['(一) 予以公开', '（一）予以公开'],
    ['3．危及"三安全一稳定"', '3.危及“三安全一稳定”'],
    ['3、其它', '3.其他'],
    ['结果 维持', '结果维持'],
    ['(七) 合计', '（七）总计'],
    ['一．总体情况：', '一、总体情况'],
  ])('reads "%s" as "%s"', (printed, official) => {
    expect(normaliseLabel(printed)).toBe(normaliseLabel(official));
  });
});

describe('matching row labels', () => {
  it.each([
    ['3.其他', 'otherOther'],
    ['（六）其他处理', 'group'],
    ['其他', 'column'],
    ['总计', 'column'],
    ['(七) 总计', 'resultsTotal'],
    ['（二）部分公开', 'partiallyDisclosed'],
    ['属于国家秘密', 'withheldStateSecret'],
  ])('takes "%s" for %s', (text, expected) => {
    expect(rowIdOf(text)).toBe(expected);
  });

  it('matches nothing when a loose key belongs to two labels', () => {
    const index = new LabelIndex<string>();
    index.add('1.重复申请', 'a', 'a');
    index.add('2.重复申请', 'b', 'b');

    expect(index.find('重复申请')).toBeUndefined();
    expect(index.find('2. 重复申请')).toBe('b');
  });
});

describe('parsing cell values', () => {
  it.each([
    ['0', 0],
    ['', null],
    ['\u00a0 ', null],
    ['1,234', 1234],
    ['１２３', 123],
    ['24252.311082', 24252.311082],
    ['-3', -3],
    ['－3', -3],
    ['—', null],
    ['／', null],
    ['75394432.52元', 7539.443252],
    [' 无 ', 0],
    ['无法统计', '无法统计'],
    ['5件', 5],
    ['0件', 0],
    ['１２条', 12],
    ['3 个', 3],
    ['-2项', -2],
    ['5件套', '5件套'],
    ['9'.repeat(400), '9'.repeat(400)],
  ])('reads "%s" as %j', (text, expected) => {
    expect(parseCellValue(text)).toEqual(expected);
  });
});

describe('aligning values past padding', () => {
  it('prefers the window starting where the header puts the first column', () => {
    const cells = ['label', '', '', '1', '2', ''];

    expect(alignValues(cells, 1, 3, 2)).toEqual({ ok: true, values: ['', '1', '2'] });
    expect(alignValues(cells, 1, 3, 3)).toEqual({ ok: true, values: ['1', '2', ''] });
  });

  it('reports too few and too many values', () => {
    expect(alignValues(['label', '1', '2'], 1, 3)).toEqual({ ok: false, found: 2 });
    expect(alignValues(['label', '1', '', '', '4'], 1, 3)).toEqual({ ok: false, found: 4 });
  });
});

describe('labels flattened into one cell', () => {
  it('reads a row label printed after its group labels in the same cell', () => {
    expect(rowIdOf('（三）不予公开 1.属于国家秘密')).toBe('withheldStateSecret');
    expect(rowIdOf('三、本年度办理结果（一）予以公开')).toBe('disclosed');
    expect(rowIdOf('三、本年度办理结果 （六）其他处理 3.其他')).toBe('otherOther');
  });
});

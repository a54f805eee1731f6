import { describe, expect, it } from 'vitest';
import { buildGrids, cellName, moveFrom, positionsByPath, spreadBlock } from '../../web/form/cell-grid.js';

const grids = buildGrids('2021');
const positions = positionsByPath(grids);
const at = (path: string) => {
  const p = positions.get(path);
  if (!p) throw new Error(`no cell ${path}`);
  return p;
};
const pathAt = (p: { grid: number; row: number; col: number }) => grids[p.grid]!.rows[p.row]![p.col]!.ref.path;

describe('cell grids', () => {
  it('lays out table 四 as one row of fifteen cells, the others as the template rows', () => {
    const appeals = grids.find((g) => g.table.path === 'appeals')!;
    expect(appeals.rows).toHaveLength(1);
    expect(appeals.rows[0]!.map((s) => s.ref.path).slice(4, 6)).toEqual(['appeals.review.total', 'appeals.litigationDirect.upheld']);
    const applications = grids.find((g) => g.table.path === 'applications')!;
    expect(applications.rows).toHaveLength(25);
    expect(applications.rows[0]).toHaveLength(7);
  });

  it('names each cell by its row and column labels', () => {
    const ref = grids.flatMap((g) => g.rows.flat()).find((s) => s.ref.path === 'applications.newReceived.natural')!.ref;
    expect(cellName(ref)).toBe('一、本年新收政府信息公开申请数量 自然人');
    const org = grids.flatMap((g) => g.rows.flat()).find((s) => s.ref.path === 'applications.withheldStateSecret.business')!.ref;
    expect(cellName(org)).toBe('三、本年度办理结果 （三）不予公开 1.属于国家秘密 法人或其他组织 商业企业');
  });
});

describe('moveFrom', () => {
  it('moves right and down within a table', () => {
    expect(pathAt(moveFrom(grids, at('applications.newReceived.natural'), 'right'))).toBe('applications.newReceived.business');
    expect(pathAt(moveFrom(grids, at('applications.newReceived.natural'), 'down'))).toBe('applications.carriedOver.natural');
  });

  it('skips the computed 总计 column, wrapping to the next row', () => {
    expect(pathAt(moveFrom(grids, at('applications.newReceived.otherOrg'), 'right'))).toBe('applications.carriedOver.natural');
  });

  it('skips the computed （七）总计 row going down and up', () => {
    expect(pathAt(moveFrom(grids, at('applications.otherOther.natural'), 'down'))).toBe('applications.carriedForward.natural');
    expect(pathAt(moveFrom(grids, at('applications.carriedForward.natural'), 'up'))).toBe('applications.otherOther.natural');
  });

  it('crosses into the next table at the bottom edge, keeping the column where it can', () => {
    expect(pathAt(moveFrom(grids, at('proactive.regulations.normativeDocuments.repealed'), 'down'))).toBe(
      'proactive.licensing.administrativeLicensing.decisions',
    );
    expect(pathAt(moveFrom(grids, at('applications.carriedForward.research'), 'down'))).toBe('appeals.review.other');
  });

  it('stays put at the very first and last cells', () => {
    const first = at('proactive.regulations.rules.issued');
    expect(moveFrom(grids, first, 'up')).toEqual(first);
    expect(moveFrom(grids, first, 'left')).toEqual(first);
    const last = at('appeals.litigationAfterReview.pending');
    expect(moveFrom(grids, last, 'right')).toEqual(last);
  });
});

describe('spreadBlock', () => {
  it('fills a pasted block from the target cell onwards', () => {
    const { writes, dropped } = spreadBlock(grids, at('applications.newReceived.natural'), [
      ['5', '1'],
      ['2', '0'],
    ]);
    expect(writes).toEqual([
      { path: 'applications.newReceived.natural', text: '5' },
      { path: 'applications.newReceived.business', text: '1' },
      { path: 'applications.carriedOver.natural', text: '2' },
      { path: 'applications.carriedOver.business', text: '0' },
    ]);
    expect(dropped).toBe(0);
  });

  it('leaves computed cells to the form and counts what falls off the table', () => {
    const { writes, dropped } = spreadBlock(grids, at('applications.newReceived.otherOrg'), [['1', '99', '7']]);
    expect(writes).toEqual([{ path: 'applications.newReceived.otherOrg', text: '1' }]);
    expect(dropped).toBe(1);
  });
});

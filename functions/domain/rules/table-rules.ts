/**
 * The arithmetic of tables 三 and 四 (the template's own 勾稽关系) and the carry-over between
 * years. Each rule compares only cells that hold numbers: a blank or malformed cell already
 * has its own `required.missing` or `number.format` finding. The cells are read from the
 * run's grids (table-grid.ts): NaN, a cell without a number, makes a sum NaN and is skipped.
 */
import { inputColumns, resultRows } from '../report-template.js';
import { cellFinding, formatNumber as fmt, numeric, type Rule } from './rule-context.js';
import { columnIndex, indexesOf, rowIndex } from './table-grid.js';

/** per row: 总计 = the columns filled in (三: the six applicant columns; 四: 维持, 纠正, 其他, 尚未审结) */
const rowTotals =
  (path: 'applications' | 'appeals', message: (name: string, sum: string, actual: string) => string): Rule =>
  (input, findings) => {
    const { def, width, values } = input.grid(path);
    const total = columnIndex(def, 'total');
    const parts = indexesOf(def, 'inputColumns', () => inputColumns(def).map((c) => columnIndex(def, c.id)));
    for (let i = 0; i < def.rows.length; i++) {
      let sum = 0;
      for (const j of parts) sum += values[i * width + j]!;
      const actual = values[i * width + total]!;
      if (Number.isNaN(sum) || Number.isNaN(actual) || sum === actual) continue;
      const r = def.rows[i]!;
      findings.push(
        cellFinding(path === 'applications' ? 'applications.column-total' : 'appeals.total', def, r, def.columns[total]!, {
          expected: sum,
          actual,
          message: message(path === 'applications' ? r.label : [...r.groups, r.label].join(''), fmt(sum), fmt(actual)),
        }),
      );
    }
  };

export const applicationsColumnTotal: Rule = rowTotals(
  'applications',
  (name, sum, actual) => `“${name}”的总计应等于自然人与各类法人或其他组织之和 ${sum}，现填 ${actual}。`,
);

/** per column: （七）总计 = the leaf rows of 三、本年度办理结果 */
export const applicationsResultsTotal: Rule = (input, findings) => {
  const { def, width, values } = input.grid('applications');
  const totalRow = rowIndex(def, 'resultsTotal');
  const leaves = indexesOf(def, 'resultRows', () => resultRows(def).map((r) => rowIndex(def, r.id)));
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (const i of leaves) sum += values[i * width + j]!;
    const actual = values[totalRow * width + j]!;
    if (Number.isNaN(sum) || Number.isNaN(actual) || sum === actual) continue;
    const c = def.columns[j]!;
    findings.push(
      cellFinding('applications.results-total', def, def.rows[totalRow]!, c, {
        expected: sum,
        actual,
        message: `“${c.label}”列：办理结果（七）总计应等于（一）至（六）各项之和 ${fmt(sum)}，现填 ${fmt(actual)}。`,
      }),
    );
  }
};

/** per column: 一 + 二 = 三（七） + 四 */
export const applicationsBalance: Rule = (input, findings) => {
  const { def, width, values } = input.grid('applications');
  const [newReceived, carriedOver, resultsTotal, carriedForward] = ['newReceived', 'carriedOver', 'resultsTotal', 'carriedForward'].map(
    (id) => rowIndex(def, id) * width,
  ) as [number, number, number, number];
  for (let j = 0; j < width; j++) {
    const received = values[newReceived + j]!;
    const carried = values[carriedOver + j]!;
    const handled = values[resultsTotal + j]!;
    const pending = values[carriedForward + j]!;
    if (Number.isNaN(received + carried + handled + pending)) continue;
    if (received + carried === handled + pending) continue;
    const c = def.columns[j]!;
    findings.push(
      cellFinding('applications.balance', def, def.rows[carriedForward / width]!, c, {
        expected: received + carried - handled,
        actual: pending,
        message:
          `“${c.label}”列不平衡：本年新收 ${fmt(received)} + 上年结转 ${fmt(carried)} = ${fmt(received + carried)}，` +
          `应等于办理结果总计 ${fmt(handled)} + 结转下年度 ${fmt(pending)} = ${fmt(handled + pending)}。`,
      }),
    );
  }
};

/** each group of 四: 总计 = 维持 + 纠正 + 其他 + 尚未审结 */
export const appealsTotal: Rule = rowTotals(
  'appeals',
  (name, sum, actual) => `“${name}”的总计应等于结果维持、结果纠正、其他结果、尚未审结之和 ${sum}，现填 ${actual}。`,
);

/** this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column */
export const carryoverContinuity: Rule = (input, findings) => {
  const previous = input.lastYear;
  if (!previous) return;
  const { def, width, values } = input.grid('applications');
  // last year's row, read along this year's columns (the ids are the same in both formats)
  const last = input.lastYearTable('applications').carriedForward;
  const carriedOver = rowIndex(def, 'carriedOver');
  for (let j = 0; j < width; j++) {
    const c = def.columns[j]!;
    const expected = numeric(last?.[c.id]);
    const actual = values[carriedOver * width + j]!;
    if (expected === undefined || Number.isNaN(actual) || expected === actual) continue;
    findings.push(
      cellFinding('carryover.continuity', def, def.rows[carriedOver]!, c, {
        expected,
        actual,
        message: `“${c.label}”列：上年结转应等于${previous.year}年报告的“结转下年度继续办理” ${fmt(expected)}，现填 ${fmt(actual)}。`,
      }),
    );
  }
};

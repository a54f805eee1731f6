/**
 * The arithmetic of tables 三 and 四 (the template's own 勾稽关系) and the carry-over between
 * years. Each rule compares only cells that hold numbers: a blank or malformed cell already
 * has its own `required.missing` or `number.format` finding.
 */
import { applicantColumns, inputColumns, resultRows } from '../report-template.js';
import { cellFinding, column, formatNumber as fmt, numeric, row, sumColumns, sumRows, tableOf, type Rule } from './rule-context.js';

/** per row: 总计 = the six applicant columns */
export const applicationsColumnTotal: Rule = (input, findings) => {
  const { def, data } = input.table('applications');
  const total = column(def, 'total');
  const parts = applicantColumns(def);
  for (const r of def.rows) {
    const cells = data[r.id];
    const sum = sumColumns(cells, parts);
    const actual = numeric(cells?.total);
    if (sum === undefined || actual === undefined || sum === actual) continue;
    findings.push(
      cellFinding('applications.column-total', def, r, total, {
        expected: sum,
        actual,
        message: `“${r.label}”的总计应等于自然人与各类法人或其他组织之和 ${fmt(sum)}，现填 ${fmt(actual)}。`,
      }),
    );
  }
};

/** per column: （七）总计 = the leaf rows of 三、本年度办理结果 */
export const applicationsResultsTotal: Rule = (input, findings) => {
  const { def, data } = input.table('applications');
  const totalRow = row(def, 'resultsTotal');
  const leaves = resultRows(def);
  for (const c of def.columns) {
    const sum = sumRows(data, leaves, c.id);
    const actual = numeric(data.resultsTotal?.[c.id]);
    if (sum === undefined || actual === undefined || sum === actual) continue;
    findings.push(
      cellFinding('applications.results-total', def, totalRow, c, {
        expected: sum,
        actual,
        message: `“${c.label}”列：办理结果（七）总计应等于（一）至（六）各项之和 ${fmt(sum)}，现填 ${fmt(actual)}。`,
      }),
    );
  }
};

/** per column: 一 + 二 = 三（七） + 四 */
export const applicationsBalance: Rule = (input, findings) => {
  const { def, data } = input.table('applications');
  const forward = row(def, 'carriedForward');
  for (const c of def.columns) {
    const received = numeric(data.newReceived?.[c.id]);
    const carried = numeric(data.carriedOver?.[c.id]);
    const handled = numeric(data.resultsTotal?.[c.id]);
    const pending = numeric(data.carriedForward?.[c.id]);
    if (received === undefined || carried === undefined || handled === undefined || pending === undefined) continue;
    if (received + carried === handled + pending) continue;
    findings.push(
      cellFinding('applications.balance', def, forward, c, {
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
export const appealsTotal: Rule = (input, findings) => {
  const { def, data } = input.table('appeals');
  const total = column(def, 'total');
  const parts = inputColumns(def);
  for (const r of def.rows) {
    const cells = data[r.id];
    const sum = sumColumns(cells, parts);
    const actual = numeric(cells?.total);
    if (sum === undefined || actual === undefined || sum === actual) continue;
    const name = [...r.groups, r.label].join('');
    findings.push(
      cellFinding('appeals.total', def, r, total, {
        expected: sum,
        actual,
        message: `“${name}”的总计应等于结果维持、结果纠正、其他结果、尚未审结之和 ${fmt(sum)}，现填 ${fmt(actual)}。`,
      }),
    );
  }
};

/** this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column */
export const carryoverContinuity: Rule = (input, findings) => {
  const previous = input.lastYear;
  if (!previous) return;
  const { def, data } = input.table('applications');
  const last = tableOf(previous, 'applications').data;
  const carried = row(def, 'carriedOver');
  for (const c of def.columns) {
    const expected = numeric(last.carriedForward?.[c.id]);
    const actual = numeric(data.carriedOver?.[c.id]);
    if (expected === undefined || actual === undefined || expected === actual) continue;
    findings.push(
      cellFinding('carryover.continuity', def, carried, c, {
        expected,
        actual,
        message: `“${c.label}”列：上年结转应等于${previous.year}年报告的“结转下年度继续办理” ${fmt(expected)}，现填 ${fmt(actual)}。`,
      }),
    );
  }
};

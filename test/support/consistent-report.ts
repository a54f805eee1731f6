/**
 * Builders of reports that pass every rule, for tests: a fixed one, and a fast-check
 * arbitrary of random consistent ones (tables 二, 三, 四 filled so that every 勾稽关系 holds).
 */
import fc from 'fast-check';
import { emptyReport, type Report, type TableData } from '../../functions/domain/report.js';
import { fillComputedCells } from '../../web/form/computed-totals.js';
import { TEMPLATES, applicantColumns, resultRows, type TemplateId } from '../../functions/domain/report-template.js';

export const CLEAN_TEXTS = {
  overview: '本机关认真贯彻落实政府信息公开条例，主动公开工作有序推进，依申请公开办理规范。',
  problems: '存在问题：信息发布及时性有待提高。改进措施：加强培训，完善审核机制，提升公开质量。',
  other: '本年度未收取信息处理费。',
};

export function cleanReport(template: TemplateId = '2021', agencyName = '某县自然资源局', year = 2023): Report {
  const report = emptyReport(template, { agencyName, year }, 0);
  Object.assign(report.sections, CLEAN_TEXTS);
  return report;
}

export function applications(report: Report): TableData {
  return report.sections.applications as TableData;
}

export function appeals(report: Report): TableData {
  return report.sections.appeals as TableData;
}

const small = fc.nat({ max: 30 });

/** A random report of the given template in which every rule holds. */
export function consistentReportArbitrary(template: TemplateId = '2021'): fc.Arbitrary<Report> {
  const def = TEMPLATES[template].tables.find((t) => t.path === 'applications')!;
  const leaves = resultRows(def);
  const columns = applicantColumns(def);
  const column = fc.record({
    leaves: fc.array(small, { minLength: leaves.length, maxLength: leaves.length }),
    forward: small,
    carriedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const proactiveCells = fc.array(fc.nat({ max: 5000 }), { minLength: 40, maxLength: 40 });
  const appealParts = fc.array(fc.nat({ max: 9 }), { minLength: 12, maxLength: 12 });
  const fee = fc.integer({ min: 0, max: 99_999_999_999 }).map((n) => n / 1_000_000);
  return fc
    .record({
      columns: fc.array(column, { minLength: columns.length, maxLength: columns.length }),
      proactiveCells,
      appealParts,
      fee,
    })
    .map(({ columns: cols, proactiveCells: pc, appealParts: ap, fee: amount }) => {
      const report = cleanReport(template);
      const data = applications(report);
      cols.forEach((col, i) => {
        const id = columns[i]!.id;
        leaves.forEach((r, j) => (data[r.id]![id] = col.leaves[j]!));
        const handled = col.leaves.reduce((a, b) => a + b, 0);
        const carried = Math.floor(col.carriedShare * (handled + col.forward));
        data.carriedForward![id] = col.forward;
        data.carriedOver![id] = carried;
        data.newReceived![id] = handled + col.forward - carried;
      });
      // the 总计 column and the （七） row, as the form computes them
      fillComputedCells(report);
      const appealData = appeals(report);
      ['review', 'litigationDirect', 'litigationAfterReview'].forEach((g, i) => {
        const parts = ap.slice(i * 4, i * 4 + 4);
        const [upheld, corrected, other, pending] = parts as [number, number, number, number];
        appealData[g] = { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
      });
      let k = 0;
      for (const table of TEMPLATES[template].tables.filter((t) => t.subTable)) {
        const sub = (report.sections.proactive as Record<string, TableData>)[table.subTable!]!;
        for (const r of table.rows)
          for (const c of table.columns) {
            sub[r.id]![c.id] = c.kind === 'amount' ? amount : (pc[k++ % pc.length] ?? 0);
          }
      }
      return report;
    });
}

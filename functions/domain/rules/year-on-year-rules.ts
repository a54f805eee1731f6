/**
 * This year against last year's report of the same agency (`context.previous`, one year
 * earlier): figures copied unchanged (`data.repeated`), a key figure that jumped or collapsed
 * (`trend.outlier`), and 现行有效 documents that do not follow from last year's
 * (`proactive.in-force`). Warnings: each asks the filer to verify or explain.
 */
import type { TableDef } from '../report-template.js';
import type { Cell, TableData } from '../report.js';
import { cellFinding, formatNumber as fmt, numeric, type Rule, type RuleInput } from './rule-context.js';
import { gridValue, rowIndex } from './table-grid.js';

const COMPARED_TABLES = ['applications', 'appeals'] as const;

export const dataRepeated: Rule = (input, findings) => {
  const previous = input.lastYear;
  if (!previous) return;
  // tables of nothing but zeros (and blanks) are no copy worth a warning: last year's is not read
  if (!COMPARED_TABLES.some((path) => input.grid(path).values.some((v) => v !== 0 && !Number.isNaN(v)))) return;
  let nonZero = 0;
  // 2021 against 2020's trial format: its one （六）其他处理 row is this year's three together
  const split = input.report.template === '2021' && previous.template === '2019';
  for (const path of COMPARED_TABLES) {
    const { def, width, values } = input.grid(path);
    const before = input.lastYearTable(path);
    // last year's cells looked up only until the first difference (at once, in a real report)
    for (let i = 0, k = 0; i < def.rows.length; i++) {
      const row = def.rows[i]!.id;
      if (split && OTHER_HANDLING_2021.includes(row)) {
        // compared once, as their sum, at the first of them
        if (row === OTHER_HANDLING_2021[0] && !sameOtherHandling(input, def, width, before)) return;
        for (let j = 0; j < width; j++, k++) if (figure(values[k]!) !== 0) nonZero++;
        continue;
      }
      const then = before[row];
      if (!then) return; // a row last year's format did not have: not a copy
      for (let j = 0; j < width; j++, k++) {
        const value = figure(values[k]!);
        if (value !== (numeric(then[def.columns[j]!.id]) ?? 0)) return;
        if (value !== 0) nonZero++;
      }
    }
  }
  if (nonZero === 0) return; // an agency with no applications and no appeals two years running
  findings.push({
    rule: 'data.repeated',
    severity: 'warning',
    path: 'applications',
    label: '三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况',
    expected: `与${previous.year}年不完全相同`,
    actual: `与${previous.year}年完全相同（${nonZero}个非零数字）`,
    message: `表三、表四的全部数字与${previous.year}年报告完全相同（其中 ${nonZero} 个不为0）；格式要求不得年年雷同，请核实是否误用了上年数据。`,
  });
};

/**
 * A cell of this year's 表三 or 表四 as data.repeated compares it (last year's: `numeric(cell) ?? 0`):
 * no figure (a blank, or a text such as “/”) counts as 0. Published tables often leave the cells
 * of nothing blank, and a copied table keeps them: reading a blank as “not a copy” let a report
 * copied whole from last year through. The figures that are not 0 must still all be equal for a
 * finding.
 */
const figure = (value: number): number => (Number.isNaN(value) ? 0 : value);

/** the 2021 format's rows of （六）其他处理, in its order */
const OTHER_HANDLING_2021: readonly string[] = ['otherOverdueCorrection', 'otherUnpaidFees', 'otherOther'];

/** Do this year's three rows of （六） add up, column by column, to last year's (2019 format) one? */
function sameOtherHandling(input: RuleInput, def: TableDef, width: number, before: TableData): boolean {
  const { values } = input.grid('applications');
  const rows = OTHER_HANDLING_2021.map((id) => rowIndex(def, id));
  const then = before.otherHandling;
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (const i of rows) sum += figure(values[i * width + j]!);
    if (sum !== (numeric(then?.[def.columns[j]!.id]) ?? 0)) return false;
  }
  return true;
}

/** Above this ratio (or below its inverse), a key figure asks to be verified. */
export const OUTLIER_FACTOR = 5;
/** Both years at least this: small counts (2 → 11) swing by nature. */
export const OUTLIER_MIN = 10;

interface KeyFigure {
  readonly name: string;
  readonly path: string;
  readonly label: string;
  /** the cells whose sum is the figure: [table path, row id, column id] */
  readonly cells: readonly (readonly [string, string, string])[];
}

const KEY_FIGURES: readonly KeyFigure[] = [
  {
    name: '本年新收政府信息公开申请数量',
    path: 'applications.newReceived.total',
    label: '一、本年新收政府信息公开申请数量 / 总计',
    cells: [['applications', 'newReceived', 'total']],
  },
  {
    name: '行政许可本年处理决定数量',
    path: 'proactive.licensing.administrativeLicensing.decisions',
    label: '第二十条第（五）项 行政许可 / 处理决定数量',
    cells: [['proactive.licensing', 'administrativeLicensing', 'decisions']],
  },
  {
    name: '行政处罚本年处理决定数量',
    path: 'proactive.enforcement.administrativePenalty.decisions',
    label: '第二十条第（六）项 行政处罚 / 处理决定数量',
    cells: [['proactive.enforcement', 'administrativePenalty', 'decisions']],
  },
  {
    name: '行政强制本年处理决定数量',
    path: 'proactive.enforcement.administrativeCoercion.decisions',
    label: '第二十条第（六）项 行政强制 / 处理决定数量',
    cells: [['proactive.enforcement', 'administrativeCoercion', 'decisions']],
  },
  {
    name: '行政复议总计',
    path: 'appeals.review.total',
    label: '行政复议 / 总计',
    cells: [['appeals', 'review', 'total']],
  },
  {
    name: '行政诉讼总计',
    path: 'appeals',
    label: '行政诉讼 / 总计（未经复议直接起诉＋复议后起诉）',
    cells: [
      ['appeals', 'litigationDirect', 'total'],
      ['appeals', 'litigationAfterReview', 'total'],
    ],
  },
];

/**
 * A key figure of this year's report (`lastYear` false) or last year's: the sum of its cells, a
 * blank one counted as none (行政诉讼 with 复议后起诉 left blank is its 直接起诉 alone); undefined
 * when every cell is blank or one holds a text.
 */
function keyFigure(input: RuleInput, key: KeyFigure, lastYear: boolean): number | undefined {
  let sum = 0;
  let given = false;
  for (const [path, row, column] of key.cells) {
    if (!lastYear) {
      // this year's, off the run's grid (a number there is the cell's; NaN: blank or a text, looked up below)
      const n = gridValue(input.grid(path), row, column);
      if (!Number.isNaN(n)) {
        sum += n;
        given = true;
        continue;
      }
    }
    const cell = (lastYear ? input.lastYearTable(path) : input.table(path).data)[row]?.[column];
    if (cell === null || cell === undefined) continue;
    const n = numeric(cell);
    if (n === undefined) return undefined;
    sum += n;
    given = true;
  }
  return given ? sum : undefined;
}

export const trendOutlier: Rule = (input, findings) => {
  const previous = input.lastYear;
  if (!previous) return;
  for (const key of KEY_FIGURES) {
    const now = keyFigure(input, key, false);
    const before = keyFigure(input, key, true);
    if (now === undefined || before === undefined || now < OUTLIER_MIN || before < OUTLIER_MIN) continue;
    if (now <= before * OUTLIER_FACTOR && now * OUTLIER_FACTOR >= before) continue;
    const ratio = now / before;
    const change = ratio > 1 ? `是上年的 ${fmt(Number(ratio.toFixed(1)))} 倍` : `只有上年的 ${fmt(Number((ratio * 100).toFixed(1)))}%`;
    findings.push({
      rule: 'trend.outlier',
      severity: 'warning',
      path: key.path,
      label: key.label,
      expected: `${fmt(Math.ceil(before / OUTLIER_FACTOR))}～${fmt(before * OUTLIER_FACTOR)}`,
      actual: now,
      message: `${key.name}本年 ${fmt(now)}，${previous.year}年 ${fmt(before)}，${change}；请核实数字（单位、漏填或多填一位），确有变化的请在文字中说明原因。`,
    });
  }
};

/** a count cell, a blank read as 0; undefined for a text (its own number.format finding) */
const blankAsZero = (cell: Cell | undefined): number | undefined => (cell === null || cell === undefined ? 0 : numeric(cell));

export const proactiveInForce: Rule = (input, findings) => {
  const { report } = input;
  const previous = input.lastYear;
  // 现行有效件数 exists in the 2021 format only
  if (!previous || report.template !== '2021' || previous.template !== '2021') return;
  const { def, data } = input.table('proactive.regulations');
  const last = input.lastYearTable('proactive.regulations');
  const inForce = def.columns.find((c) => c.id === 'inForce')!;
  for (const r of def.rows) {
    const before = numeric(last[r.id]?.inForce);
    // 本年制发/本年废止 left blank are none: published tables often leave a 0 out
    const issued = blankAsZero(data[r.id]?.issued);
    const repealed = blankAsZero(data[r.id]?.repealed);
    const actual = numeric(data[r.id]?.inForce);
    if (before === undefined || issued === undefined || repealed === undefined || actual === undefined) continue;
    const expected = before + issued - repealed;
    if (actual === expected) continue;
    findings.push(
      cellFinding('proactive.in-force', def, r, inForce, {
        expected,
        actual,
        message:
          `“${r.label}”现行有效件数 ${fmt(actual)}，按${previous.year}年现行有效 ${fmt(before)} + 本年制发 ${fmt(issued)} − 本年废止 ${fmt(repealed)} 应为 ${fmt(expected)}；` +
          '文件也会因有效期届满而失效，请核实数字，或在文字中说明差异的原因。',
      }),
    );
  }
};

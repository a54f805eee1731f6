/**
 * A report laid out as agencies' Word documents print it: a title over two lines, indented
 * justified paragraphs, narrow label columns that wrap row labels over two or three lines,
 * group labels one character per line, values top-aligned, and table 三 broken over two pages
 * (its second part without the header, as Word continues a table).
 */
import { cellValue, type Report } from '../../functions/domain/report.js';
import { APPLICANT_HEADER, APPLICATIONS_NOTE, PROACTIVE_CORNER, TEMPLATES, type RowDef, type TableDef } from '../../functions/domain/report-template.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const value = (v: unknown) => (v === null || v === undefined ? '' : esc(String(v)));

const STYLE = `
body { font-family: 'Noto Serif CJK SC', serif; font-size: 15px; line-height: 1.6; }
h1 { font-size: 22px; text-align: center; font-weight: bold; margin: 0; }
h2 { font-size: 16px; font-family: 'Noto Sans CJK SC', sans-serif; margin: 14px 0 6px; text-indent: 2em; }
p { text-indent: 2em; text-align: justify; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 10.5px; line-height: 1.3; }
td, th { border: 1px solid #000; padding: 2px 3px; vertical-align: top; font-weight: normal; text-align: center; }
th.label { text-align: left; }
th.group { width: 1.1em; word-break: break-all; vertical-align: middle; }
th.sub { width: 3.2em; vertical-align: middle; }
.break { break-before: page; }
`;

export function wordLikeReportHtml(report: Report, paragraphs: readonly string[]): string {
  const tables = TEMPLATES[report.template].tables;
  const proactive = tables.filter((t) => t.section === 'proactive');
  const applications = tables.find((t) => t.section === 'applications')!;
  const appeals = tables.find((t) => t.section === 'appeals')!;
  const prose = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const splitAt = applications.rows.findIndex((r) => r.id === 'notProcessedPetition');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
<h1>${esc(report.agencyName)}</h1>
<h1>${report.year}年政府信息公开工作年度报告</h1>
<h2>一、总体情况</h2>
${prose}
<h2>二、主动公开政府信息情况</h2>
<table>${proactive.map((t) => proactiveTable(report, t)).join('')}</table>
<h2>三、收到和处理政府信息公开申请情况</h2>
<table>${applicationsHeader(applications)}${applicationRows(report, applications, 0, splitAt)}</table>
<table class="break">${applicationRows(report, applications, splitAt, applications.rows.length)}</table>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
${appealsTable(report, appeals)}
<h2>五、存在的主要问题及改进情况</h2>
${prose}
<h2>六、其他需要报告的事项</h2>
<p>无。</p>
</body></html>`;
}

function proactiveTable(report: Report, table: TableDef): string {
  const width = table.columns.length + 1;
  const head = `<tr><th colspan="${width}">${esc(table.caption!)}</th></tr>
<tr><th>${PROACTIVE_CORNER}</th>${table.columns.map((c) => `<th colspan="${3 / table.columns.length}">${esc(c.label)}</th>`).join('')}</tr>`;
  const rows = table.rows
    .map((row) => `<tr><th class="label">${esc(row.label)}</th>${table.columns.map((c) => `<td colspan="${3 / table.columns.length}">${value(cellValue(report, table, row, c))}</td>`).join('')}</tr>`)
    .join('');
  return head + rows;
}

function applicationsHeader(table: TableDef): string {
  const org = table.columns.filter((c) => c.groups.length > 0);
  const [natural, total] = [table.columns[0]!, table.columns[table.columns.length - 1]!];
  return `<tr><th colspan="3" rowspan="3">${esc(APPLICATIONS_NOTE)}</th><th colspan="7">${APPLICANT_HEADER}</th></tr>
<tr><th rowspan="2">${esc(natural.label)}</th><th colspan="5">${esc(org[0]!.groups[0]!)}</th><th rowspan="2">${esc(total.label)}</th></tr>
<tr>${org.map((c) => `<th style="width:2.6em">${esc(c.label)}</th>`).join('')}</tr>`;
}

/** Rows `from`..`to` of 三; a group cut by the page break continues as an empty cell. */
function applicationRows(report: Report, table: TableDef, from: number, to: number): string {
  const rows = table.rows.slice(from, to);
  const runLength = (i: number, level: number) => {
    const group = rows[i]!.groups[level];
    let n = 0;
    while (i + n < rows.length && rows[i + n]!.groups[level] === group) n++;
    return n;
  };
  return rows
    .map((row: RowDef, i) => {
      const groups = row.groups
        .map((group, level) => {
          if (i > 0 && rows[i - 1]!.groups[level] === group) return '';
          const cut = i === 0 && from > 0 && table.rows[from - 1]!.groups[level] === group;
          return `<th class="${level === 0 ? 'group' : 'sub'}" rowspan="${runLength(i, level)}">${cut ? '' : esc(group)}</th>`;
        })
        .join('');
      const label = `<th class="label" colspan="${3 - row.groups.length}" style="width:9em">${esc(row.label)}</th>`;
      const cells = table.columns.map((c) => `<td>${value(cellValue(report, table, row, c))}</td>`).join('');
      return `<tr>${groups}${label}${cells}</tr>`;
    })
    .join('\n');
}

function appealsTable(report: Report, table: TableDef): string {
  const [review, direct, afterReview] = table.rows;
  const labels = table.columns.map((c) => `<th style="width:2em">${esc(c.label)}</th>`).join('');
  const values = table.rows.flatMap((row) => table.columns.map((c) => `<td>${value(cellValue(report, table, row, c))}</td>`)).join('');
  return `<table>
<tr><th colspan="5" rowspan="2">${esc(review!.label)}</th><th colspan="10">${esc(direct!.groups[0]!)}</th></tr>
<tr><th colspan="5">${esc(direct!.label)}</th><th colspan="5">${esc(afterReview!.label)}</th></tr>
<tr>${labels}${labels}${labels}</tr>
<tr>${values}</tr>
</table>`;
}

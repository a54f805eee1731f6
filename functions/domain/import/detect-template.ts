/**
 * Which format a report follows, from what it prints: labels only one template has (e.g.
 * 本年新制作数量, 第二十条第（九）项, 上一年项目数量 for 2019; 本年制发件数, the three 其他处理
 * sub-rows for 2021), and a （六）其他处理 row carrying numbers itself (2019). A tie falls back
 * to the template in force for the year.
 */
import { TEMPLATES, TEMPLATE_IDS, type TemplateId } from '../report-template.js';
import { templateForYear } from '../report.js';
import { isBlankCell, isNumericCell } from './cell-value.js';
import { MAX_LABEL_LENGTH, normaliseLabel } from './label-match.js';
import type { SourceLine } from './source-line.js';

function templateLabels(template: TemplateId): Set<string> {
  const labels = new Set<string>();
  for (const table of TEMPLATES[template].tables) {
    if (table.caption) labels.add(table.caption);
    for (const row of table.rows) labels.add(row.label);
    for (const column of table.columns) labels.add(column.label);
  }
  return new Set([...labels].map(normaliseLabel));
}

let signatures: Record<TemplateId, Set<string>> | undefined;

/** Labels printed by one template and not the other. */
function signatureLabels(): Record<TemplateId, Set<string>> {
  if (!signatures) {
    const [a, b] = TEMPLATE_IDS.map(templateLabels) as [Set<string>, Set<string>];
    const only = (x: Set<string>, y: Set<string>) => new Set([...x].filter((l) => !y.has(l)));
    signatures = { '2021': only(a, b), '2019': only(b, a) };
  }
  return signatures;
}

const OTHER_HANDLING = normaliseLabel('（六）其他处理');

export function detectTemplate(lines: readonly SourceLine[], year: number): TemplateId {
  const signature = signatureLabels();
  const score: Record<TemplateId, number> = { '2021': 0, '2019': 0 };
  for (const line of lines) {
    line.cells.forEach((cell, i) => {
      if (isBlankCell(cell) || cell.length > MAX_LABEL_LENGTH) return;
      const label = normaliseLabel(cell);
      for (const id of TEMPLATE_IDS) if (signature[id].has(label)) score[id]++;
      if (label === OTHER_HANDLING) {
        const next = line.cells.slice(i + 1).find((c) => !isBlankCell(c));
        if (next !== undefined && isNumericCell(next)) score['2019']++;
      }
    });
  }
  if (score['2019'] !== score['2021']) return score['2019'] > score['2021'] ? '2019' : '2021';
  return templateForYear(year);
}

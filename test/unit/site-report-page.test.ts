import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { APPLICANT_HEADER, SECTION_ORDER, TEMPLATES, type TemplateId } from '../../functions/domain/report-template.js';
import { cellRefs, cellValue, Report, setCell } from '../../functions/domain/report.js';
import { renderReportPage, renderRevisionPage, reportJson } from '../../functions/render/site/report-page.js';
import { attr, elements, parse, tableGrid, text, type Element } from './site-dom.js';
import { agencyId, REGION, revision, sampleReport } from './site-fixtures.js';

const region = { code: REGION, name: '内乡县' };
const ID = agencyId(7);

function pageFor(report: Report) {
  return parse(renderReportPage({ region, publication: { agencyId: ID, region: REGION, year: report.year, revisions: [revision(1, report)] } }));
}

/** The header texts above a data cell and before it in its row, read off the laid-out grid. */
function headersOf(table: Element, td: Element): { column: string[]; row: string[] } {
  const grid = tableGrid(table);
  const me = grid.cells.find((c) => c.element === td)!;
  const column: string[] = [];
  const row: string[] = [];
  const seen = new Set<Element>();
  for (let r = 0; r < me.row; r++) {
    const above = grid.at(r, me.column);
    if (above && above.inHead && above.element.name === 'th' && !seen.has(above.element)) {
      seen.add(above.element);
      column.push(text(above.element));
    }
  }
  for (let c = 0; c < me.column; c++) {
    const before = grid.at(me.row, c);
    if (before && before.element.name === 'th' && !seen.has(before.element)) {
      seen.add(before.element);
      row.push(text(before.element));
    }
  }
  return { column, row };
}

describe.each(['2021', '2019'] as TemplateId[])('report page, %s template', (template) => {
  const report = sampleReport({ template, year: template === '2019' ? 2020 : 2023 });
  setCell(report, ...firstRef(template), '见说明');
  const doc = pageFor(report);
  const tds = elements(doc, 'td').filter((td) => attr(td, 'data-path'));

  it('shows every cell of the report exactly once, with the report’s value', () => {
    const refs = cellRefs(template);
    expect(tds.map((td) => attr(td, 'data-path')).sort()).toEqual(refs.map((r) => r.path).sort());
    for (const ref of refs) {
      const td = tds.find((t) => attr(t, 'data-path') === ref.path)!;
      const expected = cellValue(report, ref.table, ref.row, ref.column);
      const shown = text(td);
      if (expected === null) expect(shown, ref.path).toBe('');
      else if (typeof expected === 'number') expect(Number(shown), ref.path).toBe(expected);
      else expect(shown, ref.path).toBe(expected);
    }
  });

  it('puts each cell under its official column headers and beside its row headers (merged cells)', () => {
    for (const ref of cellRefs(template)) {
      const td = tds.find((t) => attr(t, 'data-path') === ref.path)!;
      const table = elements(doc, 'table').find((t) => elements(t, 'td').includes(td))!;
      const { column, row } = headersOf(table, td);
      if (ref.table.path === 'appeals') {
        expect(column, ref.path).toEqual([...ref.row.groups, ref.row.label, ...ref.column.groups, ref.column.label]);
        expect(row, ref.path).toEqual([]);
      } else {
        const top = ref.table.path === 'applications' ? [APPLICANT_HEADER] : [];
        expect(column, ref.path).toEqual([...top, ...ref.column.groups, ref.column.label]);
        expect(row, ref.path).toEqual([...ref.row.groups, ref.row.label]);
      }
    }
  });

  it('prints each table’s caption and corner (the 勾稽 note over 三)', () => {
    for (const def of TEMPLATES[template].tables) {
      const table = elements(doc, 'table').find((t) => attr(t, 'data-table') === def.path)!;
      const caption = elements(table, 'caption')[0];
      expect(caption ? text(caption) : undefined).toBe(def.caption);
      if (def.corner) expect(text(elements(table, 'th')[0]!)).toBe(def.corner);
    }
  });

  it('has the six sections in order with their official titles', () => {
    const sections = elements(doc, 'section').filter((s) => attr(s, 'class') === 'report-section');
    expect(sections.map((s) => attr(s, 'id'))).toEqual([...SECTION_ORDER]);
    expect(sections.map((s) => text(elements(s, 'h2')[0]!))).toEqual(SECTION_ORDER.map((id) => TEMPLATES[template].sectionTitles[id]));
  });

  it('right-aligns numbers and leaves blanks blank', () => {
    const blank = tds.filter((td) => text(td) === '');
    expect(blank.length).toBeGreaterThan(0);
    for (const td of tds) {
      const cls = attr(td, 'class')!.split(' ');
      expect(cls).toContain(text(td) === '' ? 'blank' : /^-?[\d.]+$/.test(text(td)) ? 'num' : 'text');
    }
    const css = readFileSync(new URL('../../functions/render/site/site.css', import.meta.url), 'utf8');
    expect(css).toMatch(/td\.num[^{]*\{[^}]*text-align:\s*right/);
    expect(css).toMatch(/@media print/);
  });
});

function firstRef(template: TemplateId) {
  const ref = cellRefs(template).find((r) => r.table.path === 'applications')!;
  return [ref.table, ref.row, ref.column] as const;
}

describe('report page text and metadata', () => {
  it('turns each line of a text section into a paragraph', () => {
    const report = sampleReport({ text: '一是加强领导。\r\n\r\n二是拓宽渠道。\n  三是强化考核。  ' });
    const overview = elements(pageFor(report), 'section').find((s) => attr(s, 'id') === 'overview')!;
    expect(elements(overview, 'p').map(text)).toEqual(['一是加强领导。', '二是拓宽渠道。', '三是强化考核。']);
  });

  it('is a Chinese page with the external stylesheet, the agency, year, date and data links', () => {
    const report = sampleReport();
    const doc = pageFor(report);
    expect(attr(elements(doc, 'html')[0]!, 'lang')).toBe('zh-CN');
    const css = elements(doc, 'link').find((l) => attr(l, 'rel') === 'stylesheet')!;
    expect(attr(css, 'href')).toBe('/assets/site.css');
    const h1 = text(elements(doc, 'h1')[0]!);
    expect(h1).toContain(report.agencyName);
    expect(h1).toContain('2023');
    expect(elements(doc, 'time').map((t) => attr(t, 'datetime'))).toEqual(['2024-01-11']);
    const hrefs = elements(doc, 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toContain(`/${REGION}/2023/${ID}/report.json`);
    expect(hrefs).toContain(`/${REGION}/2023/${ID}/report.csv`);
    expect(elements(doc, 'script')).toHaveLength(0);
    expect(elements(doc, 'style')).toHaveLength(0);
    expect(elements(doc).filter((e) => 'style' in e.attribs)).toHaveLength(0);
    expect(elements(doc, 'aside').some((s) => attr(s, 'class') === 'corrections')).toBe(false);
  });

  it('report.json is the Report as is', () => {
    const report = sampleReport();
    expect(Report.parse(JSON.parse(reportJson(report)))).toEqual(report);
  });
});

describe('amended report', () => {
  const r1 = sampleReport({ seed: 1 });
  const r2 = sampleReport({ seed: 2 });
  const r3 = sampleReport({ seed: 3 });
  const publication = {
    agencyId: ID,
    region: REGION,
    year: 2023,
    revisions: [revision(1, r1, 1), { ...revision(2, r2, 5), note: '更正第三项数据' }, revision(3, r3, 9)],
  };
  const doc = parse(renderReportPage({ region, publication }));

  it('shows the latest revision’s numbers', () => {
    const ref = cellRefs('2021').find((r) => cellValue(r3, r.table, r.row, r.column) !== cellValue(r1, r.table, r.row, r.column))!;
    const td = elements(doc, 'td').find((t) => attr(t, 'data-path') === ref.path)!;
    expect(Number(text(td))).toBe(cellValue(r3, ref.table, ref.row, ref.column));
  });

  it('lists the 更正 history with dates and links to every revision’s stable URL', () => {
    const history = elements(doc, 'aside').find((s) => attr(s, 'class') === 'corrections')!;
    const items = elements(history, 'li');
    expect(items).toHaveLength(3);
    expect(items.map((li) => attr(elements(li, 'a')[0]!, 'href'))).toEqual(
      [1, 2, 3].map((n) => `/${REGION}/2023/${ID}/r/${n}/`),
    );
    expect(items.map((li) => attr(elements(li, 'time')[0]!, 'datetime'))).toEqual(['2024-01-11', '2024-01-15', '2024-01-19']);
    expect(text(items[1]!)).toContain('更正第三项数据');
  });

  it('a revision page shows that revision and links to the current report', () => {
    const page = parse(renderRevisionPage({ region, agencyId: ID, year: 2023, revision: publication.revisions[0]! }));
    for (const ref of cellRefs('2021')) {
      const td = elements(page, 'td').find((t) => attr(t, 'data-path') === ref.path)!;
      const v = cellValue(r1, ref.table, ref.row, ref.column);
      expect(text(td) === '' ? null : Number(text(td))).toBe(v);
    }
    const hrefs = elements(page, 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toContain(`/${REGION}/2023/${ID}/`);
    expect(hrefs).toContain(`/${REGION}/2023/${ID}/r/1/report.json`);
  });
});

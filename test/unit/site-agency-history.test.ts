/** The agency page's history: each year's key figures, a chart per figure, every amendment linked. */
import { describe, expect, it } from 'vitest';
import { renderAgencyPage } from '../../functions/render/site/agency-page.js';
import { KEY_FIGURES } from '../../functions/domain/key-figures.js';
import type { Report, TableData } from '../../functions/domain/report.js';
import type { Publication } from '../../functions/domain/publication.js';
import { attr, elements, parse, text } from './site-dom.js';
import { agencyId, REGION, revision, sampleReport, withKeyCells as withCells } from './site-fixtures.js';

const ID = agencyId(1);
const agency = { id: ID, name: '王店镇人民政府<b>', region: REGION };

/** The figures read straight from the report's JSON, not through the template. */
function expected(report: Report): string[] {
  const s = report.sections as unknown as { applications: TableData; appeals: TableData; proactive: Record<string, TableData> };
  const n = (v: unknown) => v as number;
  const a = s.applications;
  const share = Math.round((n(a.disclosed!.total) / n(a.resultsTotal!.total)) * 1000) / 10;
  return [
    String(a.newReceived!.total),
    `${share}%`,
    String(s.appeals.review!.total),
    String(n(s.appeals.litigationDirect!.total) + n(s.appeals.litigationAfterReview!.total)),
    String(s.proactive.enforcement!.administrativePenalty!.decisions),
    String(s.proactive.licensing!.administrativeLicensing!.decisions),
  ];
}

const publications: Publication[] = [
  { agencyId: ID, region: REGION, year: 2020, revisions: [revision(1, withCells(sampleReport({ template: '2019', year: 2020, seed: 1 }), 1))] },
  {
    agencyId: ID,
    region: REGION,
    year: 2022,
    revisions: [revision(1, withCells(sampleReport({ year: 2022, seed: 2 }), 2)), revision(2, withCells(sampleReport({ year: 2022, seed: 3 }), 3), 5)],
  },
  { agencyId: ID, region: REGION, year: 2023, revisions: [revision(1, withCells(sampleReport({ year: 2023, seed: 4 }), 4))] },
];

describe('the agency page’s history', () => {
  const doc = parse(renderAgencyPage({ agency, publications }));

  it('shows each year’s key figures from its latest revision, newest year first', () => {
    const table = elements(doc, 'table').find((t) => attr(t, 'class') === 'history')!;
    expect(elements(table, 'th').slice(1, 7).map(text)).toEqual(KEY_FIGURES.map((f) => f.label));
    const rows = elements(elements(table, 'tbody')[0]!, 'tr');
    expect(rows.map((r) => text(elements(r, 'th')[0]!))).toEqual(['2023', '2022', '2020']);
    const latest = [publications[2]!.revisions[0]!, publications[1]!.revisions[1]!, publications[0]!.revisions[0]!];
    rows.forEach((row, i) => expect(elements(row, 'td').map(text)).toEqual(expected(latest[i]!.report)));
    expect(attr(elements(rows[0]!, 'a')[0]!, 'href')).toBe(`/${REGION}/2023/${ID}/`);
  });

  it('draws one inline SVG chart per figure with a point per year, and no script', () => {
    const svgs = elements(doc, 'svg');
    expect(svgs).toHaveLength(KEY_FIGURES.length);
    for (const svg of svgs) {
      expect(elements(svg, 'circle')).toHaveLength(3);
      expect(attr(svg, 'role')).toBe('img');
      expect(attr(svg, 'aria-label')).toMatch(/2020年.*2022年.*2023年/);
    }
    // the penalty's chart rises with the values (y shrinks upwards)
    const penalty = svgs[KEY_FIGURES.findIndex((f) => f.id === 'penalty')]!;
    const ys = elements(penalty, 'circle').map((c) => Number(attr(c, 'cy')));
    expect(ys[0]).toBeGreaterThan(ys[1]!);
    expect(ys[1]).toBeGreaterThan(ys[2]!);
    expect(elements(doc, 'script')).toHaveLength(0);
  });

  it('links each amendment with its date, and escapes the agency’s name', () => {
    const links = elements(doc, 'ul').filter((u) => attr(u, 'class') === 'amendments').flatMap((u) => elements(u, 'a'));
    expect(links.map((a) => attr(a, 'href'))).toEqual([`/${REGION}/2022/${ID}/r/2/`]);
    expect(text(links[0]!.parent as any)).toContain('2024年1月15日');
    expect(text(elements(doc, 'h1')[0]!)).toBe('王店镇人民政府<b>');
    expect(elements(doc, 'b')).toHaveLength(0);
  });

  it('shows a dash for a blank figure and draws no chart for a single year', () => {
    const report = structuredClone(publications[2]!.revisions[0]!.report) as any;
    report.sections.appeals.review.total = null;
    const one = parse(renderAgencyPage({ agency, publications: [{ ...publications[2]!, revisions: [revision(1, report)] }] }));
    const cells = elements(elements(one, 'tbody')[0]!, 'td').map(text);
    expect(cells[2]).toBe('—');
    expect(elements(one, 'svg')).toHaveLength(0);
  });
});

/** A region's years: counts, reports published by their deadline, key figures summed per year with charts. */
import { describe, expect, it } from 'vitest';
import { regionYearFigures, renderRegionPage } from '../../functions/render/site/region-page.js';
import type { Report } from '../../functions/domain/report.js';
import { ReminderPolicy } from '../../functions/domain/reminders/deadline-policy.js';
import type { AgencyInfo, Publication, RegionYearInput } from '../../functions/domain/publication.js';
import { attr, elements, parse, text } from './site-dom.js';
import { agencyId, REGION, sampleReport, withKeyCells } from './site-fixtures.js';

/** The key cells set from `seed`; 行政许可 left blank in every report. */
function withCells(seed: number, year: number): Report {
  const r = withKeyCells(sampleReport({ seed, year }), seed) as any;
  r.sections.proactive.licensing.administrativeLicensing.decisions = null;
  return r;
}

const agencies: AgencyInfo[] = [
  { id: agencyId(1), name: '甲局', region: REGION, kind: 'department' },
  { id: agencyId(2), name: '乙镇人民政府', region: REGION, kind: 'township' },
  { id: agencyId(3), name: '县政府办公室', region: REGION, kind: 'government-office' },
];
const published = (i: number, year: number, at: string, amendedAt?: string): Publication => ({
  agencyId: agencyId(i + 1),
  region: REGION,
  year,
  revisions: [
    { revision: 1, publishedAt: at, report: withCells(i + 1, year) },
    ...(amendedAt ? [{ revision: 2, publishedAt: amendedAt, report: withCells(i + 5, year) }] : []),
  ],
});

describe('a region-year’s figures', () => {
  // 2023 reports are due 2024-01-31 (the office's 2024-02-20), by the date in China
  const input: RegionYearInput = {
    region: { code: REGION, name: '内乡县' },
    year: 2023,
    agencies,
    publications: [
      // 2024-01-31 23:30 in China: on time, though 2024-01-31T15:30Z is the 31st in UTC too
      published(0, 2023, '2024-01-31T15:30:00Z', '2024-03-01T02:00:00Z'),
      // 2024-02-01 00:30 in China: late
      published(1, 2023, '2024-01-31T16:30:00Z'),
      // the office: due 2024-02-20
      published(2, 2023, '2024-02-19T02:00:00Z'),
    ],
  };

  it('counts reports first published by their deadline, by kind of agency, in China’s date', () => {
    expect(regionYearFigures(input).onTime).toBe(2);
  });

  it('counts by the region’s own deadlines where the policy sets them', () => {
    // townships of this region are due 2024-02-05: the report published on 2024-02-01 is on time
    const policy = ReminderPolicy.parse({ regions: { [REGION]: { deadlines: { township: '02-05' } } } });
    expect(regionYearFigures(input, policy).onTime).toBe(3);
    // another region's deadlines change nothing here
    const elsewhere = ReminderPolicy.parse({ regions: { '999999': { deadlines: { township: '02-05' } } } });
    expect(regionYearFigures(input, elsewhere).onTime).toBe(2);
    // an earlier deadline for the office makes its 2024-02-19 report late
    expect(regionYearFigures(input, ReminderPolicy.parse({ regions: { [REGION]: { deadlines: { 'government-office': '02-10' } } } })).onTime).toBe(1);
  });

  it('sums each figure over the latest revisions; the share from the summed parts; null when no report states it', () => {
    const { figures } = regionYearFigures(input);
    // latest revisions: seeds 5 (the amendment), 2, 3
    expect(figures.newReceived).toBe(105 + 102 + 103);
    expect(figures.disclosedShare).toBeCloseTo((15 + 12 + 13) / 240, 10);
    expect(figures.review).toBe(5 + 2 + 3);
    expect(figures.litigation).toBe(2 * 3 + 5 + 2 + 3);
    expect(figures.penalty).toBe(1000 * (5 + 2 + 3));
    expect(figures.licensing).toBeNull();
  });
});

describe('/{region}/', () => {
  const lines = [
    { year: 2022, published: 2, agencies: 3, onTime: 1, figures: { newReceived: 50, disclosedShare: 0.5, review: 1, litigation: 0, penalty: 3, licensing: null } },
    { year: 2023, published: 3, agencies: 3, onTime: 2, figures: { newReceived: 310, disclosedShare: 0.25, review: 10, litigation: 16, penalty: 10000, licensing: null } },
  ];
  const doc = parse(renderRegionPage({ code: REGION, name: '内乡县<b>' }, lines));

  it('lists each year newest first with its count, on-time count and links to the year and its roll-up', () => {
    const rows = elements(elements(doc, 'tbody')[0]!, 'tr');
    expect(rows.map((r) => text(elements(r, 'th')[0]!))).toEqual(['2023', '2022']);
    expect(elements(rows[0]!, 'a').map((a) => attr(a, 'href'))).toEqual([`/${REGION}/2023/`, `/${REGION}/2023/totals/`]);
    expect(text(elements(rows[0]!, 'td')[1]!)).toBe('2 / 3');
    expect(text(elements(doc, 'h1')[0]!)).toContain('内乡县<b>');
  });

  it('shows the figures per year and a chart per figure, without script', () => {
    const history = elements(doc, 'table')[1]!;
    const cells = elements(elements(history, 'tbody')[0]!, 'tr').map((r) => elements(r, 'td').map(text));
    expect(cells[0]).toEqual(['310', '25%', '10', '16', '10000', '—']);
    expect(elements(doc, 'svg')).toHaveLength(6);
    expect(elements(doc, 'script')).toHaveLength(0);
  });

  it('a region-year line without figures (written before them) shows its counts and no figures row', () => {
    const page = parse(renderRegionPage({ code: REGION }, [{ year: 2021, published: 1, agencies: 2 }]));
    expect(text(elements(elements(page, 'tbody')[0]!, 'td')[1]!)).toBe('—');
    expect(elements(page, 'table')).toHaveLength(1);
  });
});

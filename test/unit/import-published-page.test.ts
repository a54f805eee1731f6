import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { renderReportPage } from '../../functions/render/site/report-page.js';
import { agencyId, REGION, revision, sampleReport } from './site-fixtures.js';

// Our own public page is an HTML report with the official merged-cell layout: importing it
// must give back the very report it shows.
describe('importing a page the public site published', () => {
  it.each(['2021', '2019'] as const)('gives back the %s report, every cell and text', (template) => {
    const report = sampleReport({ template, agencyName: '某县自然资源局', year: template === '2019' ? 2020 : 2023 });
    const page = renderReportPage({
      region: { code: REGION, name: '内乡县' },
      publication: { agencyId: agencyId(1), region: REGION, year: report.year, revisions: [revision(1, report)] },
    });
    expect(importReport(page, { filename: 'index.html' })).toEqual(report);
  });
});

describe('importing an amended page', () => {
  it('gives back the latest revision, not the 更正 history', () => {
    const first = sampleReport({ seed: 1 });
    const latest = sampleReport({ seed: 2 });
    const page = renderReportPage({
      region: { code: REGION },
      publication: { agencyId: agencyId(2), region: REGION, year: 2023, revisions: [revision(1, first), revision(2, latest)] },
    });
    expect(importReport(page)).toEqual(latest);
  });
});

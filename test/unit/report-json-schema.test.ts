/**
 * The published JSON Schema of report.json (/schema/report.json): the report.json the site
 * writes for real reports validates against it, and it refuses what the API refuses.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { Report, type Report as ReportType } from '../../functions/domain/report.js';
import { renderSite, type SiteObject } from '../../functions/render/site/render-site.js';
import type { ValidateFunction } from 'ajv';
import type { SiteSnapshot } from '../../functions/domain/publication.js';
import { huaian2024, suqian } from '../support/real-reports.js';
import { agencyId, revision } from './site-fixtures.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const REGION = '320800';

/** The real reports as published by a site of one region: 2021 and 2019 (trial) formats. */
function realSite(): SiteSnapshot {
  const reports: ReportType[] = [
    huaian2024(),
    suqian(2023),
    importReport(fixture('wangdian-2023-report.txt')),
    importReport(fixture('trial-2019-report.txt')),
  ];
  return {
    regions: [{ code: REGION, name: '淮安市' }],
    agencies: [],
    publications: reports.map((report, i) => ({ agencyId: agencyId(i + 1, REGION), region: REGION, year: report.year, revisions: [revision(1, report)] })),
  };
}

describe('/schema/report.json', () => {
  const objects = new Map<string, SiteObject>();
  let schemaObject: SiteObject | undefined;
  let validate: ValidateFunction;
  beforeAll(async () => {
    for await (const o of renderSite(realSite(), 'https://example.org')) objects.set(o.key, o);
    schemaObject = objects.get('schema/report.json');
    validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(String(schemaObject?.body ?? '{}')));
  });

  it('is written with the site, as JSON', () => {
    expect(schemaObject?.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(String(schemaObject!.body)).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts every report.json the site publishes for real reports (both formats)', () => {
    const published = [...objects.values()].filter((o) => o.key.endsWith('/report.json') && o.key !== 'schema/report.json');
    // current page and revision 1 of each of the four reports
    expect(published).toHaveLength(8);
    const templates = new Set<string>();
    for (const o of published) {
      const json = JSON.parse(String(o.body));
      templates.add(json.template);
      expect(validate(json), `${o.key}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    expect([...templates].sort()).toEqual(['2019', '2021']);
  });

  it('accepts a report with its defaults left out, as the API does', () => {
    const minimal = { agencyName: '王店镇人民政府', year: 2023, template: '2021' };
    expect(Report.safeParse(minimal).success).toBe(true);
    expect(validate(minimal)).toBe(true);
  });

  it.each([
    ['an unknown field', (r: any) => ({ ...r, extra: 1 })],
    ['a year as text', (r: any) => ({ ...r, year: '2024' })],
    ['no agency name', ({ agencyName: _, ...r }: any) => r],
    ['an unknown template', (r: any) => ({ ...r, template: '2030' })],
    ['an unknown row', (r: any) => ({ ...r, sections: { ...r.sections, applications: { ...r.sections.applications, bogus: {} } } })],
    ['a cell holding an object', (r: any) => ({ ...r, sections: { ...r.sections, appeals: { ...r.sections.appeals, review: { total: {} } } } })],
  ])('refuses %s, as the zod schema does', (_, edit) => {
    const bad = edit(JSON.parse(JSON.stringify(huaian2024())));
    expect(Report.safeParse(bad).success).toBe(false);
    expect(validate(bad)).toBe(false);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { changedKeys, siteWideKeys, type SiteChange } from '../../functions/render/site/changed-keys.js';
import { CACHE_IMMUTABLE, CACHE_SHORT, DOCX_TYPE, objectHeaders, XLSX_TYPE } from '../../functions/render/site/object-headers.js';
import { objectKey, reportPath, revisionPath } from '../../functions/render/site/paths.js';
import { renderChange, renderSite, SiteIndex, type SiteBody } from '../../functions/render/site/render-site.js';
import { strFromU8, unzipSync } from 'fflate';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../functions/render/site/security-headers.js';
import type { Publication, SiteSnapshot } from '../../functions/domain/publication.js';
import { revision, sampleReport, syntheticSite } from './site-fixtures.js';

const BASE = 'https://gk.example.gov.cn';
const OTHER_REGION = '411326';

/**
 * The site's objects by key. A Word or Excel file is compared by what it holds, not its bytes:
 * the zip records each entry's time of writing and docProps/core.xml the document's.
 */
async function render(site: SiteSnapshot): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  for await (const o of renderSite(site, BASE)) objects.set(o.key, comparable(o.body));
  return objects;
}

function comparable(body: SiteBody): string {
  if (typeof body === 'string') return body;
  const entries = unzipSync(body);
  delete entries['docProps/core.xml'];
  return JSON.stringify(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]).sort());
}

/** Two regions; in the first, `size` agencies of which all but two have published 2023. */
function site(size: number): SiteSnapshot {
  const a = syntheticSite(size, size - 2);
  const b = syntheticSite(3, 3, 2023, OTHER_REGION);
  return {
    regions: [...a.regions, { code: OTHER_REGION, name: '西峡县' }],
    agencies: [...a.agencies, ...b.agencies],
    publications: [...a.publications, ...b.publications],
  };
}

/** The snapshot after one accepted submission. */
function accept(before: SiteSnapshot, change: SiteChange): SiteSnapshot {
  const report = sampleReport({ seed: 1000 + change.revision, year: change.year, agencyName: '新提交单位' });
  const rev = revision(change.revision, report, 20);
  const existing = before.publications.find(
    (p) => p.agencyId === change.agencyId && p.year === change.year && p.region === change.region,
  );
  const updated: Publication = existing
    ? { ...existing, revisions: [...existing.revisions, rev] }
    : { agencyId: change.agencyId, region: change.region, year: change.year, revisions: [rev] };
  return { ...before, publications: [...before.publications.filter((p) => p !== existing), updated] };
}

function scenarios(s: SiteSnapshot): [string, SiteChange][] {
  const region = s.regions[0]!.code;
  const unpublished = s.agencies.filter((a) => a.region === region).at(-1)!.id;
  const published = s.publications[0]!.agencyId;
  return [
    ['a first publication', { region, year: 2023, agencyId: unpublished, revision: 1 }],
    ['an amendment', { region, year: 2023, agencyId: published, revision: 2 }],
    ['a first report in a new year', { region, year: 2024, agencyId: published, revision: 1 }],
  ];
}

describe('incremental publish', () => {
  it('rewrites the same number of objects for a site of 10 and of 1000 agencies', async () => {
    const counts: number[][] = [];
    for (const size of [10, 1000]) {
      const before = site(size);
      const perScenario: number[] = [];
      counts.push(perScenario);
      for (const [, change] of scenarios(before)) {
        const after = accept(before, change);
        const objects = await renderChange(change, new SiteIndex(after).changeContext(change, BASE));
        expect(objects.map((o) => o.key)).toEqual(changedKeys(change));
        perScenario.push(objects.length);
      }
    }
    expect(counts[0]).toEqual(counts[1]);
    expect(new Set(counts.flat()).size).toBe(1);
    // a count, not a speed: the region's workbook of 1000 reports takes seconds on a loaded machine
  }, 300_000);

  const before = site(12);
  let full: Map<string, string>;
  beforeAll(async () => {
    full = await render(before);
  });
  it.each(scenarios(before))('after %s, every object a full rebuild would change is in changedKeys, rendered identically', async (_, change) => {
    const after = accept(before, change);
    const rebuilt = await render(after);
    const keys = new Set([...changedKeys(change), ...siteWideKeys(change)]);
    const differing = [...rebuilt].filter(([k, body]) => full.get(k) !== body).map(([k]) => k);
    expect(differing.length).toBeGreaterThan(5);
    expect(differing.filter((k) => !keys.has(k))).toEqual([]);
    expect([...full.keys()].filter((k) => !rebuilt.has(k))).toEqual([]);
    for (const o of await renderChange(change, new SiteIndex(after).changeContext(change, BASE))) {
      expect(comparable(o.body), o.key).toBe(rebuilt.get(o.key));
    }
    // other revisions and the other region are untouched
    expect(differing.some((k) => k.startsWith(`${OTHER_REGION}/`))).toBe(false);
  });

  it('keeps earlier revisions at their URLs, byte for byte, after an amendment', async () => {
    const [, amendment] = scenarios(before)[1]!;
    const rebuilt = await render(accept(before, amendment));
    const r1 = objectKey(revisionPath(amendment.region, amendment.year, amendment.agencyId, 1));
    expect(rebuilt.get(r1)).toBeDefined();
    expect(rebuilt.get(r1)).toBe(full.get(r1));
    expect(rebuilt.get(objectKey(reportPath(amendment.region, amendment.year, amendment.agencyId)))).not.toBe(
      full.get(objectKey(reportPath(amendment.region, amendment.year, amendment.agencyId))),
    );
  });
});

describe('object headers', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8', CACHE_SHORT],
    ['411325/2023/index.html', 'text/html; charset=utf-8', CACHE_SHORT],
    ['411325/2023/114113250000000001/index.html', 'text/html; charset=utf-8', CACHE_SHORT],
    ['411325/2023/114113250000000001/report.json', 'application/json; charset=utf-8', CACHE_SHORT],
    ['411325/2023/114113250000000001/r/2/index.html', 'text/html; charset=utf-8', CACHE_IMMUTABLE],
    ['411325/2023/114113250000000001/r/2/report.json', 'application/json; charset=utf-8', CACHE_IMMUTABLE],
    ['411325/2023/114113250000000001/r/2/report.csv', 'text/csv; charset=utf-8', CACHE_IMMUTABLE],
    ['411325/2023/114113250000000001/r/2/report.docx', DOCX_TYPE, CACHE_IMMUTABLE],
    ['411325/2023/114113250000000001/r/2/report.xlsx', XLSX_TYPE, CACHE_IMMUTABLE],
    ['411325/2023/114113250000000001/report.docx', DOCX_TYPE, CACHE_SHORT],
    ['411325/2023/all-reports.csv', 'text/csv; charset=utf-8', CACHE_SHORT],
    ['411325/2023/all-reports.xlsx', XLSX_TYPE, CACHE_SHORT],
    ['411325/2023/totals/index.html', 'text/html; charset=utf-8', CACHE_SHORT],
    ['sitemap.xml', 'application/xml; charset=utf-8', CACHE_SHORT],
    ['assets/site.css', 'text/css; charset=utf-8', 'public, max-age=3600'],
  ])('%s → %s, %s', (key, type, cache) => {
    expect(objectHeaders(key)).toMatchObject({ contentType: type, cacheControl: cache });
  });

  it('every object of a site gets a known type, and CSV, Word and Excel download a file name', async () => {
    for await (const o of renderSite(site(3), BASE)) {
      expect(o.contentType, o.key).not.toBe('application/octet-stream');
      const download = /\.(csv|docx|xlsx)$/.exec(o.key)?.[1];
      if (download) expect(o.contentDisposition).toMatch(new RegExp(`^attachment; filename="[\\w.-]+\\.${download}"$`));
      expect(typeof o.body === 'string', o.key).toBe(!download || download === 'csv');
    }
  });
});

describe('security headers', () => {
  it('forbid inline script and style, framing and sniffing, and ask for HTTPS', () => {
    // 'wasm-unsafe-eval' (the search page's Pagefind) allows compiling wasm only, not eval.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
    expect(SECURITY_HEADERS).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    expect(SECURITY_HEADERS['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });
});

describe('paths', () => {
  it('refuse segments that could leave their folder', () => {
    expect(() => reportPath('../../x', 2023, '114113250000000001')).toThrow();
    expect(() => reportPath('411325', 2023, '../114113250000000')).toThrow();
    expect(() => revisionPath('411325', 2023, '114113250000000001', 0)).toThrow();
    expect(objectKey(reportPath('411325', 2023, '114113250000000001'))).toBe('411325/2023/114113250000000001/index.html');
  });
});

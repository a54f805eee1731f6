import { describe, expect, it } from 'vitest';
import { cellRefs, setCell, type Report } from '../../functions/domain/report.js';
import { renderSite } from '../../functions/render/site/render-site.js';
import type { SiteSnapshot } from '../../functions/domain/publication.js';
import { elements, parse, text, type Element } from './site-dom.js';
import { agencyId, REGION, revision, sampleReport } from './site-fixtures.js';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><svg/onload=alert(1)>",
  'javascript:alert(1)',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus='",
  '<a href="javascript:alert(1)">点我</a>',
  '<iframe src="//evil.example/"></iframe>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<!-- unclosed comment',
  '--><script>alert(1)</script>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<<script>script>alert(1)<</script>/script>',
  '<svg><foreignObject><script>alert(1)</script></foreignObject></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<input value="x" onfocus=alert(1) autofocus>',
  '<object data="javascript:alert(1)"></object>',
  '<link rel="stylesheet" href="//evil.example/x.css">',
  '`${alert(1)}`{{constructor.constructor("alert(1)")()}}',
  '\u2028<script>alert(1)</script>\u2029',
  '<body onload=alert(1)>',
];
const MULTILINE = '第一行<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\r\n"><b>粗</b>';

const ID = (i: number) => agencyId(i);

/** A small site where every piece of filer text is `t`: agency and region names, the three texts, notes, some cells. */
function siteWith(t: string): SiteSnapshot {
  const report = (seed: number, template: '2021' | '2019' = '2021'): Report => {
    const r = sampleReport({ seed, template, agencyName: t, text: t });
    cellRefs(template).forEach((ref, i) => {
      if (i % 9 === 0) setCell(r, ref.table, ref.row, ref.column, t);
    });
    return r;
  };
  return {
    regions: [{ code: REGION, name: t }],
    agencies: [1, 2, 3, 4].map((i) => ({ id: ID(i), name: t, region: REGION })),
    publications: [
      { agencyId: ID(1), region: REGION, year: 2023, revisions: [revision(1, report(1)), { ...revision(2, report(2)), note: t }] },
      { agencyId: ID(2), region: REGION, year: 2023, revisions: [revision(1, report(3))] },
      { agencyId: ID(3), region: REGION, year: 2023, revisions: [revision(1, report(4, '2019'))] },
      { agencyId: ID(1), region: REGION, year: 2022, revisions: [revision(1, { ...report(5), year: 2022 })] },
    ],
  };
}

async function htmlPages(site: SiteSnapshot): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for await (const o of renderSite(site, 'https://example.gov.cn')) if (o.key.endsWith('.html')) pages.set(o.key, String(o.body));
  return pages;
}

/** Each element as tag + its attribute names, in document order. */
function shape(doc: ReturnType<typeof parse>): string[] {
  return elements(doc).map((e: Element) => `${e.name}[${Object.keys(e.attribs).sort().join(',')}]`);
}

const benign = await htmlPages(siteWith('某某单位'));
const vocabulary = new Map<string, Set<string>>();
for (const body of benign.values()) {
  for (const e of elements(parse(body))) {
    const attrs = vocabulary.get(e.name) ?? new Set<string>();
    Object.keys(e.attribs).forEach((a) => attrs.add(a));
    vocabulary.set(e.name, attrs);
  }
}

function assertOnlyTemplateMarkup(key: string, body: string): void {
  const doc = parse(body);
  for (const e of elements(doc)) {
    expect(vocabulary.has(e.name), `${key}: injected <${e.name}>`).toBe(true);
    for (const [name, value] of Object.entries(e.attribs)) {
      expect(vocabulary.get(e.name)!.has(name), `${key}: injected ${name}= on <${e.name}>`).toBe(true);
      expect(value, `${key}: ${name}`).not.toMatch(/javascript:/i);
    }
    // a site path, or a fragment of the page (the rules page's index: rule ids, never filer text)
    if (e.name === 'a') expect(e.attribs.href, key).toMatch(/^(?:\/[0-9A-Za-z/._-]*|#[a-z-]+)$/);
  }
  expect(body).not.toMatch(/<script/i);
}

describe('filer text cannot inject markup into any page', () => {
  it('the benign site has the pages the check relies on', () => {
    expect([...benign.keys()].length).toBeGreaterThanOrEqual(12);
    expect(vocabulary.has('script')).toBe(false);
    expect(vocabulary.has('img')).toBe(false);
    expect([...vocabulary.values()].some((attrs) => [...attrs].some((a) => a.startsWith('on') || a === 'style'))).toBe(false);
  });

  it.each(PAYLOADS)('payload %j leaves every page with exactly the template’s elements and attributes', async (payload) => {
    const pages = await htmlPages(siteWith(payload));
    expect([...pages.keys()].sort()).toEqual([...benign.keys()].sort());
    for (const [key, body] of pages) {
      assertOnlyTemplateMarkup(key, body);
      expect(shape(parse(body)), key).toEqual(shape(parse(benign.get(key)!)));
    }
    // and the text is shown, once decoded, exactly as the filer wrote it
    const report = parse(pages.get(`${REGION}/2023/${ID(1)}/index.html`)!);
    expect(text(elements(report, 'h1')[0]!)).toContain(payload.trim());
    expect(elements(report, 'td').some((td) => text(td) === payload)).toBe(true);
    expect(text(elements(report, 'title')[0]!)).toContain(payload.trim());
  });

  it('multi-line text becomes paragraphs and still injects nothing', async () => {
    const pages = await htmlPages(siteWith(MULTILINE));
    for (const [key, body] of pages) assertOnlyTemplateMarkup(key, body);
    const report = parse(pages.get(`${REGION}/2023/${ID(1)}/index.html`)!);
    const overview = elements(report, 'section').find((s) => s.attribs.id === 'overview')!;
    expect(elements(overview, 'p').map(text)).toEqual(['第一行<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><b>粗</b>']);
  });
});

/**
 * The public `/rules/` page (render/site/rules-page.ts): rendered into the site with the
 * site-wide objects, lists every rule of the catalog with its severity and sources, escapes
 * what it prints, and is linked from the home page.
 */
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG, anchor, type CatalogEntry } from '../../functions/domain/rules/rule-catalog.js';
import { type SiteObject, renderSite } from '../../functions/render/site/render-site.js';
import { RULES_PATH, objectKey } from '../../functions/render/site/paths.js';
import { renderRulesPage } from '../../functions/render/site/rules-page.js';
import { RuleId } from '../../functions/domain/finding.js';
import { attr, elements, parse, text } from './site-dom.js';
import { REGION, agencyId, revision, sampleReport } from './site-fixtures.js';

const site = () => ({
  regions: [{ code: REGION, name: '测试县' }],
  agencies: [{ id: agencyId(1), name: '测试县审计局', region: REGION }],
  publications: [{ agencyId: agencyId(1), region: REGION, year: 2023, revisions: [revision(1, sampleReport({ seed: 1, template: '2021' as const, agencyName: '测试县审计局', text: '正文' }))] }],
});

describe('the /rules/ page', async () => {
  const objects: SiteObject[] = [];
  for await (const o of renderSite(site(), 'https://example.gov.cn')) objects.push(o);
  const rules = objects.find((o) => o.key === objectKey(RULES_PATH));

  it('is one of the site’s objects, in the site layout, linked from the home page', () => {
    expect(rules).toBeDefined();
    expect(rules!.key).toBe('rules/index.html');
    const doc = parse(String(rules!.body));
    expect(text(elements(doc, 'title')[0]!)).toBe('检查规则');
    expect(elements(doc, 'link').some((l) => attr(l, 'href') === '/assets/site.css')).toBe(true);
    const home = parse(String(objects.find((o) => o.key === objectKey('/'))!.body));
    expect(elements(home, 'a').map((a) => attr(a, 'href'))).toContain(RULES_PATH);
  });

  it('lists every rule id of the catalog, each with its own section, severity and sources', () => {
    const doc = parse(String(rules!.body));
    const sections = elements(doc, 'section');
    expect(sections.map((s) => attr(s, 'id'))).toEqual(RULE_CATALOG.map((r) => anchor(r.id)));
    expect(new Set(RULE_CATALOG.map((r) => r.id))).toEqual(new Set(RuleId.options));
    for (const [i, r] of RULE_CATALOG.entries()) {
      const body = text(sections[i]!);
      expect(body).toContain(r.id);
      expect(body).toContain(r.severity === 'error' ? '错误' : '提醒');
      for (const s of r.sources) expect(body).toContain(s.passage);
    }
    // the index links each section
    expect(elements(doc, 'a').filter((a) => attr(a, 'href')?.startsWith('#')).map((a) => attr(a, 'href'))).toEqual(RULE_CATALOG.map((r) => `#${anchor(r.id)}`));
  });

  it('escapes what it prints', () => {
    const hostile: CatalogEntry = {
      ...RULE_CATALOG[0]!,
      name: '<script>alert(1)</script>',
      checks: '"><img src=x onerror=alert(1)>',
      why: '</dd><iframe src="//evil.example/">',
    };
    const body = renderRulesPage([hostile]);
    const doc = parse(body);
    for (const tag of ['script', 'img', 'iframe']) expect(elements(doc, tag)).toEqual([]);
    expect(text(elements(doc, 'section')[0]!)).toContain('<script>alert(1)</script>');
    expect(body).toContain('&lt;script&gt;');
  });
});

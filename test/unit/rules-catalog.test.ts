import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_RULES, WARNING_RULES, severityOf } from '../../functions/domain/finding.js';
import { RULE_CATALOG, renderRulesMarkdown, type CatalogEntry } from '../../functions/domain/rules/rule-catalog.js';
import { renderRulesBody } from '../../functions/render/site/rules-page.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const NOTICE_TEXT = {
  '2021': read('test/fixtures/notices/template-2021.txt'),
  '2019': read('test/fixtures/notices/template-2019-trial.txt'),
};

describe('the rule catalog', () => {
  it('has one entry per rule id, with the id’s severity, errors first', () => {
    expect(RULE_CATALOG.map((r) => r.id)).toEqual([...ERROR_RULES, ...WARNING_RULES]);
    for (const r of RULE_CATALOG) {
      expect(r.severity).toBe(severityOf(r.id));
      expect(r.name).toMatch(/[\u4e00-\u9fff]/u);
      expect(r.checks).toMatch(/[\u4e00-\u9fff]/u);
      expect(r.why).toMatch(/[\u4e00-\u9fff]/u);
      expect(r.sources.length).toBeGreaterThan(0);
    }
  });

  it('quotes each passage verbatim from the notice it names', () => {
    for (const r of RULE_CATALOG) {
      for (const s of r.sources) {
        expect(NOTICE_TEXT[s.notice], `${r.id}: ${s.passage}`).toContain(s.passage);
      }
    }
  });

  it('docs/rules.md is the catalog as generated (run `npm run docs:rules` after changing a rule)', () => {
    expect(read('docs/rules.md')).toBe(renderRulesMarkdown());
  });
});

describe('the /rules/ page body', () => {
  it('lists every rule with its anchor, severity and quoted passage', () => {
    const body = renderRulesBody().value;
    for (const r of RULE_CATALOG) {
      expect(body).toContain(`id="${r.id.replaceAll('.', '')}"`);
      expect(body).toContain(`<code>${r.id}</code>`);
    }
    expect(body).toContain('<q>各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告。</q>');
  });

  it('escapes every value', () => {
    const hostile: CatalogEntry = {
      ...RULE_CATALOG[0]!,
      name: '<script>alert(1)</script>',
      checks: 'a & b',
      sources: [{ notice: '2021', passage: '"><img src=x>' }],
    };
    const body = renderRulesBody([hostile]).value;
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('a &amp; b');
  });
});

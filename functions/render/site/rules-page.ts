/**
 * The body of the public `/rules/` page: every check a report goes through, why, and the
 * notice's words it rests on, so a clerk can read why a warning appeared. Built from the
 * same catalog as docs/rules.md; every value escaped. A site-wide object (render-site.ts),
 * rewritten with the home page, so a rule's change reaches the site with the next publication.
 */
import { NOTICES, RULE_CATALOG, SEVERITY_NAME, anchor, type CatalogEntry } from '../../domain/rules/rule-catalog.js';
import { html, type SafeHtml } from './html.js';
import { page } from './site-layout.js';

export const RULES_TITLE = '检查规则';

/** `/rules/`: the rules in the site's layout. */
export function renderRulesPage(catalog: readonly CatalogEntry[] = RULE_CATALOG): string {
  return page({ title: RULES_TITLE, crumbs: [{ label: RULES_TITLE }], body: renderRulesBody(catalog) });
}

export function renderRulesBody(catalog: readonly CatalogEntry[] = RULE_CATALOG): SafeHtml {
  return html`<article class="rules">
<h1>检查规则</h1>
<p>填报时，表单对报告运行下列规则。“错误”须改正后才能提交；“提醒”请核实，确实无误的可以提交。</p>
<ul class="rule-index">${catalog.map(
    (r) => html`
<li><a href="#${anchor(r.id)}"><code>${r.id}</code> ${r.name}</a></li>`,
  )}
</ul>${catalog.map(
    (r) => html`
<section class="rule rule-${r.severity}" id="${anchor(r.id)}">
<h2><code>${r.id}</code> ${r.name}</h2>
<p class="severity">${SEVERITY_NAME[r.severity]}</p>
<dl>
<dt>检查什么</dt><dd>${r.checks}</dd>
<dt>为什么</dt><dd>${r.why}</dd>
<dt>依据</dt><dd><ul>${r.sources.map(
      (s) => html`<li>${NOTICES[s.notice]}：<q>${s.passage}</q></li>`,
    )}</ul></dd>
</dl>
</section>`,
  )}
</article>`;
}

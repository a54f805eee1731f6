/**
 * `npm run docs:rules`: writes docs/rules.md from the rule catalog
 * (functions/domain/rules/rule-catalog.ts). test/unit/rules-catalog.test.ts fails when the
 * file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesMarkdown } from '../../functions/domain/rules/rule-catalog.js';

const target = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesMarkdown());
console.log(`wrote ${target}`);

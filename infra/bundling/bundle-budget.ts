/**
 * The size budget of each Lambda bundle (minified, the AWS SDK bundled: BUNDLE in
 * infra/constructs/handler-function.ts), checked by test/infra/bundles.test.ts and printed by
 * `npm run bench:bundles`. The SDK clients a function uses are about 350–450 KB of it; the two
 * functions that publish also carry docx and exceljs (about 1.2 MB together, report.docx and
 * report.xlsx of each revision), which the others never load.
 */
export const DEFAULT_BUDGET_KB = 700;
const BUDGET_KB: Record<string, number> = { 'publish-stream': 2560, repair: 2560 };

export const budgetKb = (module: string): number => BUDGET_KB[module] ?? DEFAULT_BUDGET_KB;

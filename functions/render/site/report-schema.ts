/**
 * `/schema/report.json`: the JSON Schema of `report.json`, generated from the zod schema
 * (`Report` in functions/domain/report.ts) so the published schema can never drift from what the
 * API accepts and the site writes. The input form: fields with a default may be left out, which
 * is what a filer may send; every published `report.json` (all fields present) validates too.
 */
import { z } from 'zod';
import { Report } from '../../domain/report.js';
import { objectHeaders, type ObjectHeaders } from './object-headers.js';
import { objectKey, REPORT_SCHEMA_PATH } from './paths.js';

export function reportJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(Report, { io: 'input' }), title: '政府信息公开工作年度报告 report.json' };
}

/** The schema as a site object. It changes only with the code: a rebuild writes it, the stack deploys it. */
export function reportSchemaObject(): ObjectHeaders & { key: string; body: string } {
  const key = objectKey(REPORT_SCHEMA_PATH);
  return { key, body: `${JSON.stringify(reportJsonSchema(), null, 1)}\n`, ...objectHeaders(key) };
}

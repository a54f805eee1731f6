import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellRefs } from '../../functions/domain/report.js';
import { Report } from '../../functions/domain/report.js';

const doc = readFileSync(new URL('../../docs/report-json.md', import.meta.url), 'utf8');

describe('docs/report-json.md', () => {
  it.each(['2021', '2019'] as const)('lists every cell of the %s template with its label', (template) => {
    for (const ref of cellRefs(template)) expect(doc).toContain(`| \`${ref.path}\` | ${ref.label} |`);
  });

  it('has an example that parses as a report', () => {
    const example = /## Example[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const report = Report.parse(JSON.parse(example!));
    expect(report.sections.applications.withheldStateSecret?.natural).toBeNull();
    expect(report.sections.applications.newReceived?.total).toBe(0);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { Report } from '../../functions/domain/report.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { reportDocx, reportHtml, reportXlsx } from '../support/office-documents.js';
import { nianbao, ROOT as root } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-office-'));
const reference = importReport(readFileSync(join(root, 'test/fixtures/wangdian-2023-report.txt'), 'utf8'));

function write(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('nianbao import and validate with Word and Excel files', () => {
  it('validates a Word file, whatever its name, exit 0', async () => {
    const file = write('报告.txt', await reportDocx(reference, { headings: 'bold', titleOverTwoLines: true, headerFooter: true }));

    const { code, stdout } = await nianbao('validate', '--json', file);

    // The same verdict as the report itself gets: valid, with its own warnings (王店镇's 六 is “无”:
    // no statement on 信息处理费), no more, no fewer.
    const verdict = JSON.parse(stdout) as { valid: boolean; template: string; errors: unknown[]; warnings: { rule: string; path: string }[] };
    const own = validateReport(reference).filter((f) => f.severity === 'warning');
    expect(verdict).toMatchObject({ valid: true, template: '2021', errors: [] });
    expect(verdict.warnings.map((w) => `${w.rule} ${w.path}`)).toEqual(own.map((w) => `${w.rule} ${w.path}`));
    expect(code).toBe(0);
  });

  it('imports a workbook of tables alone and says which text sections it lacks', async () => {
    const file = write('tables.xlsx', await reportXlsx(reference, { formulas: true }));

    const { code, stdout, stderr } = await nianbao('import', file);

    expect(code).toBe(0);
    const report = Report.parse(JSON.parse(stdout));
    expect(report.sections.applications).toEqual(reference.sections.applications);
    expect(report.sections.overview).toBe('');
    expect(stderr).toContain('未找到第一部分“总体情况”、第五部分“存在的主要问题及改进情况”、第六部分“其他需要报告的事项”');
  });

  it('refuses an incomplete report, naming the section it could not find, exit 2', async () => {
    const html = reportHtml(reference).replace(/<p>三、[\s\S]*?(?=<p>四、)/, '');
    const file = write('incomplete.html', html);

    const { code, stdout, stderr } = await nianbao('validate', '--json', file);

    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ valid: false, error: `${file}：未找到第三部分“收到和处理政府信息公开申请情况”` });
    expect(stderr).toContain('未找到第三部分');
  });

  it('refuses an unsupported binary, listing the kinds it reads, exit 2', async () => {
    const file = write('scan.docx', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));

    const { code, stderr } = await nianbao('import', file);

    expect(code).toBe(2);
    expect(stderr).toContain('不支持的文件类型（这是图片（JPEG））：请选择 Word（.docx）、PDF、Excel（.xlsx）、网页（HTML）、纯文本 文件');
  });
});
